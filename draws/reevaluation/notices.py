"""What staff are told about re-evaluation runs: after saving a draw (admin, API) and after
resuming stalled runs (page, command). Reads only, apart from ``resume``, which hands over to
``runs.resume_stalled_runs``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages

from draws.models import ReevaluationRun
from draws.reevaluation import runs
from draws.services import Outcome, RecordedDraw
from profiles.models import Client

BROKER_DOWN = (
    "Draw saved. The re-evaluation could not be queued because the task broker is "
    "unreachable; it will start automatically when the broker is back."
)


def fresh(run: ReevaluationRun) -> ReevaluationRun:
    """The run as stored now. ``record_draw`` returns the run as created; ``queue`` marks it
    queued with an UPDATE once the transaction has committed, so the instance is stale."""
    return ReevaluationRun.objects.get(pk=run.pk)


def notice(recorded: RecordedDraw) -> tuple[int, str]:
    """(message level, text) for the admin after a save. Call it after the commit."""
    if recorded.run is None:
        if recorded.outcome is Outcome.UNCHANGED:
            return messages.INFO, "Draw saved. Nothing changed, so nothing is re-evaluated."
        return messages.SUCCESS, "Draw saved. The correction does not change who is invited."
    run = fresh(recorded.run)
    if run.queued_at is None:
        return messages.WARNING, BROKER_DOWN
    count = run.total or Client.objects.current().count()  # known once a worker starts the run
    clients = f"{count:,} client{'s' * (count != 1)}"
    return messages.SUCCESS, f"Draw saved. Re-evaluation of {clients} queued."


def status(run: ReevaluationRun | None) -> dict | None:
    """The API's ``reevaluation`` member: ``{"run": 12, "state": "pending", "queued": false}``."""
    if run is None:
        return None
    run = fresh(run)
    return {"run": run.pk, "state": run.state, "queued": run.queued_at is not None}


@dataclass(frozen=True)
class Resumed:
    requeued_chunks: int
    finished_runs: int
    pending_runs: int

    def __str__(self) -> str:
        return (
            f"Re-queued {self.requeued_chunks} stalled chunk{'s' * (self.requeued_chunks != 1)}, "
            f"finished {self.finished_runs} run{'s' * (self.finished_runs != 1)}, "
            f"sent {self.pending_runs} pending run{'s' * (self.pending_runs != 1)} to the "
            "dispatcher."
        )


def resume(*, stalled_after: timedelta | None = None) -> Resumed:
    """``resume_stalled_runs``, with the pending runs it hands to the dispatcher counted."""
    pending = ReevaluationRun.objects.filter(state=ReevaluationRun.State.PENDING).count()
    done = runs.resume_stalled_runs(stalled_after=stalled_after)
    return Resumed(done["requeued_chunks"], done["finished_runs"], pending)
