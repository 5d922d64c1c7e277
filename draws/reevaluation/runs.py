"""A run's life (DESIGN.md §5): scheduled, dispatched, split into chunks, each chunk evaluated
and closed, finished; and resumed when a dead broker or a killed worker left it behind.

Runs wait in ``pending`` and are started newest draw first, a few at a time, so importing the
whole history queues 435 runs instead of flooding the workers with all of them at once. Every
step is safe to run twice: a redelivered task finds from the rows that its work is done.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone

from draws.models import Draw, ReevaluationChunk, ReevaluationRun
from draws.reevaluation import sending
from draws.reevaluation.evaluation import judge_clients, write_judged
from draws.reevaluation.memory import collection_paused
from profiles.models import Client

log = logging.getLogger(__name__)
Run = ReevaluationRun
State = ReevaluationRun.State


def schedule_reevaluation(*, draw: Draw) -> ReevaluationRun:
    """A pending run for the draw's current revision, queued once the transaction commits.

    Called inside ``record_draw``'s transaction: a rolled-back save leaves no run and queues
    nothing. Older runs of the same draw still going are superseded: their chunks stop, and
    their rows cannot overwrite the new revision's (``write_standings``).
    """
    Run.objects.filter(draw=draw, revision__lt=draw.revision, state__in=_ACTIVE).update(
        state=State.SUPERSEDED, finished_at=timezone.now()
    )
    run, _ = Run.objects.get_or_create(draw=draw, revision=draw.revision)
    transaction.on_commit(lambda: queue(sending.DISPATCH_RUNS, run=run))
    return run


_ACTIVE = (State.PENDING, State.RUNNING)


def queue(name: str, *args: object, run: ReevaluationRun | None = None) -> bool:
    """Send task ``name`` (``sending``); once the broker took it, ``run`` is marked queued. A
    run left unmarked is what the save notice calls "could not be queued"."""
    if not sending.send(name, *args):
        return False
    if run is not None:
        Run.objects.filter(pk=run.pk, queued_at=None).update(queued_at=timezone.now())
    return True


def dispatch_runs() -> list[int]:
    """Start pending runs, newest draw first, while fewer than the limit are running."""
    started = _dispatch_once()
    if settings.CELERY_TASK_ALWAYS_EAGER:
        # In-process (no Redis) the chosen runs have finished by now; go on here rather than
        # from finish_run, whose call chain would otherwise nest once per run (435 deep).
        while batch := _dispatch_once():
            started += batch
    return started


def _dispatch_once() -> list[int]:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Two dispatchers at once would both see a free slot and overfill it.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext('eeportal.dispatch_runs'))")
        running = Run.objects.filter(state=State.RUNNING).count()
        slots = max(settings.REEVALUATION_ACTIVE_RUNS - running, 0)
        chosen = list(
            Run.objects.filter(state=State.PENDING)
            .order_by("-draw__held_on", "-draw__sequence", "-revision")
            .values_list("pk", flat=True)[:slots]
        )
        for run_id in chosen:
            reevaluate_draw(run_id=run_id)
    return chosen


def reevaluate_draw(*, run_id: int) -> None:
    """Split the clients into id ranges, one chunk row each, and queue a task per chunk."""
    with transaction.atomic():
        run = Run.objects.select_for_update().select_related("draw").get(pk=run_id)
        if run.state != State.PENDING:
            return  # started already (a redelivered task) or superseded
        if run.revision != run.draw.revision:
            run.state, run.finished_at = State.SUPERSEDED, timezone.now()
            run.save(update_fields=["state", "finished_at"])
            return
        chunks = [
            ReevaluationChunk(run=run, first_id=first, last_id=last, size=size)
            for first, last, size in _id_ranges(settings.REEVALUATION_CHUNK_SIZE)
        ]
        ReevaluationChunk.objects.bulk_create(chunks)
        now = timezone.now()
        Run.objects.filter(pk=run.pk).update(
            state=State.RUNNING,
            started_at=now,
            queued_at=F("queued_at") if run.queued_at else now,
            total=sum(c.size for c in chunks),
        )
        if not chunks:
            transaction.on_commit(lambda: finish_run(run_id=run.pk))
        chunk_ids = list(run.chunks.values_list("pk", flat=True))
        transaction.on_commit(lambda: queue_chunks(chunk_ids))


def _id_ranges(size: int) -> Iterable[tuple[int, int, int]]:
    """(first id, last id, count) of consecutive runs of ``size`` clients, computed in SQL so
    no list of 100,000 ids is held in memory. Archived files are not evaluated (nor counted)."""
    table = Client._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT MIN(id), MAX(id), COUNT(*) FROM (
                    SELECT id, (ROW_NUMBER() OVER (ORDER BY id) - 1) / %s AS bucket FROM {table}
                    WHERE archived_at IS NULL
                ) numbered GROUP BY bucket ORDER BY bucket""",  # noqa: S608 (our own table name)
            [size],
        )
        return cursor.fetchall()


