"""Scores kept on client files: ``current_crs`` and ``eligible_for`` recomputed after every
change, and each move of the score recorded in the history, with why.

Every write to a file ends with ``facts_were_changed``: it re-scores the client and, once the
transaction commits, sends ``signals.facts_changed`` so the re-evaluation can re-score the
client against recent draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from profiles.candidates.assessment import summary
from profiles.candidates.facts import ClientFacts
from profiles.candidates.loader import facts_for
from profiles.candidates.score_reasons import explain, profile_expiry
from profiles.models import Client, Firm, ScoreChange
from profiles.signals import facts_changed

from .key_dates import refresh_key_dates

REFRESH_CHUNK = 5000


def facts_were_changed(
    *,
    client_ids: list[int],
    by: User | None = None,
    reason: str = gettext_noop("Client file changed"),
) -> None:
    """Re-score these clients now and, once the transaction commits, send ``facts_changed``
    (the re-evaluation's cue to re-score them against recent draws). Every write here ends
    with it; call it yourself after changing facts outside these services (the admin does).
    ``reason`` and ``by`` go into the score history when the score moves.
    """
    refresh_scores(clients=client_ids, kind=ScoreChange.Kind.FILE, reason=reason, by=by)
    transaction.on_commit(lambda: facts_changed.send(sender=Client, client_ids=client_ids))


def refresh_scores(
    *,
    clients: QuerySet[Client] | Iterable[int],
    on: date | None = None,
    kind: ScoreChange.Kind = ScoreChange.Kind.FILE,
    reason: str = gettext_noop("Client file changed"),
    by: User | None = None,
) -> int:
    """Recompute ``current_crs``, ``eligible_for``, ``undecided_for`` and ``crs_computed_on`` for
    ``clients``, and add to the score history each client whose CRS moved.

    Loads with ``facts_for`` (four queries) plus the stored values (one), then writes only what
    changed: one UPDATE for the date, one per distinct new (score, eligibility) pair and one
    INSERT of history rows. A nightly run changes few scores; ``bulk_update``'s CASE spent over
    a minute writing 100,000 unchanged rows. Never a read-modify-save, so it cannot undo a
    concurrent edit of the facts (DESIGN.md §9.7). Returns the number of clients scored.

    ``kind`` DATE (the nightly run) ignores ``reason``: each change is explained from the
    client's candidate on the day it was last scored and today (``score_reasons``), and profiles
    that expired in between are noted even though the score stays.
    """
    on = on or timezone.localdate()
    scope = (
        clients if isinstance(clients, QuerySet) else Client.objects.filter(pk__in=list(clients))
    )
    facts = facts_for(scope)
    stored = {
        pk: (crs, eligible, undecided, computed_on)
        for pk, crs, eligible, undecided, computed_on in scope.order_by().values_list(
            "pk", "current_crs", "eligible_for", "undecided_for", "crs_computed_on"
        )
    }
    changed: dict[tuple[int, str, str], list[int]] = {}
    history: list[ScoreChange] = []
    for pk, client_facts in facts.items():
        crs, eligible, undecided, computed_on = stored.get(pk, (None, "", "", None))
        values = summary(client_facts.candidate(on), on)
        if (crs, eligible, undecided) != values:
            changed.setdefault(values, []).append(pk)
        if kind == ScoreChange.Kind.DATE:
            history += _dated_changes(client_facts, crs, values[0], since=computed_on, on=on)
        elif crs != values[0]:
            history.append(
                ScoreChange(
                    client_id=pk,
                    changed_on=on,
                    crs_before=crs,
                    crs_after=values[0],
                    kind=kind,
                    reason=reason,
                    changed_by=by,
                )
            )
    Client.objects.filter(pk__in=list(facts)).update(crs_computed_on=on)
    for (crs, eligible, undecided), pks in changed.items():
        Client.objects.filter(pk__in=pks).update(
            current_crs=crs, eligible_for=eligible, undecided_for=undecided
        )
    if history:
        ScoreChange.objects.bulk_create(history)
    refresh_key_dates(facts=facts, on=on)
    return len(facts)


def _dated_changes(
    facts: ClientFacts, before: int | None, after: int, *, since: date | None, on: date
) -> list[ScoreChange]:
    """The nightly run's history for one client: the move of the score explained, and an
    expired profile noted even when the score stays (the client has left the pool)."""
    since = since if since is not None and since < on else on
    expired = profile_expiry(facts, after=since, until=on)
    if before == after:
        reason, kind = expired, ScoreChange.Kind.DATE
    else:
        kind, reason = explain(facts, before=since, after=on, crs_before=before)
        if expired:
            kind, reason = ScoreChange.Kind.DATE, f"{reason}; {expired}"
    if not reason:
        return []
    return [
        ScoreChange(
            client_id=facts.client_id,
            changed_on=on,
            crs_before=before,
            crs_after=after,
            kind=kind,
            reason=reason,
        )
    ]


def refresh_all_scores(
    *,
    firm: Firm | None = None,
    on: date | None = None,
    kind: ScoreChange.Kind = ScoreChange.Kind.DATE,
) -> int:
    """``refresh_scores`` over every client (of ``firm``), in id ranges of 5,000.

    Date-driven changes (birthdays, expiring tests and profiles, experience accruing) need this
    nightly (``profiles.tasks.nightly_rescore``); the ``refresh_scores`` command runs it too.
    Archived files are left out; restoring one re-scores it.
    """
    scope = Client.objects.filter(archived_at=None)
    scope = scope if firm is None else scope.filter(firm=firm)
    ids = scope.order_by("pk").values_list("pk", flat=True)
    total, after = 0, 0
    while chunk := list(ids.filter(pk__gt=after)[:REFRESH_CHUNK]):
        with transaction.atomic():
            total += refresh_scores(
                clients=scope.filter(pk__range=(chunk[0], chunk[-1])), on=on, kind=kind
            )
        after = chunk[-1]
    return total
