"""What-if advice and dated events, both by re-scoring modified candidates.

No delta is written down here: every number is ``score_totals`` of a changed candidate minus the
candidate's own total, so advice can never disagree with the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from scoring import experience as xp
from scoring.engine import score_totals
from scoring.labels import CANADIAN_EDUCATION_LABELS, EDUCATION_LABELS
from scoring.language import ABILITIES, TEST_LABELS
from scoring.text import N_, T_, Text
from scoring.types import (
    CanadianEducation,
    Candidate,
    Education,
    LanguageResult,
    Spouse,
    WorkPeriod,
)

__all__ = [
    "HORIZON_DAYS",
    "HOUSEHOLD_SINGLE",
    "Event",
    "Found",
    "Suggestion",
    "advice",
    "birthdays",
    "events_ahead",
    "experience_changes",
    "split",
    "upcoming_events",
]


@dataclass(frozen=True, slots=True)
class Suggestion:
    description: str
    points_gained: int
    new_total: int
    # A change of the household (the partner not coming), not a step the client takes: shown to
    # the consultant only, as telling a married client "partner not accompanying +14" reads as
    # advice to leave them behind (issue 12).
    household: bool = False

    def __str__(self) -> str:
        # A Text (a str): ``tr(str(suggestion))`` says it in the reader's language.
        return T_(
            "%(description)s: +%(points)s", description=self.description, points=self.points_gained
        )


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
        yield (
            T_("Retake %(test)s (first-language result expired)", test=label),
            replace(c, first_language=retaken),
        )
        return
    french = first.is_french
    for index, target in _level_options(first.levels):
        levels = list(first.levels)
        levels[index] = target
        ability = ABILITIES[index]
        yield (
            T_("NCLC %(level)s in %(ability)s", level=target, ability=ability)
            if french
            else T_("CLB %(level)s in %(ability)s", level=target, ability=ability),
            replace(c, first_language=_with_levels(first, tuple(levels), first.test_date)),
        )
    for target in (9, 10):
        if first.min_level < target:
            yield (
                T_("NCLC %(level)s in all four abilities", level=target)
                if french
                else T_("CLB %(level)s in all four abilities", level=target),
                replace(c, first_language=_with_levels(first, (target,) * 4, first.test_date)),
            )
    other = "clb" if french else "nclc"
    second = c.second_language
    current = second.min_level if second is not None and second.is_french != first.is_french else 0
    for target in (5, 7, 9):
        if current < target:
            result = LanguageResult(other, target, target, target, target, test_date=on)
            description = (
                T_("English CLB %(level)s in all four abilities", level=target)
                if french
                else T_("French NCLC %(level)s in all four abilities", level=target)
            )
            yield description, replace(c, second_language=result)


# What ``experience_changes`` puts before the words for a spouse's work (``whose``).
SPOUSE_PREFIX = N_("Spouse: ")
HOUSEHOLD_SINGLE = N_("If the spouse or partner does not come to Canada (scored as single)")


def _spouse_changes(c: Candidate, on: date):
    spouse = c.spouse
    if spouse is None:
        return
    yield HOUSEHOLD_SINGLE, replace(c, spouse=None)
    current = spouse.language.min_level if spouse.language is not None else 0
    if spouse.language is not None and spouse.language.expired(on):
        current = 0
    for target in (5, 7, 9):
        if current < target:
            result = LanguageResult("clb", target, target, target, target, test_date=on)
            yield (
                T_("Spouse CLB %(level)s in all four abilities", level=target),
                replace(c, spouse=replace(spouse, language=result)),
            )
    for level in list(Education)[list(Education).index(spouse.education) + 1 :]:
        yield (
            T_("Spouse education: %(education)s", education=EDUCATION_LABELS[level]),
            replace(c, spouse=replace(spouse, education=level)),
        )
    yield (
        N_("One more year of Canadian experience for the spouse"),
        replace(c, spouse=_more_spouse_years(spouse)),
    )


def _more_spouse_years(spouse: Spouse) -> Spouse:
    return replace(spouse, canadian_experience_years=spouse.canadian_experience_years + 1)


def _other_changes(c: Candidate):
    yield (
        N_("One more year of Canadian experience"),
        replace(c, canadian_experience_years=c.canadian_experience_years + 1),
    )
    yield (
        N_("One more year of foreign experience"),
        replace(c, foreign_experience_years=c.foreign_experience_years + 1),
    )
    for level in list(Education)[list(Education).index(c.education) + 1 :]:
        education = T_("Education: %(education)s", education=EDUCATION_LABELS[level])
        yield education, replace(c, education=level)
    credentials = list(CanadianEducation)
    for level in credentials[credentials.index(c.canadian_education) + 1 :]:
        yield CANADIAN_EDUCATION_LABELS[level], replace(c, canadian_education=level)
    if not c.provincial_nomination:
        yield N_("Provincial nomination"), replace(c, provincial_nomination=True)
    if not c.certificate_of_qualification:
        yield (
            N_("Certificate of qualification in a trade"),
            replace(c, certificate_of_qualification=True),
        )
    if c.job_offer == "none":
        yield N_("Job offer in NOC Major Group 00"), replace(c, job_offer="noc_00")
        yield N_("Job offer in another skilled occupation"), replace(c, job_offer="other")


def advice(candidate: Candidate, on: date) -> list[Suggestion]:
    """Changes that would raise the score on ``on``, most points first, household choices
    marked (``Suggestion.household``; ``split`` parts them).

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
            household = description == HOUSEHOLD_SINGLE
            best[description] = Suggestion(description, total - base, total, household)
    return sorted(best.values(), key=lambda s: (-s.points_gained, s.description))


