"""Breakdown lines: each scored number from the engine, named with the input that earned it.

Detail strings are built once at import wherever the input has a small closed range, so a full
breakdown costs a few tuple builds per factor rather than string formatting.
"""

from __future__ import annotations

from datetime import date

from scoring import rules as r
from scoring.types import (
    CanadianEducation,
    Candidate,
    Education,
    JobOffer,
    LanguageResult,
    Line,
    Section,
)

_NEW = tuple.__new__
CORE, SPOUSE, TRANSFER, ADDITIONAL = (
    Section.CORE,
    Section.SPOUSE,
    Section.TRANSFERABILITY,
    Section.ADDITIONAL,
)

EDUCATION_LABELS = {
    Education.NONE: "Less than secondary school",
    Education.SECONDARY: "Secondary school credential",
    Education.ONE_YEAR: "One-year post-secondary credential",
    Education.TWO_YEAR: "Two-year post-secondary credential",
    Education.BACHELORS: "Bachelor's degree or other 3+-year credential",
    Education.TWO_OR_MORE: "Two or more credentials, one of 3+ years",
    Education.MASTERS: "Master's or entry-to-practice professional degree",
    Education.DOCTORAL: "Doctoral degree",
}
CANADIAN_EDUCATION_LABELS = {
    CanadianEducation.NONE: "No Canadian post-secondary credential",
    CanadianEducation.ONE_OR_TWO_YEAR: "Canadian 1- or 2-year credential",
    CanadianEducation.THREE_OR_MORE_YEAR: "Canadian 3+-year credential or graduate degree",
}


def _years(n: int, what: str, last: int) -> str:
    if n == 0:
        return f"No {what}"
    plus = "+" if n == last else ""
    return f"{n}{plus} year{'s' if n > 1 else ''} of {what}"


_AGE_DETAIL = tuple(f"Age {age}" for age in range(131))
_CANADIAN_DETAIL = tuple(_years(n, "Canadian skilled work", 5) for n in range(6))
_SPOUSE_CANADIAN_DETAIL = tuple(_years(n, "Canadian skilled work (spouse)", 5) for n in range(6))
_SPOUSE_EDUCATION_DETAIL = {e: f"Spouse: {label}" for e, label in EDUCATION_LABELS.items()}
_FOREIGN_DETAIL = tuple(_years(n, "foreign skilled work", 3) for n in range(4))
_CANADIAN_BAND_DETAIL = ("no Canadian work", "1 year of Canadian work", "2+ years of Canadian work")


def _language_band(level: int) -> str:
    if level == 0:
        return "first language below CLB 4 or none"
    return f"first language CLB {level} (lowest ability)"


_LANGUAGE_BAND = tuple(_language_band(level) for level in range(13))
_EDUCATION_LANGUAGE = {
    (e, lvl): f"{label} with {_LANGUAGE_BAND[lvl]}"
    for e, label in EDUCATION_LABELS.items()
    for lvl in range(13)
}
_EDUCATION_CANADIAN = {
    (e, band): f"{label} with {_CANADIAN_BAND_DETAIL[band]}"
    for e, label in EDUCATION_LABELS.items()
    for band in range(3)
}
_FOREIGN_LANGUAGE = tuple(
    tuple(f"{_FOREIGN_DETAIL[n]} with {_LANGUAGE_BAND[lvl]}" for lvl in range(13)) for n in range(4)
)
_FOREIGN_CANADIAN = tuple(
    tuple(f"{_FOREIGN_DETAIL[n]} with {_CANADIAN_BAND_DETAIL[band]}" for band in range(3))
    for n in range(4)
)
_CERTIFICATE = tuple(
    f"Certificate of qualification with {_LANGUAGE_BAND[lvl]}" for lvl in range(13)
)
_NO_CERTIFICATE = "No certificate of qualification"
_JOB_OFFER = {
    (v.id, offer): (
        "No job offer"
        if offer is JobOffer.NONE
        else f"Job offer ({'NOC 00' if offer is JobOffer.NOC_00 else 'other skilled'})"
        + (f" under {v.id}" if v.job_offer_other else ": no points since 2025-03-25")
    )
    for v in r.RULE_VERSIONS
    for offer in JobOffer
}
_FRENCH_NONE = "No French bonus (needs NCLC 7+ in all four French abilities)"
_FRENCH_LOW = "French NCLC 7+ on all four; English CLB 4 or less on some ability, or none"
_FRENCH_HIGH = "French NCLC 7+ on all four and English CLB 5+ on all four"
_FRENCH_NOT_YET = "No French bonus before 2017-06-06"
_SIBLING = ("No sibling in Canada", "Sibling in Canada (applicant's or spouse's)")
_SIBLING_NOT_YET = "No sibling points before 2017-06-06"
_NOMINATION = ("No provincial nomination", "Provincial or territorial nomination")
_EDUCATION_CAP = "Education combinations capped at 50"
_FOREIGN_CAP = "Foreign-work combinations capped at 50"
_TRANSFER_CAP = "Skill transferability capped at 100"
_ADD_CAP = "Additional points capped at 600"


def _language_detail(
    result: LanguageResult | None, valid: bool, what: str, expired: list[str], field: str
) -> str:
    if result is None:
        return f"No {what} result"
    if not valid:
        expired.append(field)
        return f"{result.summary}: expired {result.expires_on.isoformat()} (2+ years old)"
    return result.summary


