"""The CRS engine: ``score(candidate, on)`` and the fast ``score_totals(candidate, on)``.

Deterministic and side-effect free: the date is always passed in; no clock, settings or database.
Every number comes from ``scoring.rules`` (which cites crs-rules.md); the algorithm is §14:

1. core = age + education + first language + min(second language, 24 or 22) + Canadian work;
2. spouse = education + language + Canadian work (accompanying, non-citizen spouse only);
3. transferability = min(min(a + b, 50) + min(c + d, 50) + e, 100), language conditions on the
   minimum first-language level over the four abilities;
4. additional = min(nomination + job offer + Canadian education + French + sibling, 600), with the
   values of the rule version in force on ``on``;
5. total = min(sum, 1200).

``score_totals`` is the re-evaluation's hot path (100,000 clients per draw), so both functions
share ``_scores``: straight-line code over precomputed tables (module-level aliases, levels
already converted on the ``LanguageResult``), allocating nothing but its result tuple.
``components`` names those numbers (a ``Components`` named tuple), and ``score`` hands them to
``scoring.lines``, which reads each by name and turns it into a ``Line``.
"""

from __future__ import annotations

from datetime import date

from scoring import rules as r
from scoring.breakdown import Breakdown, Components, Totals
from scoring.lines import build_lines
from scoring.rules import RuleVersion
from scoring.types import CanadianEducation, Candidate, JobOffer

__all__ = ["components", "score", "score_totals"]

_NEW = tuple.__new__
_AGE = r.AGE_POINTS
_AGE_LAST = r.AGE_LAST_ROW
_EDUCATION = r.EDUCATION_POINTS
_FIRST = r.FIRST_LANGUAGE_POINTS
_SECOND = r.SECOND_LANGUAGE_POINTS
_SECOND_CAP = r.SECOND_LANGUAGE_CAP
_CANADIAN = r.CANADIAN_EXPERIENCE_POINTS
_CANADIAN_LAST = r.CANADIAN_EXPERIENCE_LAST_ROW
_SPOUSE_EDUCATION = r.SPOUSE_EDUCATION_POINTS
_SPOUSE_LANGUAGE = r.SPOUSE_LANGUAGE_POINTS
_SPOUSE_CANADIAN = r.SPOUSE_CANADIAN_EXPERIENCE_POINTS
_EDUCATION_TIER = r.EDUCATION_TIER
_FOREIGN_TIER = r.FOREIGN_TIER
_FOREIGN_LAST = r.FOREIGN_LAST_ROW
_WITH_LANGUAGE = r.LANGUAGE_COMBINATION_POINTS
_WITH_CANADIAN = r.CANADIAN_COMBINATION_POINTS
_CERTIFICATE = r.CERTIFICATE_POINTS
_GROUP_CAP = r.TRANSFERABILITY_GROUP_CAP
_TRANSFER_CAP = r.TRANSFERABILITY_CAP
_ADDITIONAL_CAP = r.ADDITIONAL_CAP
_TOTAL_CAP = r.TOTAL_CAP
_FRENCH_MIN = r.FRENCH_MIN_NCLC
_ENGLISH_MIN = r.FRENCH_ENGLISH_MIN_CLB
_NO_JOB_OFFER = JobOffer.NONE
_NOC_00 = JobOffer.NOC_00
_NO_CANADIAN_EDUCATION = CanadianEducation.NONE
_SHORT_CANADIAN_EDUCATION = CanadianEducation.ONE_OR_TWO_YEAR

# The re-evaluation scores every client on one date; caching what depends only on the date (the
# rule version and the date as numbers) saves a bisect and three attribute reads per candidate.
_WHEN: dict[date, tuple[RuleVersion, int, int]] = {}


def _when(on: date) -> tuple[RuleVersion, int, int]:
    """Fill the memo for ``on`` (``_scores`` reads it directly when it is there)."""
    value = (r.rules_on(on), on.year, on.month * 100 + on.day)
    if len(_WHEN) > 10_000:  # a memo, not a leak: advice scans many dates
        _WHEN.clear()
    _WHEN[on] = value
    return value