def split(suggestions: Iterable[Suggestion]) -> tuple[list[Suggestion], list[Suggestion]]:
    """(what the client can act on, what depends on household choices), each in its order."""
    suggestions = list(suggestions)
    return [s for s in suggestions if not s.household], [s for s in suggestions if s.household]


HORIZON_DAYS = 730  # how far ahead dated events are looked for: two years
# (day, what happens, listed even when the score stays the same)
Found = tuple[date, str, bool]


def events_ahead(
    candidate_on: Callable[[date], Candidate], found: Iterable[Found], on: date, until: date
) -> list[Event]:
    """The one engine for dated events, for the calculator's candidate and a client's facts
    alike: one event per day in (``on``, ``until``] on which something was ``found``, with the
    total of ``candidate_on(day)`` and its change from the day before.

    Each total is scored from what counts on its own day, under that day's rules (a change of
    the rules is not an event of its own). A day is listed when the score moves, or when
    something on it is listed regardless (an expiry). Several things on one day make one event,
    so each change of score is counted once.
    """
    by_day: dict[date, list[tuple[str, bool]]] = {}
    for day, description, always in found:
        if on < day <= until:
            by_day.setdefault(day, []).append((description, always))
    events = []
    for day, things in sorted(by_day.items()):
        total = score_totals(candidate_on(day), day).total
        before_day = day - timedelta(days=1)
        change = total - score_totals(candidate_on(before_day), before_day).total
        if change or any(always for _, always in things):
            description = _joined(list(dict.fromkeys(text for text, _ in things)))
            events.append(Event(day, description, total, change))
    return events


def _joined(texts: list[str]) -> str:
    """The texts joined with "; ", as one translatable text (each part said in French)."""
    joined = texts[0]
    for text in texts[1:]:
        joined = T_("%(before)s; %(after)s", before=joined, after=text)
    return joined


def birthdays(birth: date, after: date, until: date) -> Iterator[Found]:
    """Each birthday in (``after``, ``until``], described: the days ``Candidate.age_on`` moves,
    listed only when the score moves with them.

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
            yield day, T_("Turns %(age)s", age=year - birth.year), False


def experience_changes(
    jobs: Iterable[WorkPeriod], on: date, until: date, *, whose: str = "", spouse: bool = False
) -> Iterator[Found]:
    """Days the completed years of experience change, up or down (work older than 10 years
    leaves the window), found by ``scoring.experience`` with the very count the score uses;
    listed only when the score moves with them.
    """
    # A spouse's foreign work scores nothing (crs-rules.md §3).
    kinds = (True,) if spouse else (True, False)
    for canadian in kinds:
        for day, before, now in xp.count_changes(jobs, on, canadian=canadian, until=until):
            words = _experience_words(canadian, now > before, now)
            yield day, T_("%(whose)s%(what)s", whose=whose, what=words) if whose else words, False


def _experience_words(canadian: bool, more: bool, years: int) -> Text:
    """Whole sentences for each case: a translation cannot be built from "of" and "years"."""
    if more:
        if canadian:
            if years == 1:
                return T_("1 year of Canadian experience completed")
            return T_("%(years)s years of Canadian experience completed", years=years)
        if years == 1:
            return T_("1 year of foreign experience completed")
        return T_("%(years)s years of foreign experience completed", years=years)
    if canadian:
        if years == 1:
            return T_("Canadian experience counts 1 year (older work leaves the 10-year window)")
        return T_(
            "Canadian experience counts %(years)s years (older work leaves the 10-year window)",
            years=years,
        )
    if years == 1:
        return T_("foreign experience counts 1 year (older work leaves the 10-year window)")
    return T_(
        "foreign experience counts %(years)s years (older work leaves the 10-year window)",
        years=years,
    )


def _expiries(c: Candidate, after: date, until: date) -> Iterator[Found]:
    named = [(_FIRST_EXPIRES, c.first_language), (_SECOND_EXPIRES, c.second_language)]
    if c.spouse is not None:
        named.append((_SPOUSE_EXPIRES, c.spouse.language))
    for message, result in named:
        if result is not None and after < result.expires_on <= until:
            yield result.expires_on, T_(message, test=TEST_LABELS[result.test]), True


_FIRST_EXPIRES = N_("%(test)s first-language result expires (2 years old)")
_SECOND_EXPIRES = N_("%(test)s second-language result expires (2 years old)")
_SPOUSE_EXPIRES = N_("%(test)s spouse's language result expires (2 years old)")


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


def upcoming_events(
    candidate: Candidate, on: date, horizon_days: int = HORIZON_DAYS
) -> list[Event]:
    """The calculator's dated events (``events_ahead``) within ``horizon_days``: birthdays,
    language results expiring and years of experience changing, for the one candidate it was
    given, moved through time. A client's file holds more than one candidate (other results,
    ECAs, a profile): ``profiles.candidates.coming_dates`` projects its facts instead.
    """
    until = on + timedelta(days=horizon_days)
    found: list[Found] = []
    if candidate.birth_date is not None:
        found += birthdays(candidate.birth_date, on, until)
    found += _expiries(candidate, on, until)
    found += experience_changes(candidate.work_history, on, until)
    return events_ahead(lambda day: _as_of(candidate, on, day), found, on, until)
