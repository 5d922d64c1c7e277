"""Breakdown lines: each scored number from the engine, named with the input that earned it.

``build_lines`` reads the engine's ``Components`` by name. Detail strings are built once at
import wherever the input has a small closed range, so a full breakdown costs a few tuple builds
per factor rather than string formatting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from scoring import rules as r
from scoring.breakdown import Components, Line, Section
from scoring.labels import CANADIAN_EDUCATION_LABELS, EDUCATION_LABELS
from scoring.text import N_, T_, Text
from scoring.types import Candidate, JobOffer, LanguageResult

_NEW = tuple.__new__
CORE, SPOUSE, TRANSFER, ADDITIONAL = (
    Section.CORE,
    Section.SPOUSE,
    Section.TRANSFERABILITY,
    Section.ADDITIONAL,
)


# Each kind of experience as whole sentences (no "{n} year{s} of {what}" pieces): a translation
# needs the sentence, and "years" is not made by adding an "s" in every language.
# (none, one year, n years, n or more years); n is never 1 in the last two.
_Words = tuple[str, str, Callable[[int], str], Callable[[int], str]]
_CANADIAN_WORDS: _Words = (
    N_("No Canadian skilled work"),
    N_("1 year of Canadian skilled work"),
    lambda n: T_("%(years)s years of Canadian skilled work", years=n),
    lambda n: T_("%(years)s+ years of Canadian skilled work", years=n),
)
_SPOUSE_CANADIAN_WORDS: _Words = (
    N_("No Canadian skilled work (spouse)"),
    N_("1 year of Canadian skilled work (spouse)"),
    lambda n: T_("%(years)s years of Canadian skilled work (spouse)", years=n),
    lambda n: T_("%(years)s+ years of Canadian skilled work (spouse)", years=n),
)
_FOREIGN_WORDS: _Words = (
    N_("No foreign skilled work"),
    N_("1 year of foreign skilled work"),
    lambda n: T_("%(years)s years of foreign skilled work", years=n),
    lambda n: T_("%(years)s+ years of foreign skilled work", years=n),
)


def _years(n: int, words: _Words, last: int) -> str:
    if n == 0:
        return words[0]
    if n == last:
        return words[3](n)
    return words[1] if n == 1 else words[2](n)


_CANADIAN_LAST, _FOREIGN_LAST = r.CANADIAN_EXPERIENCE_LAST_ROW, r.FOREIGN_LAST_ROW
_AGE_DETAIL = tuple(T_("Age %(age)s", age=age) for age in range(131))
_CANADIAN_DETAIL = tuple(
    _years(n, _CANADIAN_WORDS, _CANADIAN_LAST) for n in range(_CANADIAN_LAST + 1)
)
_SPOUSE_CANADIAN_DETAIL = tuple(
    _years(n, _SPOUSE_CANADIAN_WORDS, _CANADIAN_LAST) for n in range(_CANADIAN_LAST + 1)
)
_SPOUSE_EDUCATION_DETAIL = {
    e: T_("Spouse: %(education)s", education=label) for e, label in EDUCATION_LABELS.items()
}
_FOREIGN_DETAIL = tuple(_years(n, _FOREIGN_WORDS, _FOREIGN_LAST) for n in range(_FOREIGN_LAST + 1))
_CANADIAN_BAND_DETAIL = (
    N_("no Canadian work"),
    N_("1 year of Canadian work"),
    N_("2+ years of Canadian work"),
)


def _language_band(level: int) -> str:
    if level == 0:
        return N_("first language below CLB 4 or none")
    return T_("first language CLB %(level)s (lowest ability)", level=level)


def _with(factor: str, level: str) -> Text:
    return T_("%(factor)s with %(level)s", factor=factor, level=level)


_LANGUAGE_BAND = tuple(_language_band(level) for level in range(13))
_EDUCATION_LANGUAGE = {
    (e, lvl): _with(label, _LANGUAGE_BAND[lvl])
    for e, label in EDUCATION_LABELS.items()
    for lvl in range(13)
}
_EDUCATION_CANADIAN = {
    (e, band): _with(label, _CANADIAN_BAND_DETAIL[band])
    for e, label in EDUCATION_LABELS.items()
    for band in range(3)
}
_FOREIGN_LANGUAGE = tuple(
    tuple(_with(foreign, _LANGUAGE_BAND[lvl]) for lvl in range(13)) for foreign in _FOREIGN_DETAIL
)
_FOREIGN_CANADIAN = tuple(
    tuple(_with(foreign, _CANADIAN_BAND_DETAIL[band]) for band in range(3))
    for foreign in _FOREIGN_DETAIL
)
_CERTIFICATE = tuple(
    T_("Certificate of qualification with %(level)s", level=_LANGUAGE_BAND[lvl])
    for lvl in range(13)
)
_NO_CERTIFICATE = N_("No certificate of qualification")


def _job_offer(rules: r.RuleVersion, offer: JobOffer) -> str:
    if offer is JobOffer.NONE:
        return N_("No job offer")
    day = r.NO_JOB_OFFER_POINTS_FROM
    if offer is JobOffer.NOC_00:
        if rules.job_offer_other:
            return T_("Job offer (NOC 00) under %(rules)s", rules=rules.id)
        return T_("Job offer (NOC 00): no points since %(day)s", day=day)
    if rules.job_offer_other:
        return T_("Job offer (other skilled) under %(rules)s", rules=rules.id)
    return T_("Job offer (other skilled): no points since %(day)s", day=day)


_JOB_OFFER = {(v.id, offer): _job_offer(v, offer) for v in r.RULE_VERSIONS for offer in JobOffer}
_FRENCH_NONE = N_("No French bonus (needs NCLC 7+ in all four French abilities)")
_FRENCH_LOW = N_("French NCLC 7+ on all four; English CLB 4 or less on some ability, or none")
_FRENCH_HIGH = N_("French NCLC 7+ on all four and English CLB 5+ on all four")
_FRENCH_NOT_YET = T_("No French bonus before %(day)s", day=r.FRENCH_BONUS_FROM)
_SIBLING = (N_("No sibling in Canada"), N_("Sibling in Canada (applicant's or spouse's)"))
_SIBLING_NOT_YET = T_("No sibling points before %(day)s", day=r.SIBLING_POINTS_FROM)
_NOMINATION = (N_("No provincial nomination"), N_("Provincial or territorial nomination"))
_EDUCATION_CAP = T_("Education combinations capped at %(cap)s", cap=r.TRANSFERABILITY_GROUP_CAP)
_FOREIGN_CAP = T_("Foreign-work combinations capped at %(cap)s", cap=r.TRANSFERABILITY_GROUP_CAP)
_TRANSFER_CAP = T_("Skill transferability capped at %(cap)s", cap=r.TRANSFERABILITY_CAP)
_ADD_CAP = T_("Additional points capped at %(cap)s", cap=r.ADDITIONAL_CAP)
_NO_FIRST = N_("No first-language result")
_NO_SPOUSE = N_("No spouse language result")


def _language_detail(
    result: LanguageResult | None, valid: bool, missing: str, expired: list[str], field: str
) -> str:
    """``missing``: the words for no result."""
    if result is None:
        return missing
    if not valid:
        expired.append(field)
        return T_(
            "%(result)s: expired %(day)s (2+ years old)",
            result=result.summary,
            day=result.expires_on,
        )
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
        return N_("No second-language result")
    summary = second.summary
    if first is None:
        return T_("%(result)s: earns nothing without a first-language result", result=summary)
    if second.is_french is first.is_french:
        return T_("%(result)s: same official language as the first, earns nothing", result=summary)
    if not valid:
        return _language_detail(second, False, "", expired, "second_language")
    if raw > points:
        return T_("%(result)s (capped at %(points)s)", result=summary, points=points)
    return summary


def build_lines(
    c: Candidate, on: date, parts: Components
) -> tuple[tuple[Line, ...], tuple[str, ...]]:
    """Lines for the engine's ``parts`` (``engine.components``) and the expired fields."""
    expired: list[str] = []
    education = c.education
    first = c.first_language
    first_valid = parts.first_language_valid
    level = first.min_level if first_valid else 0
    first_detail = _language_detail(first, first_valid, _NO_FIRST, expired, "first_language")
    second_points = parts.second_language
    second_detail = _second_detail(
        first,
        c.second_language,
        parts.second_language_valid,
        parts.second_language_raw,
        second_points,
        expired,
    )
    canadian = min(c.canadian_experience_years, _CANADIAN_LAST)
    foreign = min(c.foreign_experience_years, _FOREIGN_LAST)
    band = min(canadian, 2)
    age = parts.age
    age_detail = _AGE_DETAIL[age] if 0 <= age <= 130 else T_("Age %(age)s", age=age)
    lines = [
        _NEW(Line, (CORE, "age", parts.age_points, age_detail)),
        _NEW(Line, (CORE, "education", parts.education, EDUCATION_LABELS[education])),
        _NEW(Line, (CORE, "first_language", parts.first_language, first_detail)),
        _NEW(Line, (CORE, "second_language", second_points, second_detail)),
        _NEW(Line, (CORE, "canadian_experience", parts.canadian_experience,
                    _CANADIAN_DETAIL[canadian])),
    ]  # fmt: skip
    add = lines.append
    if parts.with_spouse:
        spouse = c.spouse
        sl = spouse.language
        sl_valid = sl is not None and on < sl.expires_on
        sl_detail = _language_detail(sl, sl_valid, _NO_SPOUSE, expired, "spouse.language")
        years = min(spouse.canadian_experience_years, _CANADIAN_LAST)
        education_detail = _SPOUSE_EDUCATION_DETAIL[spouse.education]
        add(_NEW(Line, (SPOUSE, "spouse.education", parts.spouse_education, education_detail)))
        add(_NEW(Line, (SPOUSE, "spouse.language", parts.spouse_language, sl_detail)))
        add(_NEW(Line, (SPOUSE, "spouse.canadian_experience", parts.spouse_canadian_experience,
                        _SPOUSE_CANADIAN_DETAIL[years])))  # fmt: skip
    a, b = parts.education_language, parts.education_canadian
    education_group = parts.education_group
    add(_NEW(Line, (TRANSFER, "education_language", a, _EDUCATION_LANGUAGE[education, level])))
    add(_NEW(Line, (TRANSFER, "education_canadian", b, _EDUCATION_CANADIAN[education, band])))
    if a + b > education_group:
        add(_NEW(Line, (TRANSFER, "education_cap", education_group - a - b, _EDUCATION_CAP)))
    cc, d = parts.foreign_language, parts.foreign_canadian
    foreign_group = parts.foreign_group
    add(_NEW(Line, (TRANSFER, "foreign_language", cc, _FOREIGN_LANGUAGE[foreign][level])))
    add(_NEW(Line, (TRANSFER, "foreign_canadian", d, _FOREIGN_CANADIAN[foreign][band])))
    if cc + d > foreign_group:
        add(_NEW(Line, (TRANSFER, "foreign_cap", foreign_group - cc - d, _FOREIGN_CAP)))
    e = parts.certificate
    certificate = _CERTIFICATE[level] if c.certificate_of_qualification else _NO_CERTIFICATE
    add(_NEW(Line, (TRANSFER, "certificate", e, certificate)))
    over = education_group + foreign_group + e - r.TRANSFERABILITY_CAP
    if over > 0:
        add(_NEW(Line, (TRANSFER, "transferability_cap", -over, _TRANSFER_CAP)))

    rules = parts.rules
    french = parts.french
    if not rules.french_english_high:
        french_detail = _FRENCH_NOT_YET
    elif french:
        french_detail = _FRENCH_HIGH if french == rules.french_english_high else _FRENCH_LOW
    else:
        french_detail = _FRENCH_NONE
    sibling_detail = _SIBLING[c.sibling_in_canada] if rules.sibling else _SIBLING_NOT_YET
    credential = CANADIAN_EDUCATION_LABELS[c.canadian_education]
    add(_NEW(Line, (ADDITIONAL, "provincial_nomination", parts.provincial_nomination,
                    _NOMINATION[c.provincial_nomination])))  # fmt: skip
    add(_NEW(Line, (ADDITIONAL, "job_offer", parts.job_offer, _JOB_OFFER[rules.id, c.job_offer])))
    add(_NEW(Line, (ADDITIONAL, "canadian_education", parts.canadian_education, credential)))
    add(_NEW(Line, (ADDITIONAL, "french", french, french_detail)))
    add(_NEW(Line, (ADDITIONAL, "sibling", parts.sibling, sibling_detail)))
    additional, additional_raw = parts.additional, parts.additional_raw
    if additional_raw > additional:
        add(_NEW(Line, (ADDITIONAL, "additional_cap", additional - additional_raw, _ADD_CAP)))
    return tuple(lines), tuple(expired)
