"""What the engine says about one client on one date, in the shapes the pages show.

Every number comes from ``scoring`` (score, eligibility, advice, events); this module only
chooses what to ask and names the results. ``summary`` is the cheap part stored on ``Client``
(``current_crs`` and ``eligible_for``); ``assess`` is the full picture for one client's page.
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
from scoring.types import Candidate


def _may_qualify(candidate: Candidate, category: Category) -> bool:
    """A necessary condition, checked before asking the engine: a French result for the French
    category, a job in the category's list otherwise. ``category_eligibility`` re-runs the
    program tests on each call, and most categories fail this check for most clients.
    """
    if category.french_only:
        return any(
            result is not None and result.is_french
            for result in (candidate.first_language, candidate.second_language)
        )
    return any(job.noc in category.nocs for job in candidate.work_history)


def eligible_keys(candidate: Candidate, on: date) -> list[str]:
    """Programs and category families ``candidate`` is eligible for on ``on``."""
    programs = eligibility(candidate, on)
    keys = list(programs.programs)
    if programs.any:  # every category first needs a program, so skip them all otherwise
        for category in categories_in_force(on):
            if (
                category.family not in keys
                and _may_qualify(candidate, category)
                and category_eligibility(candidate, category, on).eligible
            ):
                keys.append(category.family.value)
    return keys


def summary(candidate: Candidate, on: date) -> tuple[int, str]:
    """(CRS total, ``eligible_for`` text) as stored on ``Client``: `` cec fsw french ``."""
    keys = eligible_keys(candidate, on)
    return score_totals(candidate, on).total, f" {' '.join(keys)} " if keys else ""


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


def _lapsed_ecas(facts: ClientFacts, candidate: Candidate, on: date) -> dict[str, str]:
    """{breakdown factor: why} for education that counts for less because an ECA is 5 years
    old (§9). The engine sees only the level left ("Less than secondary school: 0")."""
    sides = [("education", facts.principal, candidate.education, "")]
    if candidate.spouse is not None:
        sides.append(("spouse.education", facts.spouse, candidate.spouse.education, "spouse's "))
    found = {}
    for factor, side, level, whose in sides:
        credential = side.lapsed_credential(on, level)
        if credential is not None:
            found[factor] = (
                f"the {whose}ECA for the {EDUCATION_LABELS[credential.level]} expired on "
                f"{credential.eca_expires_on:%Y-%m-%d} (5 years old)"
            )
    return found


def _expired(breakdown: Breakdown, lapsed: dict[str, str]) -> list[str]:
    """What earns nothing because it expired, in words (the engine names fields)."""
    return [f"the {EXPIRED_NAMES.get(name, name)} result" for name in breakdown.expired] + list(
        lapsed.values()
    )


def assess(facts: ClientFacts, on: date, *, with_events: bool = True) -> Assessment:
    """The full picture for one client on ``on``: score, eligibility, advice and, unless
    ``with_events`` is false, the dated events ahead (the larger part of the time: each is the
    client re-scored on its day and on the day before).
    """
    candidate = facts.candidate(on)
    breakdown = score(candidate, on)
    lapsed = _lapsed_ecas(facts, candidate, on)
    lines = tuple(
        line._replace(detail=f"{line.detail}: {lapsed[line.factor]}")
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
            (category, category_eligibility(candidate, category, on))
            for category in categories_in_force(on)
        ],
        advice=actionable[:10],
        events=coming_dates(facts, on) if with_events else [],
        expired=_expired(breakdown, lapsed),
        household_advice=household,
        nominated=candidate.provincial_nomination,
    )
