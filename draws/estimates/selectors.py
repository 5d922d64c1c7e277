"""The reads behind the estimates, each one query whatever the history's length.

Draws are public facts. Standings are read for a client the caller has already fetched through
``profiles.selectors.clients_visible_to``: that is where the scope is decided.
"""

from __future__ import annotations

from datetime import date

from draws.estimates.backtest import RoundStanding
from draws.estimates.outlook import RoundFact
from draws.estimates.periods import year_to
from draws.models import Draw, Family, Standing
from eeportal.public_cache import per_revision
from profiles.dates import local_date
from profiles.models import Client

_KIND_LABELS = dict(Family.choices)


@per_revision
def latest_pool_draw() -> Draw | None:
    """The newest round whose distribution can be estimated from (one query per process and
    data revision: every portal asks)."""
    return (
        Draw.objects.filter(pool_ranks__isnull=False, pool_ranks__total__gt=0)
        .only("number", "held_on", "pool_as_of", "pool_ranks")
        .order_by("-held_on", "-sequence", "-number")
        .first()
    )


def submitted_on(client: Client) -> date | None:
    """The local date the client's Express Entry profile was submitted (no query)."""
    moment = client.profile_submitted_at
    return None if moment is None else local_date(moment)


def standings_history(*, client: Client, on: date) -> list[RoundStanding]:
    """The client's standings in the rounds held from the earlier of 12 months before ``on``
    and the profile's submission, up to ``on``, oldest first (one query)."""
    start = year_to(on)
    submitted = submitted_on(client)
    if submitted is not None:
        start = min(start, submitted)
    rows = (
        Standing.objects.filter(client=client, draw__held_on__gte=start, draw__held_on__lte=on)
        .order_by("draw__held_on", "draw__sequence", "draw__number")
        .values_list(
            "draw__number",
            "draw__held_on",
            "draw__category__family",
            "draw__cutoff",
            "crs",
            "verdict",
        )
    )
    return [
        RoundStanding(number, held_on, kind, _KIND_LABELS.get(kind, kind), cutoff, crs, verdict)
        for number, held_on, kind, cutoff, crs, verdict in rows
    ]


@per_revision
def recent_rounds(*, on: date) -> tuple[RoundFact, ...]:
    """Every round of the 12 months to ``on`` (one query per process, data revision and day;
    load once to serve many clients)."""
    rows = (
        Draw.objects.filter(held_on__gte=year_to(on), held_on__lte=on)
        .order_by("held_on", "sequence", "number")
        .values_list("number", "held_on", "category__family", "cutoff")
    )
    return tuple(RoundFact(*row) for row in rows)
