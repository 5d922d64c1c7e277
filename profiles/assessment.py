"""What the engine says about one client on one date, in the shapes the pages show.

Every number comes from ``scoring`` (score, eligibility, advice, events); this module only
chooses what to ask and names the results. ``summary`` is the cheap part stored on ``Client``
(``current_crs`` and ``eligible_for``); ``assess`` is the full picture for one client's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from profiles.candidates import ClientFacts
from scoring.advice import Suggestion, advice, upcoming_events
from scoring.categories import Category, Family, categories_in_force
from scoring.eligibility import ECA_VALIDITY_YEARS, Answer, category_eligibility, eligibility
from scoring.engine import score, score_totals
from scoring.types import Breakdown, Candidate, Section

PROGRAMS = {
    "fsw": "Federal Skilled Worker",
    "cec": "Canadian Experience Class",
    "fst": "Federal Skilled Trades",
}
# The list filter offers programs and category families; a family's current version is the one
# in force on the day the summary was computed.
FAMILY_NAMES = {
    Family.FRENCH: "French-language proficiency",
    Family.HEALTHCARE: "Healthcare and social services",
    Family.STEM: "STEM",
    Family.TRADE: "Trades",
    Family.TRANSPORT: "Transport",
    Family.AGRICULTURE: "Agriculture and agri-food",
    Family.EDUCATION: "Education",
    Family.PHYSICIANS: "Physicians with Canadian work experience",
    Family.RESEARCHERS: "Researchers with Canadian work experience",
    Family.SENIOR_MANAGERS: "Senior managers with Canadian work experience",
    Family.MILITARY: "Skilled military recruits",
}
ELIGIBILITY_CHOICES = [*PROGRAMS.items(), *((f.value, name) for f, name in FAMILY_NAMES.items())]
SECTION_NAMES = {
    Section.CORE: "Core / human capital",
    Section.SPOUSE: "Spouse or partner",
    Section.TRANSFERABILITY: "Skill transferability",
    Section.ADDITIONAL: "Additional points",
}


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
class ScoreSection:
    name: str
    total: int
    lines: list


@dataclass(frozen=True)
class DatedItem:
    date: date
    description: str
    total_after: int | None = None
    change: int | None = None


@dataclass(frozen=True)
class Assessment:
    on: date
    breakdown: Breakdown
    sections: list[ScoreSection]
    programs: list[tuple[str, str, Answer]]
    categories: list[tuple[Category, Answer]]
    advice: list[Suggestion]
    events: list[DatedItem]


def _profile_events(facts: ClientFacts, candidate: Candidate, on: date) -> list[DatedItem]:
    """Deadlines the engine cannot know: the profile's 12 months and the ECA's 5 years (§9)."""
    items = []
    expires: datetime | None = facts.profile_expires_at
    if expires is not None and timezone.localtime(expires).date() > on:
        items.append(DatedItem(timezone.localtime(expires).date(), "Express Entry profile expires"))
    if candidate.eca_date is not None:
        try:
            eca_end = candidate.eca_date.replace(year=candidate.eca_date.year + ECA_VALIDITY_YEARS)
        except ValueError:  # issued on 29 February
            eca_end = date(candidate.eca_date.year + ECA_VALIDITY_YEARS, 2, 28)
        if eca_end > on:
            items.append(DatedItem(eca_end, "ECA expires (5 years old)"))
    return items


def assess(facts: ClientFacts, on: date) -> Assessment:
    """The full picture for one client on ``on``: score, eligibility, advice, dated events."""
    candidate = facts.candidate(on)
    breakdown = score(candidate, on)
    sections = [
        ScoreSection(
            name,
            getattr(breakdown, section.value),
            [line for line in breakdown.lines if line.section is section],
        )
        for section, name in SECTION_NAMES.items()
        if section is not Section.SPOUSE or breakdown.with_spouse
    ]
    programs = eligibility(candidate, on)
    events = [
        DatedItem(e.date, e.description, e.total_after, e.change)
        for e in upcoming_events(candidate, on)
    ]
    events += _profile_events(facts, candidate, on)
    return Assessment(
        on=on,
        breakdown=breakdown,
        sections=sections,
        programs=[(key, name, getattr(programs, key)) for key, name in PROGRAMS.items()],
        categories=[
            (category, category_eligibility(candidate, category, on))
            for category in categories_in_force(on)
        ],
        advice=advice(candidate, on)[:10],
        events=sorted(events, key=lambda item: item.date),
    )


def family_name(key: str) -> str:
    return dict(ELIGIBILITY_CHOICES).get(key, key)
