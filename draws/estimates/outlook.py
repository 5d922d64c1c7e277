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
from scoring.text import T_, Text

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


def shown(chance: float) -> Text:
    # Text (scoring.text): English as before, said in the reader's language by ``tr``.
    if chance < SHOWN_MIN:
        return T_("under %(percent)s%%", percent=1)
    if chance > SHOWN_MAX:
        return T_("above %(percent)s%%", percent=95)
    return T_("%(percent)s%%", percent=round(chance * 100))


@dataclass(frozen=True)
class Horizon:
    months: int
    low: float  # chance of at least one invitation, 0..1
    high: float

    @property
    def text(self) -> Text:
        """The range in words, never 100%: "up to 44%", "12% to 58%", "above 95%"."""
        low, high = shown(self.low), shown(self.high)
        if low == high:
            return low
        if self.low < SHOWN_MIN:
            return T_("up to %(high)s", high=high)
        return T_("%(low)s to %(high)s", low=low, high=high)


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
        return _english(self.reasoning_texts)

    @property
    def reasoning_for_consultant(self) -> str:
        """The same, about "the client"."""
        return _english(self.reasoning_for_consultant_texts)

    @property
    def reasoning_texts(self) -> list[list[Text]]:
        """``reasoning`` as sentences of marked pieces, for the pages to say in the reader's
        language (``draws_format.sentences``)."""
        return _reasons(self, own=True)

    @property
    def reasoning_for_consultant_texts(self) -> list[list[Text]]:
        return _reasons(self, own=False)


def _english(sentences: list[list[Text]]) -> str:
    return " ".join("".join(pieces) for pieces in sentences)


def _rounds(n: int) -> Text:
    return T_("%(count)s round", count=n) if n == 1 else T_("%(count)s rounds", count=n)


def _rate(rate: float) -> float:
    # A month's rate as a year's, to one decimal as the sentence shows it.
    return round(rate * YEAR_MONTHS, 1)


def _reasons(o: Outlook, *, own: bool) -> list[list[Text]]:
    """Sentences, each a list of pieces that read as one when joined: a clause is added
    only when it has something to say. Two wordings: to the client ("you") and about them."""
    day = o.as_of
    if not o.known:
        if own:
            return [
                [
                    T_(
                        "In the 12 months to %(day)s no round of a kind open to you was held, "
                        "so there is nothing to base an outlook on.",
                        day=day,
                    )
                ]
            ]
        return [
            [
                T_(
                    "In the 12 months to %(day)s no round of a kind open to the client was "
                    "held, so there is nothing to base an outlook on.",
                    day=day,
                )
            ]
        ]
    rounds = _rounds(o.open_rounds)
    if own:
        first = [
            T_(
                "In the 12 months to %(day)s, %(rounds)s of the kinds open to you took place",
                day=day,
                rounds=rounds,
            )
        ]
    else:
        first = [
            T_(
                "In the 12 months to %(day)s, %(rounds)s of the kinds open to the client "
                "took place",
                day=day,
                rounds=rounds,
            )
        ]
    if o.open_rounds:
        if o.beaten:
            first.append(
                T_("; %(count)s had a cut-off below %(score)s", count=o.beaten, score=o.score)
            )
        else:
            first.append(T_("; none had a cut-off below %(score)s", score=o.score))
        if o.ties:
            first.append(
                T_(
                    " and %(count)s exactly %(score)s (decided by the tie-break)",
                    count=o.ties,
                    score=o.score,
                )
            )
        if o.beaten == 0 and o.lowest_cutoff is not None and o.lowest_cutoff > o.score:
            first.append(T_("; the lowest was %(cutoff)s", cutoff=o.lowest_cutoff))
    first.append(T_("."))
    said = [first]
    if o.unsure_rounds:
        unsure = _rounds(o.unsure_rounds)
        if own:
            said.append(
                [
                    T_(
                        "%(rounds)s took place of kinds where we can't tell your "
                        "eligibility yet, %(count)s of them at or below your score.",
                        rounds=unsure,
                        count=o.unsure_cleared,
                    )
                ]
            )
        else:
            said.append(
                [
                    T_(
                        "%(rounds)s took place of kinds where we can't tell the client's "
                        "eligibility yet, %(count)s of them at or below the client's score.",
                        rounds=unsure,
                        count=o.unsure_cleared,
                    )
                ]
            )
    if o.ties and o.unsure_cleared:
        said.append([T_("Ties and rounds we can't tell about count in the higher figure only.")])
    elif o.ties:
        said.append([T_("Ties count in the higher figure only.")])
    elif o.unsure_cleared:
        said.append([T_("Rounds we can't tell about count in the higher figure only.")])
    if o.upper_count == 0:
        fit = T_(
            "none in a year still fits a rate of up to %(high)s a year", high=_rate(o.rate_high)
        )
    else:
        if o.upper_count == o.beaten:
            counted: int | Text = o.beaten
        else:
            counted = T_("%(low)s to %(high)s", low=o.beaten, high=o.upper_count)
        fit = T_(
            "%(counted)s in a year fit a rate of %(low)s to %(high)s a year",
            counted=counted,
            low=_rate(o.rate_low),
            high=_rate(o.rate_high),
        )
    confidence = round(o.confidence * 100)
    if own:
        said.append(
            [
                T_(
                    "Treating the rounds below your score as chance events, %(fit)s (the "
                    "%(confidence)s%% range for such a count); the chance of at least one in "
                    "t months is then 1 − e^(−rate "  # noqa: RUF001 (signs as before)
                    "× t).",  # noqa: RUF001
                    fit=fit,
                    confidence=confidence,
                )
            ]
        )
        said.append(
            [
                T_(
                    "This assumes the next 12 months look like the last 12: cut-offs, the "
                    "kinds of round IRCC holds and your own score can all change. It is an "
                    "estimate, not a promise."
                )
            ]
        )
    else:
        said.append(
            [
                T_(
                    "Treating the rounds below the client's score as chance events, %(fit)s "
                    "(the %(confidence)s%% range for such a count); the chance of at least "
                    "one in t months is then 1 − e^(−rate "  # noqa: RUF001
                    "× t).",  # noqa: RUF001
                    fit=fit,
                    confidence=confidence,
                )
            ]
        )
        said.append(
            [
                T_(
                    "This assumes the next 12 months look like the last 12: cut-offs, the "
                    "kinds of round IRCC holds and the client's own score can all change. "
                    "It is an estimate, not a promise."
                )
            ]
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
