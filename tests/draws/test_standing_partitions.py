"""The standings table is partitioned by draw (migration 0008): a table per block of 64 draws."""

import pytest
from django.db import IntegrityError, connection, transaction

from draws.models import Standing
from draws.reevaluation import runs
from draws.reevaluation.standings import write_standings
from tests import factories
from tests.draws.reevaluation_helpers import pool_client, record_cec_draw

pytestmark = pytest.mark.django_db

BLOCK = 64


def partition_of(draw_id: int) -> str | None:
    """The partition of draws_standing whose range holds ``draw_id``, if there is one."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'draws_standing'::regclass AND c.relname = %s""",
            [f"draws_standing_b{draw_id // BLOCK}"],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def rows_in(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        return cursor.fetchone()[0]


def run_everything(run) -> None:
    runs.reevaluate_draw(run_id=run.pk)
    for chunk_id in run.chunks.values_list("pk", flat=True):
        runs.evaluate_chunk(chunk_id=chunk_id)


def test_recording_a_draw_gives_it_a_partition():
    draw = record_cec_draw().draw
    assert partition_of(draw.pk) == f"draws_standing_b{draw.pk // BLOCK}"


def test_the_first_draw_of_a_new_block_creates_the_blocks_partition():
    draw = factories.DrawFactory(id=BLOCK * 1000 + 5)
    assert partition_of(draw.pk) == "draws_standing_b1000"


def test_draws_of_the_same_block_share_its_partition():
    first = factories.DrawFactory(id=BLOCK * 1000)
    last = factories.DrawFactory(id=BLOCK * 1000 + BLOCK - 1)
    assert partition_of(first.pk) == partition_of(last.pk) == "draws_standing_b1000"


def test_a_runs_standings_go_to_its_draws_partition_only():
    first, _ = pool_client(), pool_client()
    other = factories.StandingFactory(client=first, draw=factories.DrawFactory(id=BLOCK * 1000))
    draw = record_cec_draw().draw
    run_everything(draw.runs.get())
    assert rows_in(f"draws_standing_b{draw.pk // BLOCK}") == 2
    assert rows_in(f"draws_standing_b{other.draw_id // BLOCK}") == 1


def test_re_running_a_round_replaces_exactly_its_rows():
    clients = [pool_client(), pool_client()]
    kept = factories.StandingFactory(client=clients[0], crs=300)
    draw = record_cec_draw().draw
    run_everything(draw.runs.get())
    again = record_cec_draw(cutoff=470).run  # a correction: revision 2
    run_everything(again)
    rows = Standing.objects.filter(draw=draw).order_by("client_id")
    assert [(s.client_id, s.revision, s.margin) for s in rows] == [
        (c.pk, 2, 490 - 470) for c in clients
    ]
    assert Standing.objects.exclude(draw=draw).get().crs == kept.crs


def test_deleting_a_draw_deletes_its_standings_and_no_other():
    kept = factories.StandingFactory()
    gone = factories.StandingFactory(client=kept.client)
    gone.draw.delete()
    assert list(Standing.objects.values_list("draw_id", flat=True)) == [kept.draw_id]


def test_a_standing_for_a_draw_without_a_partition_is_refused():
    # No default partition: such a row would be one no run or page ever finds.
    client = factories.ClientFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        write_standings(draw_id=10**9, revision=1, rows=[(client.pk, 1, True, "", 0, "invited")])


def test_a_chunk_whose_close_fails_leaves_none_of_its_rows(monkeypatch):
    pool_client(), pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)

    def fail(*args, **kwargs):
        raise RuntimeError("database gone between the write and the close")

    monkeypatch.setattr(runs, "_close_chunk", fail)
    with pytest.raises(RuntimeError):
        runs.evaluate_chunk(chunk_id=run.chunks.get().pk)
    assert not Standing.objects.filter(draw=run.draw).exists()
