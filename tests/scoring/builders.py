"""Plain builders for scoring values (no Django): a candidate with neutral defaults, test results.

Defaults are chosen to earn nothing beyond what a test sets: no spouse, no experience, no
second language, secondary education, CLB 4 everywhere (6 points per ability).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from scoring.engine import score
from scoring.types import Candidate, LanguageResult, Spouse, WorkPeriod

ON = date(2026, 11, 25)  # R2025 rules
TESTED = date(2026, 1, 10)  # a result still valid on ON
TWO_YEARS_AGO = date(2024, 11, 1)


def clb(
    listening: int,
    reading: int | None = None,
    writing: int | None = None,
    speaking: int | None = None,
    *,
    test_date: date | None = TESTED,
) -> LanguageResult:
    """English levels given directly; one argument means the same level in all four."""
    levels = _four(listening, reading, writing, speaking)
    return LanguageResult("clb", *levels, test_date=test_date)


def nclc(
    listening: int,
    reading: int | None = None,
    writing: int | None = None,
    speaking: int | None = None,
    *,
    test_date: date | None = TESTED,
) -> LanguageResult:
    """French levels given directly; one argument means the same level in all four."""
    levels = _four(listening, reading, writing, speaking)
    return LanguageResult("nclc", *levels, test_date=test_date)


def _four(listening, reading, writing, speaking):
    if reading is None:
        return (listening,) * 4
    return (listening, reading, writing, speaking)


def candidate(**changes) -> Candidate:
    base = Candidate(education="secondary", first_language=clb(4), age=25)
    return replace(base, **changes)


def spouse(**changes) -> Spouse:
    return replace(Spouse(education="none"), **changes)


def job(
    noc: str, start: date, end: date | None, *, hours: float = 40, in_canada: bool = True, **flags
) -> WorkPeriod:
    return WorkPeriod(
        noc=noc,
        teer=int(noc[1]),
        start=start,
        end=end,
        hours_per_week=hours,
        in_canada=in_canada,
        **flags,
    )


def developer(**changes) -> Candidate:
    """CLB 9, bachelor's, 29: two years as a software engineer in Canada, still working."""
    base = {
        "age": 29,
        "education": "bachelors",
        "first_language": clb(9),
        "canadian_experience_years": 2,
        "work_history": (job("21231", TWO_YEARS_AGO, None),),
    }
    base.update(changes)
    return candidate(**base)


def points(c: Candidate, factor: str, on: date = ON) -> int:
    """The points of ``factor``'s lines (caps included) in ``c``'s breakdown on ``on``."""
    return sum(line.points for line in score(c, on).lines if line.factor == factor)
