"""Outlook: the chance of at least one invitation in the next 3, 6 and 12 months, at today's
score, from the last 12 months of rounds (pure: no queries, no Django, no clock).

Method (the methods page says it in words): count the rounds of the last 12 months, of kinds
open to the client, whose cut-off was below the score (``beaten``). Rounds at exactly the score
(a tie-break whose outcome is unknown) and rounds of kinds we can't tell the client is eligible
for, at or below the score, count in the higher figure only. Rounds the client would clear are
taken as a Poisson process of rate λ a month; the exact 80% limits of a Poisson count give
λ's lowest and highest rate, and P(at least one in t months) = 1 - e^(-λt). It assumes the next
12 months look like the last 12; no figure above 95% is shown as such.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from draws.estimates.periods import YEAR_MONTHS, year_to
from draws.estimates.poisson import limits

PROGRAMS = frozenset({"fsw", "cec", "fst"})
HORIZONS = (3, 6, 12)
CONFIDENCE = 0.8
SHOWN_MAX, SHOWN_MIN = 0.95, 0.01  # beyond these a figure is shown as "above"/"under"
# A chance is never a certainty: capped, so that no caller rounding it ever shows 100%.
CHANCE_MAX = 0.999


def kinds_open(
    *, eligible_for: str, undecided_for: str = "", nominated: bool = False
) -> tuple[frozenset[str], frozenset[str]]:
    """(kinds of round open to the client, kinds we can't tell), from ``Client.eligible_for``
    and ``undecided_for`` (" cec fsw french "). General rounds are open to anyone eligible for
    a program; PNP rounds to them with a nomination too."""
    sure, unsure = set(eligible_for.split()), set(undecided_for.split())
    unsure -= sure
    through_a_program = {"general", "pnp"} if nominated else {"general"}
    if sure & PROGRAMS:
        sure |= through_a_program
    elif unsure & PROGRAMS:
        unsure |= through_a_program
    return frozenset(sure), frozenset(unsure)


@dataclass(frozen=True)
class RoundFact:
    number: str
    held_on: date
    kind: str  # the draw's family, as in ``kinds_open``
    cutoff: int


def shown(chance: float) -> str:
    if chance < SHOWN_MIN:
        return "under 1%"
    if chance > SHOWN_MAX:
        return "above 95%"
    return f"{round(chance * 100)}%"


@dataclass(frozen=True)
class Horizon:
    months: int
    low: float  # chance of at least one invitation, 0..1
    high: float

    @property
    def text(self) -> str:
        """The range in words, never 100%: "up to 44%", "12% to 58%", "above 95%"."""
        low, high = shown(self.low), shown(self.high)
        if low == high:
            return low
        return f"up to {high}" if self.low < SHOWN_MIN else f"{low} to {high}"


@dataclass(frozen=True)
class Outlook:
    score: int
    as_of: date
    since: date  # the 12 months counted: since .. as_of
    open_rounds: int  # rounds of kinds open to the client
    beaten: int  # of those, cut-off below the score
    ties: int  # of those, cut-off at the score
    unsure_rounds: int  # rounds of kinds we can't tell
    unsure_cleared: int  # of those, cut-off at or below the score
    lowest_cutoff: int | None  # of the open rounds
    rate_low: float  # rounds cleared a month
    rate_high: float
    horizons: tuple[Horizon, ...]  # empty: no round to base an outlook on
    confidence: float = CONFIDENCE

    @property
    def known(self) -> bool:
        return bool(self.horizons)

    @property
    def upper_count(self) -> int:
        return self.beaten + self.ties + self.unsure_cleared

    @property
    def reasoning(self) -> str:
        """Why these figures, in plain words, to the client."""
        return " ".join(_reasons(self, you="you", your="your"))

    @property
    def reasoning_for_consultant(self) -> str:
        """The same, about "the client"."""
        return " ".join(_reasons(self, you="the client", your="the client's"))


def _rounds(n: int) -> str:
    return f"{n} round{'' if n == 1 else 's'}"


def _day(day: date) -> str:
    return day.isoformat()  # the pages write every date one way (tests/dates.py)


def _reasons(o: Outlook, *, you: str, your: str) -> list[str]:
    period = f"In the 12 months to {_day(o.as_of)}"
    if not o.known:
        return [
            f"{period} no round of a kind open to {you} was held, so there is nothing to base "
            "an outlook on."
        ]
    said = [f"{period}, {_rounds(o.open_rounds)} of the kinds open to {you} took place"]
    if o.open_rounds:
        said[0] += f"; {o.beaten or 'none'} had a cut-off below {o.score}"
        if o.ties:
            said[0] += f" and {o.ties} exactly {o.score} (decided by the tie-break)"
        if o.beaten == 0 and o.lowest_cutoff is not None and o.lowest_cutoff > o.score:
            said[0] += f"; the lowest was {o.lowest_cutoff}"
    said[0] += "."
    if o.unsure_rounds:
        said.append(
            f"{_rounds(o.unsure_rounds)} took place of kinds where we can't tell {your} "
            f"eligibility yet, {o.unsure_cleared} of them at or below {your} score."
        )
    extra = [
        name
        for name, n in (("ties", o.ties), ("rounds we can't tell about", o.unsure_cleared))
        if n
    ]
    if extra:
        said.append(f"{' and '.join(extra).capitalize()} count in the higher figure only.")
    if o.upper_count == 0:
        fit = f"none in a year still fits a rate of up to {o.rate_high * YEAR_MONTHS:.1f} a year"
    else:
        counted = o.beaten if o.upper_count == o.beaten else f"{o.beaten} to {o.upper_count}"
        fit = (
            f"{counted} in a year fit a rate of {o.rate_low * YEAR_MONTHS:.1f} to "
            f"{o.rate_high * YEAR_MONTHS:.1f} a year"
        )
    said.append(
        f"Treating the rounds below {your} score as chance events, {fit} (the "
        f"{round(o.confidence * 100)}% range for such a count); the chance of at least one "
        "in t months is then "
        "1 \N{MINUS SIGN} e^(\N{MINUS SIGN}rate \N{MULTIPLICATION SIGN} t)."
    )
    said.append(
        "This assumes the next 12 months look like the last 12: cut-offs, the kinds of round "
        f"IRCC holds and {your} own score can all change. It is an estimate, not a promise."
    )
    return said


def chance(rate: float, months: int) -> float:
    """P(at least one event in ``months``) for a Poisson process of ``rate`` a month."""
    return min(-math.expm1(-rate * months), CHANCE_MAX)


def outlook(
    *,
    score: int,
    rounds: Sequence[RoundFact],
    on: date,
    open_kinds: Collection[str],
    unsure_kinds: Collection[str] = (),
) -> Outlook:
    """The outlook at ``score`` on ``on`` from ``rounds`` (any; those of the 12 months to
    ``on`` are used)."""
    since = year_to(on)
    recent = [r for r in rounds if since <= r.held_on <= on]
    open_rounds = [r for r in recent if r.kind in open_kinds]
    unsure = [r for r in recent if r.kind in unsure_kinds and r.kind not in open_kinds]
    beaten = sum(1 for r in open_rounds if r.cutoff < score)
    ties = sum(1 for r in open_rounds if r.cutoff == score)
    unsure_cleared = sum(1 for r in unsure if r.cutoff <= score)
    rate_low = limits(beaten, CONFIDENCE)[0] / YEAR_MONTHS
    rate_high = limits(beaten + ties + unsure_cleared, CONFIDENCE)[1] / YEAR_MONTHS
    horizons = (
        tuple(Horizon(t, chance(rate_low, t), chance(rate_high, t)) for t in HORIZONS)
        if open_rounds or unsure
        else ()
    )
    return Outlook(
        score=score,
        as_of=on,
        since=since,
        open_rounds=len(open_rounds),
        beaten=beaten,
        ties=ties,
        unsure_rounds=len(unsure),
        unsure_cleared=unsure_cleared,
        lowest_cutoff=min((r.cutoff for r in open_rounds), default=None),
        rate_low=rate_low,
        rate_high=rate_high,
        horizons=horizons,
    )
