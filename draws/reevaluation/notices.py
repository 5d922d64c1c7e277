"""What staff are told about re-evaluation runs: after saving a draw (admin, API) and after
resuming stalled runs (page, command). Reads only, apart from ``resume``, which hands over to
``runs.resume_stalled_runs``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.utils import formats
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from draws.models import ReevaluationRun
from draws.reevaluation import runs
from draws.services import Outcome, RecordedDraw
from profiles.models import Client

BROKER_DOWN = _(
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
            return messages.INFO, gettext(
                "Draw saved. Nothing changed, so nothing is re-evaluated."
            )
        return messages.SUCCESS, gettext(
            "Draw saved. The correction does not change who is invited."
        )
    run = fresh(recorded.run)
    if run.queued_at is None:
        return messages.WARNING, str(BROKER_DOWN)
    count = run.total or Client.objects.current().count()  # known once a worker starts the run
    text = ngettext(
        "Draw saved. Re-evaluation of %(count)s client queued.",
        "Draw saved. Re-evaluation of %(count)s clients queued.",
        count,
    ) % {"count": formats.number_format(count, force_grouping=True)}
    return messages.SUCCESS, text


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
        chunks = ngettext(
            "Re-queued %(count)s stalled chunk", "Re-queued %(count)s stalled chunks",
            self.requeued_chunks,
        ) % {"count": self.requeued_chunks}  # fmt: skip
        finished = ngettext(
            "finished %(count)s run", "finished %(count)s runs", self.finished_runs
        ) % {"count": self.finished_runs}
        pending = ngettext(
            "sent %(count)s pending run to the dispatcher.",
            "sent %(count)s pending runs to the dispatcher.",
            self.pending_runs,
        ) % {"count": self.pending_runs}
        return f"{chunks}, {finished}, {pending}"


def resume(*, stalled_after: timedelta | None = None) -> Resumed:
    """``resume_stalled_runs``, with the pending runs it hands to the dispatcher counted."""
    pending = ReevaluationRun.objects.filter(state=ReevaluationRun.State.PENDING).count()
    done = runs.resume_stalled_runs(stalled_after=stalled_after)
    return Resumed(done["requeued_chunks"], done["finished_runs"], pending)