def _scores(c: Candidate, on: date) -> tuple:
    """Every scored number for ``c`` on ``on``, in the field order of ``Components``.

    A plain tuple: ``score_totals`` keeps its first five, and making every one a ``Components``
    cost that path 7% (one more 32-item copy per client). ``components`` names them.
    """
    # The memo read inline: a call to look it up costs ~12 ns a candidate (1% of the totals).
    try:
        rules, year, month_day = _WHEN[on]
    except KeyError:
        rules, year, month_day = _when(on)
    spouse = c.spouse
    ws = spouse is not None

    # §2.1 age: ``scoring.dates.age_on`` inlined on the numbers Candidate keeps: calling it costs
    # ~130 ns a candidate, a tenth of the totals path. test_properties holds the two together.
    age = year - c.birth_year - (month_day < c.birth_month_day) if c.birth_year else c.age
    age_points = _AGE[ws][age if 0 <= age < _AGE_LAST else _AGE_LAST]
    education = c.education
    education_points = _EDUCATION[ws][education]

    # §2.3 first language; expired results (2+ years, §9) earn nothing anywhere.
    first = c.first_language
    first_min = first_points = 0
    first_valid = first is not None and on < first.expires_on
    if first_valid:
        t = _FIRST[ws]
        listening, reading, writing, speaking = first.levels
        first_points = t[listening] + t[reading] + t[writing] + t[speaking]
        first_min = first.min_level

    # §2.4 second language: only the *other* official language counts.
    second = c.second_language
    second_raw = second_points = 0
    second_valid = (
        second is not None
        and first is not None
        and second.is_french is not first.is_french
        and on < second.expires_on
    )
    if second_valid:
        listening, reading, writing, speaking = second.levels
        second_raw = _SECOND[listening] + _SECOND[reading] + _SECOND[writing] + _SECOND[speaking]
        cap = _SECOND_CAP[ws]
        second_points = second_raw if second_raw < cap else cap

    canadian_years = c.canadian_experience_years
    canadian_points = _CANADIAN[ws][
        canadian_years if canadian_years < _CANADIAN_LAST else _CANADIAN_LAST
    ]
    core = age_points + education_points + first_points + second_points + canadian_points

    # §3 spouse factors.
    spouse_education = spouse_language = spouse_canadian = 0
    if ws:
        spouse_education = _SPOUSE_EDUCATION[spouse.education]
        sl = spouse.language
        if sl is not None and on < sl.expires_on:
            listening, reading, writing, speaking = sl.levels
            spouse_language = (
                _SPOUSE_LANGUAGE[listening]
                + _SPOUSE_LANGUAGE[reading]
                + _SPOUSE_LANGUAGE[writing]
                + _SPOUSE_LANGUAGE[speaking]
            )
        years = spouse.canadian_experience_years
        spouse_canadian = _SPOUSE_CANADIAN[years if years < _CANADIAN_LAST else _CANADIAN_LAST]

    # §4 skill transferability with its group caps.
    canadian_band = canadian_years if canadian_years < 2 else 2
    education_tier = _EDUCATION_TIER[education]
    foreign_years = c.foreign_experience_years
    foreign_tier = _FOREIGN_TIER[foreign_years if foreign_years < _FOREIGN_LAST else _FOREIGN_LAST]
    a = _WITH_LANGUAGE[education_tier][first_min]
    b = _WITH_CANADIAN[education_tier][canadian_band]
    cc = _WITH_LANGUAGE[foreign_tier][first_min]
    d = _WITH_CANADIAN[foreign_tier][canadian_band]
    e = _CERTIFICATE[first_min] if c.certificate_of_qualification else 0
    education_group = a + b if a + b < _GROUP_CAP else _GROUP_CAP
    foreign_group = cc + d if cc + d < _GROUP_CAP else _GROUP_CAP
    transfer = education_group + foreign_group + e
    if transfer > _TRANSFER_CAP:
        transfer = _TRANSFER_CAP

    # §5 additional points, by rule version.
    nomination = rules.provincial_nomination if c.provincial_nomination else 0
    offer = c.job_offer
    if offer is _NO_JOB_OFFER:
        job = 0
    else:
        job = rules.job_offer_noc_00 if offer is _NOC_00 else rules.job_offer_other
    credential = c.canadian_education
    if credential is _NO_CANADIAN_EDUCATION:
        canadian_education = 0
    elif credential is _SHORT_CANADIAN_EDUCATION:
        canadian_education = rules.canadian_education_short
    else:
        canadian_education = rules.canadian_education_long
    # French bonus: French NCLC 7+ on all four, higher with English CLB 5+ on all four. A valid
    # second result is always the other language, so the pair is (French, English) either way.
    french = 0
    if rules.french_english_high:
        if first_valid and first.is_french:
            french_result, english_result = first, second if second_valid else None
        elif second_valid and second.is_french:
            french_result, english_result = second, first if first_valid else None
        else:
            french_result = english_result = None
        if french_result is not None and french_result.min_level >= _FRENCH_MIN:
            if english_result is not None and english_result.min_level >= _ENGLISH_MIN:
                french = rules.french_english_high
            else:
                french = rules.french_english_low
    sibling = rules.sibling if c.sibling_in_canada else 0
    additional_raw = nomination + job + canadian_education + french + sibling
    additional = additional_raw if additional_raw < _ADDITIONAL_CAP else _ADDITIONAL_CAP

    spouse_total = spouse_education + spouse_language + spouse_canadian
    total = core + spouse_total + transfer + additional
    if total > _TOTAL_CAP:
        total = _TOTAL_CAP
    # The one place that knows Components' field order (test_properties reads the fields back
    # by name and checks that each section's add up to its total).
    return (
        total, core, spouse_total, transfer, additional,
        rules, ws, age, first_valid, second_valid, second_raw,
        age_points, education_points, first_points, second_points, canadian_points,
        spouse_education, spouse_language, spouse_canadian,
        a, b, cc, d, e, education_group, foreign_group,
        nomination, job, canadian_education, french, sibling, additional_raw,
    )  # fmt: skip


def components(candidate: Candidate, on: date) -> Components:
    """Every scored number for ``candidate`` on ``on``, by name (what ``scoring.lines`` reads)."""
    return _NEW(Components, _scores(candidate, on))


def score_totals(candidate: Candidate, on: date) -> Totals:
    """Section totals of ``candidate`` under the rules in force on ``on`` (no lines)."""
    return _NEW(Totals, _scores(candidate, on)[:5])


def score(candidate: Candidate, on: date) -> Breakdown:
    """The full breakdown of ``candidate`` on ``on``: totals, rule version and one line per factor.

    Raises ``InvalidInput`` (field ``as_of``) for a date before Express Entry began
    (``rules.EXPRESS_ENTRY_START``).
    """
    parts = components(candidate, on)
    lines, expired = build_lines(candidate, on, parts)
    # In Breakdown's field order (a named tuple: its keyword constructor is a Python function).
    return _NEW(Breakdown, (
        parts.total, parts.core_human_capital, parts.spouse_factors,
        parts.skill_transferability, parts.additional,
        parts.rules, lines, expired, parts.age, parts.with_spouse,
    ))  # fmt: skip
