"""What-if advice and dated events, both by re-scoring modified candidates.

No delta is written down here: every number is ``score_totals`` of a changed candidate minus the
candidate's own total, so advice can never disagree with the engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from scoring import experience as xp
from scoring.engine import score_totals
from scoring.labels import CANADIAN_EDUCATION_LABELS, EDUCATION_LABELS
from scoring.language import ABILITIES, TEST_LABELS
from scoring.types import CanadianEducation, Candidate, Education, LanguageResult, Spouse

__all__ = ["Event", "Suggestion", "advice", "birthdays", "upcoming_events"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    description: str
    points_gained: int
    new_total: int

    def __str__(self) -> str:
        return f"{self.description}: +{self.points_gained}"


@dataclass(frozen=True, slots=True)
class Event:
    date: date
    description: str
    total_after: int
    change: int  # total_after minus the total the day before


def _with_levels(result: LanguageResult, levels: tuple[int, ...], test_date: date | None):
    test = "nclc" if result.is_french else "clb"
    return LanguageResult(test, *levels, test_date=test_date)


def _level_options(levels: tuple[int, ...]) -> list[tuple[int, int]]:
    """(ability index, target level) pairs worth trying: the next level, CLB 7, 9 and 10."""
    options = []
    for index, level in enumerate(levels):
        for target in sorted({max(level + 1, 4), 7, 9, 10}):
            if level < target <= 10:
                options.append((index, target))
    return options


def _language_changes(c: Candidate, on: date):
    first = c.first_language
    if first is None:
        return
    if first.expired(on):
        label = TEST_LABELS[first.test]
        retaken = _with_levels(first, first.levels, on)
        yield f"Retake {label} (first-language result expired)", replace(c, first_language=retaken)
        return
    unit = "NCLC" if first.is_french else "CLB"
    for index, target in _level_options(first.levels):
        levels = list(first.levels)
        levels[index] = target
        yield (
            f"{unit} {target} in {ABILITIES[index]}",
            replace(c, first_language=_with_levels(first, tuple(levels), first.test_date)),
        )
    for target in (9, 10):
        if first.min_level < target:
            yield (
                f"{unit} {target} in all four abilities",
                replace(c, first_language=_with_levels(first, (target,) * 4, first.test_date)),
            )
    other, other_unit = ("nclc", "French NCLC") if not first.is_french else ("clb", "English CLB")
    second = c.second_language
    current = second.min_level if second is not None and second.is_french != first.is_french else 0
    for target in (5, 7, 9):
        if current < target:
            result = LanguageResult(other, target, target, target, target, test_date=on)
            yield f"{other_unit} {target} in all four abilities", replace(c, second_language=result)


def _spouse_changes(c: Candidate, on: date):
    spouse = c.spouse
    if spouse is None:
        return
    yield "Spouse or partner not accompanying (scored as single)", replace(c, spouse=None)
    current = spouse.language.min_level if spouse.language is not None else 0
    if spouse.language is not None and spouse.language.expired(on):
        current = 0
    for target in (5, 7, 9):
        if current < target:
            result = LanguageResult("clb", target, target, target, target, test_date=on)
            yield (
                f"Spouse CLB {target} in all four abilities",
                replace(c, spouse=replace(spouse, language=result)),
            )
    for level in list(Education)[list(Education).index(spouse.education) + 1 :]:
        yield (
            f"Spouse education: {EDUCATION_LABELS[level]}",
            replace(c, spouse=replace(spouse, education=level)),
        )
    yield (
        "One more year of Canadian experience for the spouse",
        replace(c, spouse=_more_spouse_years(spouse)),
    )


def _more_spouse_years(spouse: Spouse) -> Spouse:
    return replace(spouse, canadian_experience_years=spouse.canadian_experience_years + 1)


def _other_changes(c: Candidate):
    yield (
        "One more year of Canadian experience",
        replace(c, canadian_experience_years=c.canadian_experience_years + 1),
    )
    yield (
        "One more year of foreign experience",
        replace(c, foreign_experience_years=c.foreign_experience_years + 1),
    )
    for level in list(Education)[list(Education).index(c.education) + 1 :]:
        yield f"Education: {EDUCATION_LABELS[level]}", replace(c, education=level)
    credentials = list(CanadianEducation)
    for level in credentials[credentials.index(c.canadian_education) + 1 :]:
        yield CANADIAN_EDUCATION_LABELS[level], replace(c, canadian_education=level)
    if not c.provincial_nomination:
        yield "Provincial nomination", replace(c, provincial_nomination=True)
    if not c.certificate_of_qualification:
        yield (
            "Certificate of qualification in a trade",
            replace(c, certificate_of_qualification=True),
        )
    if c.job_offer == "none":
        yield "Job offer in NOC Major Group 00", replace(c, job_offer="noc_00")
        yield "Job offer in another skilled occupation", replace(c, job_offer="other")


def advice(candidate: Candidate, on: date) -> list[Suggestion]:
    """Changes that would raise the score on ``on``, most points first.

    Only changes that gain points are listed (a job offer, for example, earns nothing from
    2025-03-25, so it is not suggested after that date).
    """
    base = score_totals(candidate, on).total
    best: dict[str, Suggestion] = {}
    changes = (
        *_language_changes(candidate, on),
        *_other_changes(candidate),
        *_spouse_changes(candidate, on),
    )
    for description, changed in changes:
        total = score_totals(changed, on).total
        if total > base and description not in best:
            best[description] = Suggestion(description, total - base, total)
    return sorted(best.values(), key=lambda s: (-s.points_gained, s.description))


def birthdays(birth: date, after: date, until: date) -> Iterator[tuple[date, str]]:
    """Each birthday in (``after``, ``until``], described: the days ``Candidate.age_on`` moves.

    Born on 29 February: the age changes on 1 March in common years, as ``age_on`` counts
    completed years (§2.1). Not ``scoring.dates.years_after``: that asks when a document is N
    years old, and 28 February is its conservative answer; this must match the age the engine
    scores, or a projected birthday would be a day off the score's own change.
    """
    for year in range(after.year, until.year + 1):
        try:
            day = birth.replace(year=year)
        except ValueError:
            day = date(year, 3, 1)
        if after < day <= until:
            yield day, f"Turns {year - birth.year}"


def _expiries(c: Candidate, after: date, until: date):
    named = [("first-language", c.first_language), ("second-language", c.second_language)]
    if c.spouse is not None:
        named.append(("spouse's language", c.spouse.language))
    for what, result in named:
        if result is not None and after < result.expires_on <= until:
            label = TEST_LABELS[result.test]
            yield result.expires_on, f"{label} {what} result expires (2 years old)"


def _experience_dates(c: Candidate, after: date, until: date):
    for canadian, what in ((True, "Canadian"), (False, "foreign")):
        day = after
        while True:
            found = xp.next_year_completes(c.work_history, day, canadian=canadian, until=until)
            if found is None:
                break
            years = (xp.canadian_years if canadian else xp.foreign_years)(c.work_history, found)
            yield found, f"{years} years of {what} experience completed"
            day = found


def _as_of(c: Candidate, on: date, day: date) -> Candidate:
    """The candidate on a later ``day``: experience years move with the work history."""
    if not c.work_history:
        return c
    now, then = xp.summarise(c.work_history, on), xp.summarise(c.work_history, day)
    return replace(
        c,
        canadian_experience_years=max(0, c.canadian_experience_years + then[0] - now[0]),
        foreign_experience_years=max(0, c.foreign_experience_years + then[1] - now[1]),
    )


def upcoming_events(candidate: Candidate, on: date, horizon_days: int = 730) -> list[Event]:
    """Dated changes ahead within ``horizon_days``: birthdays that change the score, language
    results expiring, and years of experience completing (from ongoing work), each with the
    total re-scored on that date. Rule changes are not forecast.
    """
    until = on + timedelta(days=horizon_days)
    found: list[tuple[date, str, bool]] = []
    if candidate.birth_date is not None:
        found += [(d, text, False) for d, text in birthdays(candidate.birth_date, on, until)]
    found += [(d, text, True) for d, text in _expiries(candidate, on, until)]
    if candidate.work_history:
        found += [(d, text, False) for d, text in _experience_dates(candidate, on, until)]
    events = []
    for day, description, always in sorted(found):
        after = score_totals(_as_of(candidate, on, day), day).total
        before_day = day - timedelta(days=1)
        before = score_totals(_as_of(candidate, on, before_day), before_day).total
        if always or after != before:
            events.append(Event(day, description, after, after - before))
    return events
