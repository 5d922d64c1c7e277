"""What the engine says about one client on one date, in the shapes the pages show.

Every number comes from ``scoring`` (score, eligibility, advice, events); this module only
chooses what to ask and names the results. ``summary`` is the cheap part stored on ``Client``
(``current_crs``, ``eligible_for`` and ``undecided_for``); ``assess`` is the full picture for
one client's page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from profiles.candidates.coming_dates import coming_dates
from profiles.candidates.facts import ClientFacts
from scoring.advice import Event, Suggestion, advice, split
from scoring.breakdown import Breakdown
from scoring.categories import Category, categories_in_force
from scoring.category_eligibility import category_eligibility
from scoring.eligibility import Answer, eligibility
from scoring.engine import score, score_totals
from scoring.labels import EDUCATION_LABELS, EXPIRED_NAMES, PROGRAM_NAMES, SectionLines, sections
from scoring.text import T_
from scoring.types import Candidate


def _may_qualify(candidate: Candidate, category: Category) -> bool:
    """A necessary condition for a yes or a "can't tell", checked before asking the engine: a
    French result for the French category; a job in the category's list, or no work history at
    all (then the answer is "can't tell"), otherwise. Most categories fail it for most clients.
    """
    if category.french_only:
        return any(
            result is not None and result.is_french
            for result in (candidate.first_language, candidate.second_language)
        )
    if not candidate.work_history:
        return True
    return any(job.noc in category.nocs for job in candidate.work_history)


def answer_keys(candidate: Candidate, on: date) -> tuple[list[str], list[str]]:
    """(eligible, can't tell): the programs and category families ``candidate`` is eligible
    for on ``on``, and those whose answer is "can't tell" (a fact is missing)."""
    programs = eligibility(candidate, on)
    yes, unsure = list(programs.programs), list(programs.undecided)
    if programs.none:  # every category first needs a program
        return yes, unsure
    for category in categories_in_force(on):
        family = category.family.value
        if family in yes or not _may_qualify(candidate, category):
            continue
        answer = category_eligibility(candidate, category, on, programs=programs)
        if answer.eligible:
            yes.append(family)
        elif answer.undecided:
            unsure.append(family)
    return yes, [key for key in dict.fromkeys(unsure) if key not in yes]


def eligible_keys(candidate: Candidate, on: date) -> list[str]:
    """Programs and category families ``candidate`` is eligible for on ``on``."""
    return answer_keys(candidate, on)[0]


def _spaced(keys: list[str]) -> str:
    return f" {' '.join(keys)} " if keys else ""


def summary(candidate: Candidate, on: date) -> tuple[int, str, str]:
    """(CRS total, ``eligible_for``, ``undecided_for``) as stored on ``Client``: the keys as
    `` cec fsw french ``."""
    yes, unsure = answer_keys(candidate, on)
    return score_totals(candidate, on).total, _spaced(yes), _spaced(unsure)


@dataclass(frozen=True)
class Assessment:
    on: date
    breakdown: Breakdown
    sections: list[SectionLines]
    programs: list[tuple[str, str, Answer]]
    categories: list[tuple[Category, Answer]]
    advice: list[Suggestion]  # what the client can act on: safe to show the client
    events: list[Event]  # empty unless asked for (assess(with_events=...))
    expired: list[str]  # what earns nothing because it expired, in words
    # What depends on household choices (the partner coming or not): the consultant's only.
    household_advice: list[Suggestion] = field(default_factory=list)
    nominated: bool = False  # a provincial nomination counts on ``on``: PNP rounds are open

    @property
    def eligible_keys(self) -> list[str]:
        """What the client is eligible for, as ``Client.eligible_for`` stores it: programs,
        then category families."""
        keys = [key for key, _, answer in self.programs if answer.eligible]
        families = [category.family.value for category, a in self.categories if a.eligible]
        return list(dict.fromkeys(keys + families))

    @property
    def undecided_keys(self) -> list[str]:
        """What can't be told (a fact is missing), as ``Client.undecided_for`` stores it."""
        sure = set(self.eligible_keys)
        keys = [key for key, _, answer in self.programs if answer.undecided]
        families = [category.family.value for category, a in self.categories if a.undecided]
        return [key for key in dict.fromkeys(keys + families) if key not in sure]


def _lapsed_ecas(facts: ClientFacts, candidate: Candidate, on: date) -> dict[str, str]:
    """{breakdown factor: why} for education that counts for less because an ECA is 5 years
    old (§9). The engine sees only the level left ("Less than secondary school: 0")."""
    sides = [("education", facts.principal, candidate.education, False)]
    if candidate.spouse is not None:
        sides.append(("spouse.education", facts.spouse, candidate.spouse.education, True))
    found = {}
    for factor, side, level, spouse in sides:
        credential = side.lapsed_credential(on, level)
        if credential is not None:
            # Text (T_): English here, the reader's language where shown (|tr).
            values = {"level": EDUCATION_LABELS[credential.level], "day": credential.eca_expires_on}
            found[factor] = (
                T_("the spouse's ECA for the %(level)s expired on %(day)s (5 years old)", **values)
                if spouse
                else T_("the ECA for the %(level)s expired on %(day)s (5 years old)", **values)
            )
    return found


def _expired(breakdown: Breakdown, lapsed: dict[str, str]) -> list[str]:
    """What earns nothing because it expired, in words (the engine names fields)."""
    names = [
        T_("the %(name)s result", name=EXPIRED_NAMES.get(name, name)) for name in breakdown.expired
    ]
    return names + list(lapsed.values())


def assess(facts: ClientFacts, on: date, *, with_events: bool = True) -> Assessment:
    """The full picture for one client on ``on``: score, eligibility, advice and, unless
    ``with_events`` is false, the dated events ahead (the larger part of the time: each is the
    client re-scored on its day and on the day before).
    """
    candidate = facts.candidate(on)
    breakdown = score(candidate, on)
    lapsed = _lapsed_ecas(facts, candidate, on)
    lines = tuple(
        line._replace(detail=T_("%(detail)s: %(why)s", detail=line.detail, why=lapsed[line.factor]))
        if line.factor in lapsed
        else line
        for line in breakdown.lines
    )
    programs = eligibility(candidate, on)
    actionable, household = split(advice(candidate, on))
    return Assessment(
        on=on,
        breakdown=breakdown,
        sections=sections(breakdown, lines),
        programs=[(key, name, getattr(programs, key)) for key, name in PROGRAM_NAMES.items()],
        categories=[
            (category, category_eligibility(candidate, category, on, programs=programs))
            for category in categories_in_force(on)
        ],
        advice=actionable[:10],
        events=coming_dates(facts, on) if with_events else [],
        expired=_expired(breakdown, lapsed),
        household_advice=household,
        nominated=candidate.provincial_nomination,
    )
