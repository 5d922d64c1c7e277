"""What the CRS engine returns: section totals, a full breakdown and its lines, and the
``Components`` every scored number travels in from the engine to the line builder.

Named tuples where many are built per second (a full breakdown builds ~20 lines, and the
re-evaluation scores 100,000 clients per draw): they cost a tuple, not a dataclass ``__init__``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from scoring.rules import RuleVersion

__all__ = ["Breakdown", "Components", "Line", "Section", "Totals"]


class Section(StrEnum):
    CORE = "core_human_capital"
    SPOUSE = "spouse_factors"
    TRANSFERABILITY = "skill_transferability"
    ADDITIONAL = "additional"


class Line(NamedTuple):
    """One factor in a breakdown: its section, a stable factor key, points and what earned them."""

    section: Section
    factor: str
    points: int
    detail: str


class Totals(NamedTuple):
    """Section totals only: what the re-evaluation stores (the fast path)."""

    total: int
    core_human_capital: int
    spouse_factors: int
    skill_transferability: int
    additional: int


class Components(NamedTuple):
    """Every number ``engine`` scores for one candidate on one date, by name.

    The first five fields are ``Totals``' in its order, so the totals-only path takes a slice.
    A number that a breakdown line shows is named by that line's factor key (``"spouse.language"``
    as ``spouse_language``), except ``age_points``: ``age`` is the age itself, as on ``Breakdown``.
    """

    # Section totals (as ``Totals``).
    total: int
    core_human_capital: int
    spouse_factors: int
    skill_transferability: int
    additional: int
    # What the lines need besides points.
    rules: RuleVersion
    with_spouse: bool
    age: int
    first_language_valid: bool  # a result, not expired
    second_language_valid: bool  # a result in the other official language, not expired
    second_language_raw: int  # before the cap of 24 (22 with a spouse)
    # §2 core / human capital.
    age_points: int
    education: int
    first_language: int
    second_language: int
    canadian_experience: int
    # §3 spouse factors.
    spouse_education: int
    spouse_language: int
    spouse_canadian_experience: int
    # §4 skill transferability, before and after the group caps of 50.
    education_language: int
    education_canadian: int
    foreign_language: int
    foreign_canadian: int
    certificate: int
    education_group: int
    foreign_group: int
    # §5 additional points, before and after the cap of 600.
    provincial_nomination: int
    job_offer: int
    canadian_education: int
    french: int
    sibling: int
    additional_raw: int


class Breakdown(NamedTuple):
    """A full score: section totals, the rule version used and one line per factor.

    Lines of a section sum to that section's total; a cap shows as a negative line.
    ``expired`` names the language results that earned nothing because they are 2+ years old
    (``"first_language"``, ``"second_language"``, ``"spouse.language"``).
    A named tuple, not a frozen dataclass, for the same reason as ``Line``: the dataclass's
    ``__init__`` was a sixth of the time of a full breakdown.
    """

    total: int
    core_human_capital: int
    spouse_factors: int
    skill_transferability: int
    additional: int
    rules: RuleVersion
    lines: tuple[Line, ...]
    expired: tuple[str, ...]
    age: int
    with_spouse: bool

    @property
    def totals(self) -> Totals:
        return Totals(
            self.total,
            self.core_human_capital,
            self.spouse_factors,
            self.skill_transferability,
            self.additional,
        )
