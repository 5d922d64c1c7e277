"""The standings table is partitioned by draw (migration 0008): one table per draw."""

import pytest
from django.db import IntegrityError, connection, transaction

from draws.models import Standing
from draws.reevaluation import runs
from draws.reevaluation.standings import write_standings
from tests import factories
from tests.draws.reevaluation_helpers import pool_client, record_cec_draw

pytestmark = pytest.mark.django_db


def partition_of(draw_id: int) -> str | None:
    """The table holding the draw's standings, if it is a partition of draws_standing."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'draws_standing'::regclass
               AND pg_get_expr(c.relpartbound, c.oid) = %s""",
            [f"FOR VALUES IN ('{draw_id}')"],
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


def test_recording_a_draw_creates_its_partition():
    draw = record_cec_draw().draw
    assert partition_of(draw.pk) == f"draws_standing_{draw.pk}"


def test_a_draw_made_by_a_factory_gets_a_partition_too():
    draw = factories.DrawFactory()
    assert partition_of(draw.pk) == f"draws_standing_{draw.pk}"


def test_a_runs_standings_go_to_its_draws_partition_only():
    first, _ = pool_client(), pool_client()
    other = factories.StandingFactory(client=first)
    draw = record_cec_draw().draw
    run_everything(draw.runs.get())
    assert rows_in(f"draws_standing_{draw.pk}") == 2
    assert rows_in(f"draws_standing_{other.draw_id}") == 1


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


def test_deleting_a_draw_drops_its_partition():
    draw = factories.DrawFactory()
    draw.delete()
    assert partition_of(draw.pk) is None


def test_a_draw_deleted_with_standings_written_in_the_same_transaction_leaves_none():
    # Its foreign-key checks are still pending, so its table cannot be dropped yet: it stays.
    draw = factories.StandingFactory().draw
    draw.delete()
    assert not Standing.objects.exists()


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
    assert rows_in(f"draws_standing_{run.draw_id}") == 0