def _second_detail(
    first: LanguageResult | None,
    second: LanguageResult | None,
    valid: bool,
    raw: int,
    points: int,
    expired: list[str],
) -> str:
    if second is None:
        return "No second-language result"
    if first is None:
        return f"{second.summary}: earns nothing without a first-language result"
    if second.is_french is first.is_french:
        return f"{second.summary}: same official language as the first, earns nothing"
    if not valid:
        return _language_detail(second, False, "", expired, "second_language")
    return f"{second.summary} (capped at {points})" if raw > points else second.summary


def build_lines(c: Candidate, on: date, parts: tuple) -> tuple[tuple[Line, ...], tuple[str, ...]]:
    """Lines for the engine's ``parts`` (see ``engine._components``) and the expired fields."""
    (
        _total, _core, _spouse, _transfer, additional,
        rules, ws, age, age_points, education_points,
        first_valid, first_points, second_valid, second_raw, second_points, canadian_points,
        spouse_education, spouse_language, spouse_canadian,
        a, b, cc, d, e, education_group, foreign_group,
        nomination, job, canadian_education, french, sibling, additional_raw,
    ) = parts  # fmt: skip
    expired: list[str] = []
    education = c.education
    first = c.first_language
    level = first.min_level if first_valid else 0
    first_detail = _language_detail(first, first_valid, "first-language", expired, "first_language")
    second_detail = _second_detail(
        first, c.second_language, second_valid, second_raw, second_points, expired
    )
    canadian = min(c.canadian_experience_years, 5)
    foreign = min(c.foreign_experience_years, 3)
    band = min(canadian, 2)
    age_detail = _AGE_DETAIL[age] if 0 <= age <= 130 else f"Age {age}"
    lines = [
        _NEW(Line, (CORE, "age", age_points, age_detail)),
        _NEW(Line, (CORE, "education", education_points, EDUCATION_LABELS[education])),
        _NEW(Line, (CORE, "first_language", first_points, first_detail)),
        _NEW(Line, (CORE, "second_language", second_points, second_detail)),
        _NEW(Line, (CORE, "canadian_experience", canadian_points, _CANADIAN_DETAIL[canadian])),
    ]
    add = lines.append
    if ws:
        spouse = c.spouse
        sl = spouse.language
        sl_valid = sl is not None and on < sl.expires_on
        sl_detail = _language_detail(sl, sl_valid, "spouse language", expired, "spouse.language")
        years = min(spouse.canadian_experience_years, 5)
        education_detail = _SPOUSE_EDUCATION_DETAIL[spouse.education]
        add(_NEW(Line, (SPOUSE, "spouse.education", spouse_education, education_detail)))
        add(_NEW(Line, (SPOUSE, "spouse.language", spouse_language, sl_detail)))
        add(_NEW(Line, (SPOUSE, "spouse.canadian_experience", spouse_canadian,
                        _SPOUSE_CANADIAN_DETAIL[years])))  # fmt: skip
    add(_NEW(Line, (TRANSFER, "education_language", a, _EDUCATION_LANGUAGE[education, level])))
    add(_NEW(Line, (TRANSFER, "education_canadian", b, _EDUCATION_CANADIAN[education, band])))
    if a + b > education_group:
        add(_NEW(Line, (TRANSFER, "education_cap", education_group - a - b, _EDUCATION_CAP)))
    add(_NEW(Line, (TRANSFER, "foreign_language", cc, _FOREIGN_LANGUAGE[foreign][level])))
    add(_NEW(Line, (TRANSFER, "foreign_canadian", d, _FOREIGN_CANADIAN[foreign][band])))
    if cc + d > foreign_group:
        add(_NEW(Line, (TRANSFER, "foreign_cap", foreign_group - cc - d, _FOREIGN_CAP)))
    certificate = _CERTIFICATE[level] if c.certificate_of_qualification else _NO_CERTIFICATE
    add(_NEW(Line, (TRANSFER, "certificate", e, certificate)))
    over = education_group + foreign_group + e - r.TRANSFERABILITY_CAP
    if over > 0:
        add(_NEW(Line, (TRANSFER, "transferability_cap", -over, _TRANSFER_CAP)))

    if not rules.french_english_high:
        french_detail = _FRENCH_NOT_YET
    elif french:
        french_detail = _FRENCH_HIGH if french == rules.french_english_high else _FRENCH_LOW
    else:
        french_detail = _FRENCH_NONE
    sibling_detail = _SIBLING[c.sibling_in_canada] if rules.sibling else _SIBLING_NOT_YET
    credential = CANADIAN_EDUCATION_LABELS[c.canadian_education]
    add(_NEW(Line, (ADDITIONAL, "provincial_nomination", nomination,
                    _NOMINATION[c.provincial_nomination])))  # fmt: skip
    add(_NEW(Line, (ADDITIONAL, "job_offer", job, _JOB_OFFER[rules.id, c.job_offer])))
    add(_NEW(Line, (ADDITIONAL, "canadian_education", canadian_education, credential)))
    add(_NEW(Line, (ADDITIONAL, "french", french, french_detail)))
    add(_NEW(Line, (ADDITIONAL, "sibling", sibling, sibling_detail)))
    if additional_raw > additional:
        add(_NEW(Line, (ADDITIONAL, "additional_cap", additional - additional_raw, _ADD_CAP)))
    return tuple(lines), tuple(expired)
