"""Why a client's CRS changed with no edit to the file, in plain words (the nightly history).

``explain`` rebuilds the client's candidate on the day the score was last computed and on today,
then walks from the old candidate to the new one a factor at a time (rules, age, language,
experience, education, spouse, the rest), scoring after each step. Each sentence carries the
points its step moved, and the steps add up to the whole change, caps included.

While one factor moves, the others must not: the engine derives the age and whether a language
result still counts from the scoring date, so a candidate scored on a later date would count a
birthday under "rules". ``_pinned`` fixes both (an age instead of a birth date; results that
never, or always, count) so that the date then only picks the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from profiles.candidates.facts import ClientFacts
from profiles.dates import local_date
from profiles.models import ScoreChange
from scoring.eligibility import eca_expiry_date
from scoring.engine import score_totals
from scoring.labels import CANADIAN_EDUCATION_LABELS, EDUCATION_LABELS
from scoring.language import TEST_LABELS
from scoring.rules import rules_on
from scoring.text import N_
from scoring.types import Candidate, LanguageResult

# A result taken on this day is expired on every Express Entry date (2015 on).
_LONG_AGO = date(2000, 1, 1)
Kind = ScoreChange.Kind


class Explanation(NamedTuple):
    kind: str  # ScoreChange.Kind
    reason: str


def signed(points: int) -> str:
    """+8, or -5 written with the typographic minus sign (U+2212)."""
    return f"+{points}" if points > 0 else f"\u2212{-points}"


def explain(
    facts: ClientFacts, *, before: date, after: date, crs_before: int | None
) -> Explanation:
    """Why the score of ``facts`` moved from ``crs_before`` (computed on ``before``) to its
    score on ``after``, step by step: "Birthday: age 34 (-5); IELTS results expired (-124)",
    with typographic minus signs.
    """
    if crs_before is None:
        # Whole reasons are stored in English and shown with |tr; composed ones stay English.
        return Explanation(Kind.DATE, N_("First score of this file"))
    old, new = facts.candidate(before), facts.candidate(after)
    current, target = _pinned(old, before), _pinned(new, after)
    points = score_totals(current, before).total
    parts: list[tuple[str, str, int]] = []  # (kind, words, points)
    if points != crs_before:
        # The facts changed since that score without a re-score (a bulk load, a direct edit).
        parts.append((Kind.DATE, "The stored score was out of date", points - crs_before))
    moved = score_totals(current, after).total
    if moved != points:
        rules = rules_on(after)
        words = f"CRS rules changed on {rules.effective:%Y-%m-%d}: {rules.description}"
        parts.append((Kind.RULES, words, moved - points))
    points = moved
    for fields, words_for in _STEPS:
        current = replace(current, **{name: getattr(target, name) for name in fields})
        moved = score_totals(current, after).total
        if moved != points:
            parts.append((Kind.DATE, words_for(old, new, before, after), moved - points))
        points = moved
    if not parts:
        return Explanation(Kind.DATE, N_("Score recomputed; no factor changed"))
    kind = Kind.RULES if all(kind == Kind.RULES for kind, _, _ in parts) else Kind.DATE
    return Explanation(kind, "; ".join(f"{words} ({signed(n)})" for _, words, n in parts))


def profile_expiry(facts: ClientFacts, *, after: date, until: date) -> str:
    """``"Express Entry profile expired …"`` when it expired in (``after``, ``until``], else ""."""
    expires = facts.profile_expires_at
    if expires is None:
        return ""
    day = local_date(expires)
    if not after < day <= until:
        return ""
    return f"Express Entry profile expired on {day:%Y-%m-%d} (12 months after submission)"


def _pin(result: LanguageResult | None, on: date) -> LanguageResult | None:
    """The same levels as a CLB/NCLC result that always counts, or never, as on ``on``."""
    if result is None:
        return None
    test = "nclc" if result.is_french else "clb"
    taken = _LONG_AGO if result.expired(on) else None  # None: never expires
    return LanguageResult(test, *result.levels, test_date=taken)


def _pinned(c: Candidate, on: date) -> Candidate:
    spouse = c.spouse
    if spouse is not None:
        spouse = replace(spouse, language=_pin(spouse.language, on))
    return replace(
        c,
        birth_date=None,
        age=c.age_on(on),
        first_language=_pin(c.first_language, on),
        second_language=_pin(c.second_language, on),
        spouse=spouse,
    )


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def _valid(results: tuple[LanguageResult | None, ...], on: date) -> list[LanguageResult]:
    return [r for r in results if r is not None and not r.expired(on)]


def _result_words(was: list, now: list, after: date, whose: str = "") -> list[str]:
    words = [f"{whose}{TEST_LABELS[r.test]} results expired" for r in was if r.expired(after)]
    words += [f"{whose}{TEST_LABELS[r.test]} results now count" for r in now if r not in was]
    return words


def _age(old: Candidate, new: Candidate, before: date, after: date) -> str:
    return f"Birthday: age {new.age_on(after)}"


def _language(old: Candidate, new: Candidate, before: date, after: date) -> str:
    was = _valid((old.first_language, old.second_language), before)
    now = _valid((new.first_language, new.second_language), after)
    return "; ".join(_result_words(was, now, after)) or "Language results changed"


def _experience(old: Candidate, new: Candidate, before: date, after: date) -> str:
    words = []
    if new.canadian_experience_years != old.canadian_experience_years:
        words.append(f"{_years(new.canadian_experience_years)} of Canadian experience completed")
    if new.foreign_experience_years != old.foreign_experience_years:
        words.append(f"{_years(new.foreign_experience_years)} of foreign experience completed")
    return "; ".join(words) or "Work experience changed"


def _education(old: Candidate, new: Candidate, before: date, after: date) -> str:
    words = []
    if new.education != old.education:
        label = EDUCATION_LABELS[new.education]
        eca = old.eca_date
        if eca is not None and after >= eca_expiry_date(eca):
            words.append(f"ECA expired (5 years old): education counts as {label}")
        else:
            words.append(f"Education counts as {label}")
    if new.canadian_education != old.canadian_education:
        words.append(CANADIAN_EDUCATION_LABELS[new.canadian_education])
    return "; ".join(words) or "Education changed"


def _spouse(old: Candidate, new: Candidate, before: date, after: date) -> str:
    was, now = old.spouse, new.spouse
    if was is None or now is None:
        return "Spouse or partner now counts" if was is None else "Spouse no longer counts"
    words = _result_words(
        _valid((was.language,), before), _valid((now.language,), after), after, "Spouse's "
    )
    if now.canadian_experience_years != was.canadian_experience_years:
        years = _years(now.canadian_experience_years)
        words.append(f"Spouse: {years} of Canadian experience completed")
    if now.education != was.education:
        words.append(f"Spouse's education counts as {EDUCATION_LABELS[now.education]}")
    return "; ".join(words) or "Spouse's factors changed"


def _other(old: Candidate, new: Candidate, before: date, after: date) -> str:
    words = []
    for field, name in (
        ("provincial_nomination", "Provincial nomination"),
        ("certificate_of_qualification", "Certificate of qualification"),
    ):
        if getattr(new, field) != getattr(old, field):
            words.append(f"{name} {'now counts' if getattr(new, field) else 'no longer counts'}")
    return "; ".join(words) or "Other factors changed"


Words = Callable[[Candidate, Candidate, date, date], str]
# Every Candidate field moves in exactly one step, so the last step reaches today's score.
_STEPS: tuple[tuple[tuple[str, ...], Words], ...] = (
    (("age",), _age),
    (("first_language", "second_language"), _language),
    (("canadian_experience_years", "foreign_experience_years", "work_history"), _experience),
    (("education", "canadian_education", "eca_date"), _education),
    (("spouse",), _spouse),
    (
        (
            "provincial_nomination", "certificate_of_qualification", "job_offer",
            "has_valid_job_offer", "sibling_in_canada", "profile_submitted_at",
        ),
        _other,
    ),
)  # fmt: skip
