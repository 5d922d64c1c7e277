"""Dated changes ahead for one client ("Coming dates" on the client page and the portal).

Each date is found from the facts (birthdays, each language result's and ECA's expiry, the
profile's 12 months, years of experience completing) and each projected score is the client's
own score on that date: ``score_totals(facts.candidate(day), day)``. Re-scoring one fixed
candidate, as ``scoring.advice.upcoming_events`` does for the calculator, got both an expired
ECA (no change at all) and an expiring result (scored as if no other result were valid) wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from profiles.candidates import ClientFacts, Side, local_date
from scoring import experience as xp
from scoring.advice import birthdays
from scoring.engine import score_totals
from scoring.labels import EDUCATION_LABELS
from scoring.language import TEST_LABELS

HORIZON_DAYS = 730


@dataclass(frozen=True)
class DatedItem:
    date: date
    description: str
    total_after: int
    change: int  # total_after minus the total the day before


# (day, description, listed even when the score stays)
Found = tuple[date, str, bool]


def _expiries(side: Side, whose: str, on: date) -> Iterator[Found]:
    for result in side.results:
        if result.test_date <= on < result.expires_on:
            label = TEST_LABELS[result.test]
            yield (
                result.expires_on,
                f"{whose}{label} result of {result.test_date:%Y-%m-%d} expires (2 years old)",
                True,
            )
    for credential in side.credentials:
        expires = credential.eca_expires_on
        if not credential.in_canada and expires is not None and credential.eca_date <= on < expires:
            level = EDUCATION_LABELS[credential.level]
            yield expires, f"{whose}ECA for the {level} expires (5 years old)", True


def _years_words(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def _experience(side: Side, whose: str, on: date, until: date, *, spouse: bool) -> Iterator[Found]:
    """Days the completed years of experience change, up or down (work older than 10 years
    leaves the window), found by ``scoring.experience`` with the very count ``candidate`` uses.
    """
    # A spouse's foreign work scores nothing (crs-rules.md §3).
    kinds = ((True, "Canadian"),) if spouse else ((True, "Canadian"), (False, "foreign"))
    for canadian, what in kinds:
        for day, before, now in xp.count_changes(side.jobs, on, canadian=canadian, until=until):
            if now > before:
                yield day, f"{whose}{_years_words(now)} of {what} experience completed", False
            else:
                words = f"{whose}{what} experience counts {_years_words(now)}"
                yield day, f"{words} (older work leaves the 10-year window)", False


def _found(facts: ClientFacts, on: date, until: date) -> Iterator[Found]:
    yield from ((day, words, False) for day, words in birthdays(facts.birth_date, on, until))
    yield from _expiries(facts.principal, "", on)
    yield from _experience(facts.principal, "", on, until, spouse=False)
    if facts.spouse_scored:
        yield from _expiries(facts.spouse, "Spouse's ", on)
        yield from _experience(facts.spouse, "Spouse: ", on, until, spouse=True)
    expires = facts.profile_expires_at
    if expires is not None:
        yield (
            local_date(expires),
            "Express Entry profile expires (12 months after submission)",
            True,
        )


def coming_dates(facts: ClientFacts, on: date, horizon_days: int = HORIZON_DAYS) -> list[DatedItem]:
    """Dated changes after ``on`` within ``horizon_days``, one item per day, each with the
    client's score that day and its change from the day before. Birthdays and years of
    experience are listed only when they move the score; expiries always. A change of the
    CRS rules is not a date of its own, but each total is scored under the rules of its day.
    """
    until = on + timedelta(days=horizon_days)
    by_day: dict[date, list[tuple[str, bool]]] = {}
    for day, description, always in _found(facts, on, until):
        if on < day <= until:
            by_day.setdefault(day, []).append((description, always))
    items = []
    for day, found in sorted(by_day.items()):
        # Several things can happen on one day; one item keeps each change counted once.
        total = score_totals(facts.candidate(day), day).total
        before_day = day - timedelta(days=1)
        change = total - score_totals(facts.candidate(before_day), before_day).total
        if change or any(always for _, always in found):
            description = "; ".join(dict.fromkeys(text for text, _ in found))
            items.append(DatedItem(day, description, total, change))
    return items
