"""Benchmark the CRS engine: candidates scored per second, totals only and full breakdowns.

    .venv/bin/python bench/score.py [--count 100000] [--seed 2026]

Generates varied candidates (seeded, outside the timed part), then times ``score_totals`` (the
path the re-evaluation uses) and ``score`` (full breakdown with lines) over all of them, taking
the best of three runs of each.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.engine import score, score_totals
from scoring.types import (
    CanadianEducation,
    Candidate,
    Education,
    JobOffer,
    LanguageResult,
    Spouse,
)

ON = date(2026, 11, 25)
IELTS_BANDS = [x / 2 for x in range(8, 19)]


def _english(rng: random.Random) -> LanguageResult:
    test_date = ON - timedelta(days=rng.randint(0, 900))  # some expired
    kind = rng.choice(["ielts", "celpip", "pte_core", "clb"])
    if kind == "ielts":
        scores = [rng.choice(IELTS_BANDS) for _ in range(4)]
    elif kind == "celpip":
        scores = [rng.randint(3, 12) for _ in range(4)]
    elif kind == "pte_core":
        scores = [rng.randint(30, 90) for _ in range(4)]
    else:
        scores = [rng.randint(4, 12) for _ in range(4)]
    return LanguageResult(kind, *scores, test_date=test_date)


def _french(rng: random.Random) -> LanguageResult:
    test_date = ON - timedelta(days=rng.randint(0, 700))
    if rng.random() < 0.5:
        scores = [rng.randint(300, 699) for _ in range(4)]
        return LanguageResult("tef", *scores, test_date=test_date)
    scores = [rng.randint(330, 699), rng.randint(330, 699), rng.randint(4, 20), rng.randint(4, 20)]
    return LanguageResult("tcf", *scores, test_date=test_date)


def candidate(rng: random.Random) -> Candidate:
    """One plausible, varied candidate."""
    first_french = rng.random() < 0.1
    first = _french(rng) if first_french else _english(rng)
    second = None
    if rng.random() < 0.2:
        second = _english(rng) if first_french else _french(rng)
    spouse = None
    if rng.random() < 0.4:
        spouse = Spouse(
            education=rng.choice(list(Education)),
            language=_english(rng) if rng.random() < 0.7 else None,
            canadian_experience_years=rng.randint(0, 6),
        )
    birth = ON - timedelta(days=rng.randint(18 * 365, 50 * 365))
    by_age = rng.random() < 0.1
    return Candidate(
        birth_date=None if by_age else birth,
        age=rng.randint(18, 50) if by_age else None,
        education=rng.choice(list(Education)),
        canadian_education=rng.choice(list(CanadianEducation)),
        first_language=first,
        second_language=second,
        canadian_experience_years=rng.randint(0, 6),
        foreign_experience_years=rng.randint(0, 5),
        certificate_of_qualification=rng.random() < 0.1,
        provincial_nomination=rng.random() < 0.05,
        job_offer=rng.choice(list(JobOffer)),
        sibling_in_canada=rng.random() < 0.1,
        spouse=spouse,
    )


def _generate(count: int, seed: int) -> list[Candidate]:
    rng = random.Random(seed)
    return [candidate(rng) for _ in range(count)]


def _rate(function, people: list[Candidate], on: date) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for person in people:
            function(person, on)
        best = min(best, time.perf_counter() - start)
    return len(people) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    people = _generate(args.count, args.seed)
    print(f"candidates: {len(people)} (generated, not timed); scored on {ON}")
    print(f"totals: {_rate(score_totals, people, ON):,.0f} candidates/s")
    print(f"full breakdown: {_rate(score, people, ON):,.0f} candidates/s")


if __name__ == "__main__":
    main()
