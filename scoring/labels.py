"""The engine's keys in words, once: programs, category families, education levels, score
sections, factors and expired results, and the breakdown's lines grouped by section.

The calculator page, the client pages, the client list's filter, the draws' round types and the
API all name these things; when each wrote its own copy they drifted ("Spouse or partner" here,
"Spouse or common-law partner" there), so every one of them reads its names from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring import rules
from scoring.breakdown import Breakdown, Line, Section
from scoring.categories import Family
from scoring.types import CanadianEducation, Education, JobOffer

__all__ = [
    "CANADIAN_EDUCATION_LABELS",
    "EDUCATION_LABELS",
    "ELIGIBILITY_NAMES",
    "EXPIRED_NAMES",
    "FACTOR_NAMES",
    "FAMILY_NAMES",
    "JOB_OFFER_NAMES",
    "PROGRAM_NAMES",
    "SECTION_NAMES",
    "SectionLines",
    "eligibility_name",
    "sections",
]

# The programs of scoring.eligibility, in the order the pages list them.
PROGRAM_NAMES = {
    "fsw": "Federal Skilled Worker",
    "cec": "Canadian Experience Class",
    "fst": "Federal Skilled Trades",
}
FAMILY_NAMES = {
    Family.FRENCH: "French-language proficiency",
    Family.HEALTHCARE: "Healthcare and social services",
    Family.STEM: "STEM",
    Family.TRADE: "Trades",
    Family.TRANSPORT: "Transport",
    Family.AGRICULTURE: "Agriculture and agri-food",
    Family.EDUCATION: "Education",
    Family.PHYSICIANS: "Physicians with Canadian work experience",
    Family.RESEARCHERS: "Researchers with Canadian work experience",
    Family.SENIOR_MANAGERS: "Senior managers with Canadian work experience",
    Family.MILITARY: "Skilled military recruits",
}
# What a client can be eligible for: a program or a category family (``eligible_for`` keys).
ELIGIBILITY_NAMES = {**PROGRAM_NAMES, **{f.value: name for f, name in FAMILY_NAMES.items()}}
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
# The client file's choices and the CRS API's: one set, so the API schema has one enum for both.
JOB_OFFER_NAMES = {
    JobOffer.NONE: "None",
    JobOffer.NOC_00: "Senior management (NOC Major Group 00)",
    JobOffer.OTHER: "Other qualifying offer (TEER 0-3)",
}
SECTION_NAMES = {
    Section.CORE: "Core / human capital",
    Section.SPOUSE: "Spouse or common-law partner",
    Section.TRANSFERABILITY: "Skill transferability",
    Section.ADDITIONAL: "Additional points",
}
FACTOR_NAMES = {
    "age": "Age",
    "education": "Level of education",
    "first_language": "First official language",
    "second_language": "Second official language",
    "canadian_experience": "Canadian work experience",
    "spouse.education": "Spouse's education",
    "spouse.language": "Spouse's official language",
    "spouse.canadian_experience": "Spouse's Canadian work experience",
    "education_language": "Education and language",
    "education_canadian": "Education and Canadian work",
    "education_cap": "Education combinations cap",
    "foreign_language": "Foreign work and language",
    "foreign_canadian": "Foreign and Canadian work",
    "foreign_cap": "Foreign-work combinations cap",
    "certificate": "Certificate of qualification and language",
    "transferability_cap": "Skill transferability cap",
    "provincial_nomination": "Provincial nomination",
    "job_offer": "Job offer",
    "canadian_education": "Canadian education",
    "french": "French-language skills",
    "sibling": "Sibling in Canada",
    "additional_cap": "Additional points cap",
}
# ``Breakdown.expired`` names results by input field; "the … result" reads after these.
EXPIRED_NAMES = {
    "first_language": "first official language",
    "second_language": "second official language",
    "spouse.language": "spouse's language",
}
_MAXIMA = {
    Section.SPOUSE: rules.SPOUSE_MAX,
    Section.TRANSFERABILITY: rules.TRANSFERABILITY_CAP,
    Section.ADDITIONAL: rules.ADDITIONAL_CAP,
}


def eligibility_name(key: str) -> str:
    """``"cec"`` → "Canadian Experience Class", ``"french"`` → "French-language proficiency"."""
    return ELIGIBILITY_NAMES.get(key, key)


@dataclass(frozen=True, slots=True)
class SectionLines:
    section: Section
    name: str
    points: int
    maximum: int
    lines: tuple[Line, ...]

    @property
    def named_lines(self) -> list[tuple[str, Line]]:
        """(factor in words, line) for each line."""
        return [(FACTOR_NAMES.get(line.factor, line.factor), line) for line in self.lines]


def sections(breakdown: Breakdown, lines: tuple[Line, ...] | None = None) -> list[SectionLines]:
    """The breakdown's lines (or ``lines``, reworded ones) by section, in the order of the CRS.

    A single applicant has no spouse section at all, rather than one worth 0 of 40.
    """
    lines = breakdown.lines if lines is None else lines
    maxima = {**_MAXIMA, Section.CORE: rules.CORE_MAX[breakdown.with_spouse]}
    return [
        SectionLines(
            section=section,
            name=name,
            points=getattr(breakdown, section.value),
            maximum=maxima[section],
            lines=tuple(line for line in lines if line.section is section),
        )
        for section, name in SECTION_NAMES.items()
        if section is not Section.SPOUSE or breakdown.with_spouse
    ]
