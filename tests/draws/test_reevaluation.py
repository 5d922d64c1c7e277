"""The re-evaluation services, called directly (the worker tests run them through Celery)."""

import datetime as dt

import pytest
from django.db import transaction

from draws.models import ReevaluationRun, Standing
from draws.reevaluation import evaluation, runs
from draws.reevaluation.standings import write_standings
from tests import factories
from tests.draws.reevaluation_helpers import DRAW_DAY, pool_client, record_cec_draw

pytestmark = pytest.mark.django_db
State = ReevaluationRun.State


def run_everything(run: ReevaluationRun) -> ReevaluationRun:
    """What the workers do, in order, in this process."""
    runs.reevaluate_draw(run_id=run.pk)
    for chunk_id in run.chunks.values_list("pk", flat=True):
        runs.evaluate_chunk(chunk_id=chunk_id)
    run.refresh_from_db()
    return run


def test_recording_a_draw_schedules_a_pending_run_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        recorded = record_cec_draw()
    assert recorded.run.state == State.PENDING
    assert recorded.run.revision == 1
    # The other callback renews the public pages' cache revision (eeportal/public_cache.py).
    assert len([c for c in callbacks if "schedule_reevaluation" in c.__qualname__]) == 1


def test_a_rolled_back_save_schedules_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        record_cec_draw()
        raise RuntimeError("the import failed further on")
    assert callbacks == []
    assert not ReevaluationRun.objects.exists()


def test_correcting_the_cutoff_starts_a_new_revision_and_supersedes_the_old_run():
    first = record_cec_draw().run
    second = record_cec_draw(cutoff=470).run
    first.refresh_from_db()
    assert (second.revision, second.state) == (2, State.PENDING)
    assert first.state == State.SUPERSEDED


@pytest.mark.parametrize(
    "change",
    [
        {"tie_break_at": dt.datetime(2026, 5, 2, tzinfo=dt.UTC)},
        {"held_on": DRAW_DAY.replace(day=9)},
    ],
)
def test_correcting_the_tie_break_or_date_re_runs_the_draw(change):
    record_cec_draw()
    assert record_cec_draw(**change).run.revision == 2


def test_correcting_only_the_name_re_runs_nothing():
    record_cec_draw()
    recorded = record_cec_draw(ircc_name="Canadian Experience Class (renamed)")
    assert recorded.changed and recorded.run is None


def test_a_run_writes_one_standing_per_client_and_finishes():
    clients = [pool_client() for _ in range(3)]
    run = run_everything(record_cec_draw().run)
    assert run.state == State.DONE
    assert (run.total, run.done, run.failed) == (3, 3, 0)
    assert Standing.objects.filter(draw=run.draw).count() == len(clients)


def test_clients_are_split_into_chunks_by_id_range(settings):
    settings.REEVALUATION_CHUNK_SIZE = 2
    clients = sorted(c.pk for c in (pool_client() for _ in range(5)))
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    ranges = list(run.chunks.values_list("first_id", "last_id", "size"))
    assert ranges == [
        (clients[0], clients[1], 2),
        (clients[2], clients[3], 2),
        (clients[4], clients[4], 1),
    ]


def test_running_a_finished_chunk_again_changes_nothing():
    pool_client()
    run = run_everything(record_cec_draw().run)
    before = list(Standing.objects.values("pk", "evaluated_at"))
    runs.evaluate_chunk(chunk_id=run.chunks.get().pk)
    run.refresh_from_db()
    assert list(Standing.objects.values("pk", "evaluated_at")) == before
    assert run.done == 1


def test_starting_a_run_twice_creates_its_chunks_once():
    pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    runs.reevaluate_draw(run_id=run.pk)
    assert run.chunks.count() == 1


def test_a_client_deleted_before_its_chunk_runs_gets_no_row_and_no_error():
    keep, gone = pool_client(), pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    gone.delete()
    run = run_everything(run)
    assert list(Standing.objects.values_list("client_id", flat=True)) == [keep.pk]
    assert run.state == State.DONE


def test_standings_of_an_older_revision_never_overwrite_newer_ones():
    client = pool_client()
    draw = record_cec_draw().draw
    write_standings(draw_id=draw.pk, revision=2, rows=[(client.pk, 500, True, "", 20, "invited")])
    write_standings(
        draw_id=draw.pk, revision=1, rows=[(client.pk, 400, True, "", -80, "below_cutoff")]
    )
    assert Standing.objects.get().crs == 500


def test_a_chunk_of_a_superseded_run_writes_nothing():
    pool_client()
    first = record_cec_draw().run
    runs.reevaluate_draw(run_id=first.pk)
    record_cec_draw(cutoff=470)
    runs.evaluate_chunk(chunk_id=first.chunks.get().pk)
    assert not Standing.objects.exists()


@pytest.mark.parametrize("clients", [3, 30])
def test_a_chunk_runs_a_fixed_number_of_queries_whatever_its_size(
    clients, django_assert_num_queries
):
    for _ in range(clients):
        pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    chunk = run.chunks.get()
    # chunk+run+draw+category, attempts, 4 facts queries (credentials, results, periods, clients),
    # savepoint (the test's transaction), temp table, truncate, COPY, upsert, close chunk,
    # add to run, release, any chunk pending?, finish run
    with django_assert_num_queries(16):
        runs.evaluate_chunk(chunk_id=chunk.pk)


def test_pending_runs_start_newest_draw_first(settings, monkeypatch):
    settings.REEVALUATION_ACTIVE_RUNS = 1
    monkeypatch.setattr(runs, "queue_chunks", lambda ids: None)
    old = record_cec_draw(number="498", held_on=DRAW_DAY - dt.timedelta(days=20)).run
    new = record_cec_draw(number="499", held_on=DRAW_DAY).run
    assert runs.dispatch_runs() == [new.pk]
    assert ReevaluationRun.objects.get(pk=old.pk).state == State.PENDING


def test_resume_finishes_a_run_whose_last_chunk_finished_without_closing_it():
    pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    chunk = run.chunks.get()
    evaluation.evaluate_clients(
        draw=run.draw, revision=run.revision, clients=[factories.ClientFactory().pk]
    )
    type(chunk).objects.filter(pk=chunk.pk).update(done_at=dt.datetime.now(dt.UTC))
    assert runs.resume_stalled_runs()["finished_runs"] == 1


def test_a_chunk_that_keeps_failing_is_given_up_and_fails_its_run(settings, monkeypatch):
    settings.REEVALUATION_MAX_ATTEMPTS = 2
    pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    chunk = run.chunks.get()

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(evaluation, "write_standings", broken)
    with pytest.raises(RuntimeError):
        runs.evaluate_chunk(chunk_id=chunk.pk)  # first attempt: left for a retry
    assert ReevaluationRun.objects.get(pk=run.pk).state == State.RUNNING
    runs.evaluate_chunk(chunk_id=chunk.pk)  # second attempt: given up
    run.refresh_from_db()
    assert (run.state, run.failed, run.done) == (State.FAILED, 1, 1)
    assert "RuntimeError: disk full" in run.error
