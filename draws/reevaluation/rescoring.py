"""Per-client re-scoring (DESIGN.md §5): a client whose facts change is judged again in the
draws of the last 12 months, by a small task of its own rather than a full run per draw.

profiles sends ``facts_changed`` after the commit that changed the files; ``queue_rescore``
(connected in ``DrawsConfig.ready``, so profiles never imports draws) sends the task.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.utils import timezone

from draws.models import Draw
from draws.reevaluation import sending
from draws.reevaluation.evaluation import evaluate_clients
from profiles.candidates.loader import facts_for
from profiles.models.clients import add_months

RECENT_MONTHS = 12


def queue_rescore(sender: object, *, client_ids: Sequence[int], **kwargs: object) -> None:
    """Receiver of ``profiles.signals.facts_changed``: one task per chunk of clients.

    Sent at once: the signal itself is sent from ``transaction.on_commit`` (that is its
    contract, tests/profiles checks it), so the facts the task reads are committed already; a
    second ``on_commit`` here only deferred the send to the same moment. Through ``sending``
    so a dead broker costs the edit nothing. A missed re-score is caught up by the next full
    run of a draw, not by ``resume_stalled_runs``: it has no run row.
    """
    ids = sorted(set(client_ids))
    size = settings.REEVALUATION_CHUNK_SIZE
    for start in range(0, len(ids), size):
        sending.send(sending.RESCORE_CLIENTS, ids[start : start + size])


def recent_draws(*, today: date | None = None) -> list[Draw]:
    """Draws held in the last 12 months, newest first, with what ``judge`` needs loaded."""
    today = today or timezone.localdate()
    since = add_months(today, -RECENT_MONTHS)
    return list(Draw.objects.filter(held_on__gte=since).select_related("category"))


def rescore_clients(*, client_ids: Sequence[int], today: date | None = None) -> int:
    """Upsert the standings of ``client_ids`` in every recent draw, at each draw's current
    revision. Returns the number of standings written.

    A run of a newer revision writing at the same time wins (``write_standings`` never lets an
    older revision overwrite a newer one); deleted clients are skipped.
    """
    written = 0
    facts = facts_for(list(client_ids))
    for draw in recent_draws(today=today):
        judged = evaluate_clients(draw=draw, revision=draw.revision, clients=facts)
        written += len(judged.rows)
    return written
