"""Dated changes ahead for one client ("Coming dates" on the client page and the portal).

The dates are found in the file (birthdays, each language result's and ECA's expiry, the
profile's 12 months, years of experience changing) and projected by the engine the calculator
uses too, ``scoring.advice.events_ahead``, with the client's own candidate of each day,
``facts.candidate(day)``: the score the re-evaluation will store that day. Projecting today's
candidate through time instead, as the calculator does with the one candidate it is given,
misses an ECA's expiry (the engine scores the education it is given) and scores an expiring
result as if the client had no other valid one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from profiles.candidates.facts import ClientFacts, Side
from profiles.dates import local_date
from scoring.advice import HORIZON_DAYS, Event, Found, birthdays, events_ahead, experience_changes
from scoring.labels import EDUCATION_LABELS
from scoring.language import TEST_LABELS
from scoring.text import T_


def _expiries(side: Side, whose: str, on: date) -> Iterator[Found]:
    for result in side.results:
        if result.test_date <= on < result.expires_on:
            label = TEST_LABELS[result.test]
            # Text (T_): English here, the reader's language where shown (|tr).
            words = (
                T_("Spouse's %(test)s result of %(day)s expires (2 years old)",
                   test=label, day=result.test_date)
                if whose
                else T_("%(test)s result of %(day)s expires (2 years old)",
                        test=label, day=result.test_date)
            )  # fmt: skip
            yield result.expires_on, words, True
    for credential in side.credentials:
        expires = credential.eca_expires_on
        if not credential.in_canada and expires is not None and credential.eca_date <= on < expires:
            level = EDUCATION_LABELS[credential.level]
            words = (
                T_("Spouse's ECA for the %(level)s expires (5 years old)", level=level)
                if whose
                else T_("ECA for the %(level)s expires (5 years old)", level=level)
            )
            yield expires, words, True


def _found(facts: ClientFacts, on: date, until: date) -> Iterator[Found]:
    yield from birthdays(facts.birth_date, on, until)
    yield from _expiries(facts.principal, "", on)
    yield from experience_changes(facts.principal.jobs, on, until)
    if facts.spouse_scored:
        yield from _expiries(facts.spouse, "Spouse's ", on)
        yield from experience_changes(facts.spouse.jobs, on, until, whose="Spouse: ", spouse=True)
    expires = facts.profile_expires_at
    if expires is not None:
        yield (
            local_date(expires),
            T_("Express Entry profile expires (12 months after submission)"),
            True,
        )


def coming_dates(facts: ClientFacts, on: date, horizon_days: int = HORIZON_DAYS) -> list[Event]:
    """Dated changes after ``on`` within ``horizon_days``, one event per day, each with the
    client's score that day and its change from the day before. Birthdays and years of
    experience are listed only when they move the score; expiries always.
    """
    until = on + timedelta(days=horizon_days)
    return events_ahead(facts.candidate, _found(facts, on, until), on, until)
