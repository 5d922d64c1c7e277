"""How I would have fared: the client's stored standings, counted (pure: no queries, no Django).

A round counts when the client could take part in it: verdict invited, tie_lost or
below_cutoff. The others are listed apart, with their reason: not in the pool (no profile yet,
expired, already invited, a document lapsed, or meeting no program), not eligible (in the pool,
but not for that round's program or category) and can't tell (a fact needed to decide is
missing). A tie lost is a round the client took part in and was not invited in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from draws.estimates.periods import year_to

INVITED = "invited"
TIE_LOST = "tie_lost"
BELOW_CUTOFF = "below_cutoff"
NOT_ELIGIBLE = "not_eligible"
NOT_IN_POOL = "not_in_pool"
CANT_TELL = "cant_tell"
TOOK_PART = frozenset({INVITED, TIE_LOST, BELOW_CUTOFF})


@dataclass(frozen=True)
class RoundStanding:
    """One stored ``Standing`` with the facts of its draw."""

    number: str
    held_on: date
    kind: str  # the draw's family: "general", "cec", …, "french", …
    kind_label: str
    cutoff: int
    crs: int  # the client's score on the draw date
    verdict: str


@dataclass(frozen=True)
class Tally:
    since: date  # the first day counted (the last day is the backtest's ``on``)
    took_part: int  # rounds the client could take part in
    invited: int
    tie_lost: int
    below_cutoff: int
    not_in_pool: int
    not_eligible: int
    cant_tell: int

    @property
    def rounds(self) -> int:
        """Every round held in the period."""
        return self.took_part + self.not_counted

    @property
    def not_counted(self) -> int:
        return self.not_in_pool + self.not_eligible + self.cant_tell


@dataclass(frozen=True)
class Backtest:
    on: date
    last_year: Tally
    since_submitted: Tally | None  # None: no profile submitted
    submitted_on: date | None
    took_part: tuple[RoundStanding, ...]  # the rounds counted in either period, oldest first
    chart: dict  # for static/js/backtest.js: cut-offs by kind, and the client's score line


def tally(standings: Sequence[RoundStanding], since: date, on: date) -> Tally:
    """The counts over the rounds held from ``since`` to ``on``, both included."""
    verdicts = [s.verdict for s in standings if since <= s.held_on <= on]
    count = verdicts.count
    return Tally(
        since=since,
        took_part=sum(1 for verdict in verdicts if verdict in TOOK_PART),
        invited=count(INVITED),
        tie_lost=count(TIE_LOST),
        below_cutoff=count(BELOW_CUTOFF),
        not_in_pool=count(NOT_IN_POOL),
        not_eligible=count(NOT_ELIGIBLE),
        cant_tell=count(CANT_TELL),
    )


def chart(standings: Sequence[RoundStanding]) -> dict:
    """Cut-offs of the rounds taken part in, by kind, and the client's score on every draw
    date (a round they could not take part in still dates a score)."""
    kinds: dict[str, dict] = {}
    for s in standings:
        if s.verdict in TOOK_PART:
            entry = kinds.setdefault(s.kind, {"kind": s.kind, "label": s.kind_label, "points": []})
            entry["points"].append(
                {
                    "date": s.held_on.isoformat(),
                    "cutoff": s.cutoff,
                    "round": s.number,
                    "invited": s.verdict == INVITED,
                }
            )
    return {
        "kinds": list(kinds.values()),
        "score": [{"date": s.held_on.isoformat(), "crs": s.crs} for s in standings],
    }


def backtest(
    *, standings: Sequence[RoundStanding], on: date, submitted_on: date | None
) -> Backtest:
    """The two tallies (last 12 months; since the profile was submitted) and the chart, over
    the standings held up to ``on``."""
    last_year = year_to(on)
    start = last_year if submitted_on is None else min(last_year, submitted_on)
    shown = sorted(
        (s for s in standings if start <= s.held_on <= on), key=lambda s: (s.held_on, s.number)
    )
    return Backtest(
        on=on,
        last_year=tally(shown, last_year, on),
        since_submitted=None if submitted_on is None else tally(shown, submitted_on, on),
        submitted_on=submitted_on,
        took_part=tuple(s for s in shown if s.verdict in TOOK_PART),
        chart=chart(shown),
    )
