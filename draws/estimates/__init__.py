"""Estimates for a client (DESIGN.md §10): place in the pool, how they would have fared, and
the outlook. Always dated, ranges rather than points, explained on ``/methods/``.

The arithmetic is pure (``place``, ``backtest``, ``outlook``, ``poisson``, ``periods``: no
Django, tested as plain functions); these entry points load what it needs, each with a fixed
number of queries. Templates: ``draws/includes/place.html`` (context ``place``),
``draws/includes/backtest.html`` (``backtest``, ``own``) and ``draws/includes/outlook.html``
(``outlook``); the backtest's chart needs ``draws/includes/backtest_scripts.html`` in the
page's scripts block.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils import timezone

from draws.estimates.backtest import Backtest, backtest
from draws.estimates.outlook import Outlook, RoundFact, kinds_open, outlook
from draws.estimates.place import Place, place
from draws.estimates.selectors import (
    latest_pool_draw,
    recent_rounds,
    standings_history,
    submitted_on,
)
from draws.models import Draw
from profiles.models import Client

__all__ = [
    "Backtest",
    "Outlook",
    "Place",
    "backtest_of",
    "latest_pool_draw",
    "outlook_for",
    "outlook_of",
    "place_in",
    "pool_place",
    "recent_rounds",
]


def place_in(draw: Draw, score: int) -> Place:
    """``score``'s place in ``draw``'s distribution (no query; ``draw.pool_ranks`` is set)."""
    return place(draw.pool_ranks, score, as_of=draw.pool_as_of, round_number=draw.number)


def pool_place(client_score: int, *, draw: Draw | None = None) -> Place | None:
    """The place in the latest published distribution (one query, none given ``draw``: pass
    ``latest_pool_draw()`` once when placing many scores); None when no distribution is
    stored."""
    draw = draw or latest_pool_draw()
    return None if draw is None else place_in(draw, client_score)


def backtest_of(client: Client, *, on: date | None = None) -> Backtest:
    """How ``client`` would have fared in the rounds up to ``on`` (today): one query.
    ``client`` must come from ``clients_visible_to``."""
    on = on or timezone.localdate()
    return backtest(
        standings=standings_history(client=client, on=on),
        on=on,
        submitted_on=submitted_on(client),
    )


def outlook_for(
    *,
    score: int,
    eligible_for: str,
    on: date,
    undecided_for: str = "",
    nominated: bool = False,
    rounds: Sequence[RoundFact] | None = None,
) -> Outlook:
    """The outlook for any score and eligibility (the calculator's too); one query, none when
    ``rounds`` (``recent_rounds(on=on)``) is given."""
    open_kinds, unsure_kinds = kinds_open(
        eligible_for=eligible_for, undecided_for=undecided_for, nominated=nominated
    )
    return outlook(
        score=score,
        rounds=recent_rounds(on=on) if rounds is None else rounds,
        on=on,
        open_kinds=open_kinds,
        unsure_kinds=unsure_kinds,
    )


def outlook_of(
    client: Client, score: int, on: date, *, rounds: Sequence[RoundFact] | None = None
) -> Outlook:
    """The outlook for ``client`` at ``score`` (their ``current_crs``, usually) on ``on``."""
    return outlook_for(
        score=score,
        eligible_for=client.eligible_for,
        # Added by the eligibility work of issue 12 ("can't tell"); absent, nothing is unsure.
        undecided_for=client.undecided_for,
        nominated=client.nominated_on is not None and client.nominated_on <= on,
        on=on,
        rounds=rounds,
    )