def queue_chunks(chunk_ids: list[int]) -> None:
    ReevaluationChunk.objects.filter(pk__in=chunk_ids).update(queued_at=timezone.now())
    for chunk_id in chunk_ids:
        if not queue(sending.EVALUATE_CHUNK, chunk_id):
            return  # broker gone: resume_stalled_runs re-queues what is left


def evaluate_chunk(*, chunk_id: int) -> None:
    """Score one id range of clients as of the draw date and upsert their standings."""
    chunk = ReevaluationChunk.objects.select_related("run__draw__category").filter(pk=chunk_id)
    chunk = chunk.first()
    if chunk is None or chunk.done_at is not None:
        return  # a redelivery of finished work
    run = chunk.run
    if run.state != State.RUNNING:
        _close_chunk(chunk, evaluated=0, failed=0)
        return
    ReevaluationChunk.objects.filter(pk=chunk.pk).update(attempts=F("attempts") + 1)
    try:
        with collection_paused():
            judged = judge_clients(draw=run.draw, clients=range(chunk.first_id, chunk.last_id + 1))
        # The rows and the chunk's completion commit together: a delivery that finds the chunk
        # closed meanwhile (by a redelivered twin) rolls its rows back, counting nothing twice.
        with transaction.atomic():
            write_judged(draw=run.draw, revision=run.revision, judged=judged)
            if not _close_chunk(chunk, evaluated=len(judged.rows), failed=judged.failed):
                transaction.set_rollback(True)
                return
    except Exception as exc:
        # Left pending, resume_stalled_runs tries it again; a chunk that keeps failing (a bug,
        # not a dead worker) must not be retried forever nor keep its run open for ever.
        if chunk.attempts + 1 < settings.REEVALUATION_MAX_ATTEMPTS:
            raise
        log.exception("Giving up on %s after %s attempts", chunk, chunk.attempts + 1)
        error = f"Clients {chunk.first_id} to {chunk.last_id}: {type(exc).__name__}: {exc}"
        if _close_chunk(chunk, evaluated=0, failed=chunk.size):
            Run.objects.filter(pk=run.pk).update(error=error[:2000])
        _maybe_finish(run.pk)
        return
    _maybe_finish(run.pk)


def _close_chunk(chunk: ReevaluationChunk, *, evaluated: int, failed: int) -> bool:
    # Conditional UPDATE, not read-then-save: a redelivered chunk and the original can finish
    # together, and only one of them may add its count to the run.
    closed = ReevaluationChunk.objects.filter(pk=chunk.pk, done_at=None).update(
        done_at=timezone.now(), evaluated=evaluated, failed=failed
    )
    if closed:
        Run.objects.filter(pk=chunk.run_id).update(
            done=F("done") + chunk.size, failed=F("failed") + failed
        )
    return bool(closed)


def _maybe_finish(run_id: int) -> None:
    if not ReevaluationChunk.objects.filter(run_id=run_id, done_at=None).exists():
        finish_run(run_id=run_id)


def finish_run(*, run_id: int) -> bool:
    """Mark the run done, or failed if a chunk gave up (once, however many chunks think they
    were last), and move on."""
    closed = Run.objects.filter(pk=run_id, state=State.RUNNING).update(
        state=Case(When(error="", then=Value(State.DONE)), default=Value(State.FAILED)),
        finished_at=timezone.now(),
    )
    if closed:
        transaction.on_commit(lambda: queue(sending.SEND_DRAW_DIGESTS, run_id))
        if not settings.CELERY_TASK_ALWAYS_EAGER:  # eager mode dispatches in a loop instead
            transaction.on_commit(lambda: queue(sending.DISPATCH_RUNS))
    return bool(closed)


def resume_stalled_runs(*, stalled_after: timedelta | None = None) -> dict[str, int]:
    """Re-send what a dead broker or a killed worker left behind (beat, every minute).

    - runs never queued, or pending: dispatched again;
    - chunks queued longer than ``stalled_after`` ago and not done: queued again (the
      evaluation is idempotent, so a slow original finishing too does no harm);
    - running runs whose chunks are all done: finished.
    """
    if stalled_after is None:
        stalled_after = timedelta(seconds=settings.REEVALUATION_STALLED_AFTER)
    cutoff = timezone.now() - stalled_after
    stalled = list(
        ReevaluationChunk.objects.filter(
            run__state=State.RUNNING, done_at=None, queued_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    never_queued = list(
        ReevaluationChunk.objects.filter(
            run__state=State.RUNNING, done_at=None, queued_at=None
        ).values_list("pk", flat=True)
    )
    if stalled or never_queued:
        queue_chunks(stalled + never_queued)
    finished = 0
    for run_id in (
        Run.objects.filter(state=State.RUNNING)
        .exclude(chunks__done_at=None)
        .values_list("pk", flat=True)
    ):
        finished += finish_run(run_id=run_id)
    pending = Run.objects.filter(state=State.PENDING).exists()
    if pending:
        queue(sending.DISPATCH_RUNS)
    return {"requeued_chunks": len(stalled) + len(never_queued), "finished_runs": finished}
