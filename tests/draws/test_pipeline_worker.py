"""The re-evaluation end to end with real Celery workers on Redis (DESIGN.md §5, §8).

Workers are separate processes (tests/workers.py) reading the committed test database, so
these tests use ``transactional_db``. Each fault of issue 7 has its test: a worker killed
mid-run, the broker down when a draw is saved, a correction mid-run, a client deleted mid-run.
"""

import datetime as dt

import pytest
from django.db.models import Count

from draws.models import Draw, DrawCategory, ReevaluationChunk, ReevaluationRun, Standing
from draws.reevaluation import runs
from draws.services import record_draw
from eeportal.celery import app
from profiles.management.commands.seed_clients import seed_batch
from profiles.models import Client
from tests import factories
from tests.workers import WorkerProcess, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
State = ReevaluationRun.State
DRAW_DAY = dt.date(2026, 11, 2)


@pytest.fixture
def cec(categories) -> DrawCategory:
    return DrawCategory.objects.get(key="cec")


@pytest.fixture
def clients(transactional_db) -> list[int]:
    """400 synthetic client files, written with COPY as `seed_clients` writes them."""
    firm = factories.FirmFactory(name="Pipeline")
    seed_batch(firm.pk, seed=7, size=400)
    return list(Client.objects.values_list("pk", flat=True))


@pytest.fixture
def workers():
    started: list[WorkerProcess] = []

    def start(**options) -> WorkerProcess:
        worker = WorkerProcess(name=f"w{len(started) + 1}", **options)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def record(category: DrawCategory, *, cutoff: int = 480) -> ReevaluationRun:
    return record_draw(
        number="900", held_on=DRAW_DAY, category=category, invitations=3000, cutoff=cutoff,
        tie_break_at=dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC), by=None, source=Draw.Source.ADMIN,
    ).run  # fmt: skip


def run_of(run: ReevaluationRun) -> ReevaluationRun:
    run.refresh_from_db()
    return run


def done(run: ReevaluationRun) -> bool:
    return run_of(run).state == State.DONE


def chunks_done(run: ReevaluationRun) -> int:
    return ReevaluationChunk.objects.filter(run=run, done_at__isnull=False).count()


def assert_every_client_has_exactly_one_row(draw: Draw, client_ids: list[int]) -> None:
    rows = Standing.objects.filter(draw=draw)
    assert sorted(rows.values_list("client_id", flat=True)) == sorted(client_ids)
    assert not rows.values("client_id").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_a_recorded_draw_is_evaluated_for_every_client_by_a_real_worker(cec, clients, workers):
    run = record(cec)
    workers(concurrency=2)
    wait_for(lambda: done(run), timeout=120, what="the run to finish")
    run = run_of(run)
    assert (run.total, run.done, run.failed) == (len(clients), len(clients), 0)
    assert_every_client_has_exactly_one_row(run.draw, clients)


def test_a_worker_killed_mid_run_loses_no_client(cec, clients, workers):
    first = workers(REEVALUATION_CHUNK_SIZE="5")
    run = record(cec)
    wait_for(lambda: chunks_done(run) >= 2, timeout=120, what="the first chunks")
    first.kill()
    assert run_of(run).state == State.RUNNING, "the run finished before the kill: test is moot"
    left = ReevaluationChunk.objects.filter(run=run, done_at=None).count()
    assert left > 0

    workers()
    # The killed worker's unacknowledged message only comes back after the broker's visibility
    # timeout (an hour); resume_stalled_runs (beat, every minute) re-queues it sooner.
    runs.resume_stalled_runs(stalled_after=dt.timedelta(0))
    wait_for(lambda: done(run), timeout=120, what="the resumed run to finish")
    assert run_of(run).done == len(clients)
    assert_every_client_has_exactly_one_row(run.draw, clients)


def _point_broker_at(url: str) -> None:
    app.conf.broker_url = url
    app._pool = None  # connections are pooled per URL; forget the old ones
    app.amqp._producer_pool = None


def test_a_draw_saved_while_redis_is_down_runs_once_it_is_back(cec, clients, workers, settings):
    real = app.conf.broker_url
    _point_broker_at("redis://127.0.0.1:1/0")
    try:
        run = record(cec)
    finally:
        _point_broker_at(real)
    run = run_of(run)
    assert Draw.objects.filter(number="900").exists()
    assert (run.state, run.queued_at) == (State.PENDING, None)

    workers(concurrency=2)
    runs.resume_stalled_runs()
    wait_for(lambda: done(run), timeout=120, what="the run to finish after the broker is back")
    assert_every_client_has_exactly_one_row(run.draw, clients)


def test_a_draw_corrected_while_its_run_is_in_progress_ends_with_the_corrected_figures(
    cec, clients, workers
):
    workers(REEVALUATION_CHUNK_SIZE="5")
    first = record(cec, cutoff=480)
    wait_for(lambda: chunks_done(first) >= 2, timeout=120, what="the first chunks")
    second = record(cec, cutoff=420)
    wait_for(lambda: done(second), timeout=120, what="the corrected run")
    assert run_of(first).state == State.SUPERSEDED
    rows = Standing.objects.filter(draw=second.draw)
    assert set(rows.values_list("revision", flat=True)) == {2}
    assert all(row.margin == row.crs - 420 for row in rows)
    assert_every_client_has_exactly_one_row(second.draw, clients)


def test_a_client_deleted_mid_run_leaves_no_error_and_no_orphan_row(cec, clients, workers):
    workers(REEVALUATION_CHUNK_SIZE="5")
    run = record(cec)
    wait_for(lambda: chunks_done(run) >= 1, timeout=120, what="the first chunk")
    gone = clients[-1]  # in the last chunk, not evaluated yet
    Client.objects.filter(pk=gone).delete()
    wait_for(lambda: done(run), timeout=120, what="the run to finish")
    assert run_of(run).failed == 0
    assert_every_client_has_exactly_one_row(run.draw, clients[:-1])
