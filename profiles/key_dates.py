"""What a file stands to lose, and on which day: the dashboard's expiries and birthdays.

For each language result and ECA that matters (per person and language, the latest result;
every foreign credential with an ECA), the points at stake are the engine's own answer: the
client scored on the day with the fact still counting, minus the client scored without it.
For a fact that expires ahead, "the day" is its expiry; for one that has expired, today, so an
old result since replaced by a newer one costs nothing and is not listed. A birthday costs the
points of one year of age, everything else held (none once invited: the age at the ITA counts).

Pure: no queries. ``services.key_dates`` stores the results as ``KeyDate`` rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from profiles.candidates.facts import ClientFacts
from scoring.advice import birthdays
from scoring.engine import score_totals
from scoring.labels import EDUCATION_LABELS
from scoring.language import TEST_LABELS
from scoring.text import N_, Text
from scoring.types import LanguageResult

LANGUAGE, ECA, BIRTHDAY = "language", "eca", "birthday"
_DAY = timedelta(days=1)
SPOUSES = "Spouse's "
# A key date's words are stored in English (KeyDate.description); ``described`` reads them
# back into their message and values, so a page can say them in the reader's language.
WORDS = {
    (LANGUAGE, ""): N_("%(test)s result of %(day)s"),
    (LANGUAGE, SPOUSES): N_("Spouse's %(test)s result of %(day)s"),
    (ECA, ""): N_("ECA for the %(level)s (%(day)s)"),
    (ECA, SPOUSES): N_("Spouse's ECA for the %(level)s (%(day)s)"),
    (BIRTHDAY, ""): "Turns %(age)s",  # scoring.advice.birthdays' own words
}
_VALUE = {"day": r"(?P<day>\d{4}-\d{2}-\d{2})", "age": r"(?P<age>\d+)"}
_READERS = [
    (
        msgid,
        re.compile(
            "^"
            + re.sub(
                r"%\\\((\w+)\\\)s",  # a %(name)s, as re.escape writes it
                lambda m: _VALUE.get(m[1], f"(?P<{m[1]}>.+?)"),
                re.escape(msgid),
            )
            + "$"
        ),
    )
    # The spouse's words first: the person's own would match them too.
    for msgid in sorted(WORDS.values(), key=len, reverse=True)
]


def described(description: str) -> Text | str:
    """A stored description as its message and values (the text itself if none matches)."""
    for msgid, pattern in _READERS:
        if found := pattern.match(description):
            values: dict[str, object] = found.groupdict()
            if "day" in values:
                values["day"] = date.fromisoformat(values["day"])
            if "age" in values:
                values["age"] = int(values["age"])
            return Text(msgid, **values)
    return description


@dataclass(frozen=True)
class KeyDay:
    kind: str  # LANGUAGE, ECA or BIRTHDAY (KeyDate.Kind)
    on: date  # the expiry (past or ahead) or the birthday
    description: str
    points: int  # lost that day; for what has expired, what it would earn today


def _total(facts: ClientFacts, on: date) -> int:
    return score_totals(facts.candidate(on), on).total


def _with_side(facts: ClientFacts, spouse: bool, **changes: object) -> ClientFacts:
    side = facts.spouse if spouse else facts.principal
    return replace(facts, **{"spouse" if spouse else "principal": replace(side, **changes)})


def _still_valid(result: LanguageResult, on: date) -> LanguageResult:
    """The same levels as a CLB/NCLC result taken the day before ``on``, so valid on ``on``.

    CLB/NCLC rather than the test itself: TEF's conversion depends on the test date.
    """
    return LanguageResult("nclc" if result.is_french else "clb", *result.levels, on - _DAY)


def _results(facts: ClientFacts, spouse: bool, whose: str, on: date) -> Iterator[KeyDay]:
    side = facts.spouse if spouse else facts.principal
    for french in (False, True):
        taken = [r for r in side.results if r.is_french is french and r.test_date <= on]
        if not taken:
            continue
        latest = max(taken, key=lambda r: r.test_date)
        day = max(on, latest.expires_on)
        kept = tuple(_still_valid(r, day) if r is latest else r for r in side.results)
        points = _total(_with_side(facts, spouse, results=kept), day) - _total(facts, day)
        words = Text(WORDS[LANGUAGE, whose], test=TEST_LABELS[latest.test], day=latest.test_date)
        yield KeyDay(LANGUAGE, latest.expires_on, words, points)


def _ecas(facts: ClientFacts, spouse: bool, whose: str, on: date) -> Iterator[KeyDay]:
    side = facts.spouse if spouse else facts.principal
    for credential in side.credentials:
        if credential.in_canada or credential.eca_date is None or credential.eca_date > on:
            continue
        day = max(on, credential.eca_expires_on)
        renewed = replace(credential, eca_date=day - _DAY)
        kept = tuple(renewed if c is credential else c for c in side.credentials)
        points = _total(_with_side(facts, spouse, credentials=kept), day) - _total(facts, day)
        level = EDUCATION_LABELS[credential.level]
        words = Text(WORDS[ECA, whose], level=level, day=credential.eca_date)
        yield KeyDay(ECA, credential.eca_expires_on, words, points)


def _birthday(facts: ClientFacts, on: date) -> Iterator[KeyDay]:
    if facts.ita_received_on is not None and facts.ita_received_on <= on:
        return  # the age on the ITA date counts from then on (crs-rules.md §2.1)
    for day, words, _ in birthdays(facts.birth_date, on, on + timedelta(days=366)):
        before = day - _DAY
        candidate = facts.candidate(before)
        age = candidate.age_on(before)
        now, older = (replace(candidate, birth_date=None, age=n) for n in (age, age + 1))
        points = score_totals(now, before).total - score_totals(older, before).total
        yield KeyDay(BIRTHDAY, day, words, points)
        return  # the next birthday only: the nightly refresh finds the one after


Finder = Callable[[ClientFacts, bool, str, date], Iterator[KeyDay]]
_FINDERS: tuple[Finder, ...] = (_results, _ecas)


def key_days(facts: ClientFacts, on: date) -> list[KeyDay]:
    """The file's dates that cost points, earliest first (what costs nothing is left out)."""
    people = [(False, "")] + ([(True, SPOUSES)] if facts.spouse_scored else [])
    found: list[KeyDay] = list(_birthday(facts, on))
    for spouse, whose in people:
        for finder in _FINDERS:
            found += finder(facts, spouse, whose, on)
    return sorted((day for day in found if day.points > 0), key=lambda day: (day.on, day.kind))
