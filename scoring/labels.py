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
from scoring.text import N_
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
    "fsw": N_("Federal Skilled Worker"),
    "cec": N_("Canadian Experience Class"),
    "fst": N_("Federal Skilled Trades"),
}
FAMILY_NAMES = {
    Family.FRENCH: N_("French-language proficiency"),
    Family.HEALTHCARE: N_("Healthcare and social services"),
    Family.STEM: N_("STEM"),
    Family.TRADE: N_("Trades"),
    Family.TRANSPORT: N_("Transport"),
    Family.AGRICULTURE: N_("Agriculture and agri-food"),
    Family.EDUCATION: N_("Education"),
    Family.PHYSICIANS: N_("Physicians with Canadian work experience"),
    Family.RESEARCHERS: N_("Researchers with Canadian work experience"),
    Family.SENIOR_MANAGERS: N_("Senior managers with Canadian work experience"),
    Family.MILITARY: N_("Skilled military recruits"),
}
# What a client can be eligible for: a program or a category family (``eligible_for`` keys).
ELIGIBILITY_NAMES = {**PROGRAM_NAMES, **{f.value: name for f, name in FAMILY_NAMES.items()}}
EDUCATION_LABELS = {
    Education.NONE: N_("Less than secondary school"),
    Education.SECONDARY: N_("Secondary school credential"),
    Education.ONE_YEAR: N_("One-year post-secondary credential"),
    Education.TWO_YEAR: N_("Two-year post-secondary credential"),
    Education.BACHELORS: N_("Bachelor's degree or other 3+-year credential"),
    Education.TWO_OR_MORE: N_("Two or more credentials, one of 3+ years"),
    Education.MASTERS: N_("Master's or entry-to-practice professional degree"),
    Education.DOCTORAL: N_("Doctoral degree"),
}
CANADIAN_EDUCATION_LABELS = {
    CanadianEducation.NONE: N_("No Canadian post-secondary credential"),
    CanadianEducation.ONE_OR_TWO_YEAR: N_("Canadian 1- or 2-year credential"),
    CanadianEducation.THREE_OR_MORE_YEAR: N_("Canadian 3+-year credential or graduate degree"),
}
# The client file's choices and the CRS API's: one set, so the API schema has one enum for both.
JOB_OFFER_NAMES = {
    JobOffer.NONE: N_("None"),
    JobOffer.NOC_00: N_("Senior management (NOC Major Group 00)"),
    JobOffer.OTHER: N_("Other qualifying offer (TEER 0-3)"),
}
SECTION_NAMES = {
    Section.CORE: N_("Core / human capital"),
    Section.SPOUSE: N_("Spouse or common-law partner"),
    Section.TRANSFERABILITY: N_("Skill transferability"),
    Section.ADDITIONAL: N_("Additional points"),
}
FACTOR_NAMES = {
    "age": N_("Age"),
    "education": N_("Level of education"),
    "first_language": N_("First official language"),
    "second_language": N_("Second official language"),
    "canadian_experience": N_("Canadian work experience"),
    "spouse.education": N_("Spouse's education"),
    "spouse.language": N_("Spouse's official language"),
    "spouse.canadian_experience": N_("Spouse's Canadian work experience"),
    "education_language": N_("Education and language"),
    "education_canadian": N_("Education and Canadian work"),
    "education_cap": N_("Education combinations cap"),
    "foreign_language": N_("Foreign work and language"),
    "foreign_canadian": N_("Foreign and Canadian work"),
    "foreign_cap": N_("Foreign-work combinations cap"),
    "certificate": N_("Certificate of qualification and language"),
    "transferability_cap": N_("Skill transferability cap"),
    "provincial_nomination": N_("Provincial nomination"),
    "job_offer": N_("Job offer"),
    "canadian_education": N_("Canadian education"),
    "french": N_("French-language skills"),
    "sibling": N_("Sibling in Canada"),
    "additional_cap": N_("Additional points cap"),
}
# ``Breakdown.expired`` names results by input field; "the … result" reads after these.
EXPIRED_NAMES = {
    "first_language": N_("first official language"),
    "second_language": N_("second official language"),
    "spouse.language": N_("spouse's language"),
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
