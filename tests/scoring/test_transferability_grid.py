"""Every cell of the skill-transferability grid (crs-rules.md §4), written out again and checked
through the engine's breakdown lines, caps included.
"""

import pytest

from scoring.engine import score
from tests.scoring.builders import ON, candidate, clb, points

# §4 transferability. Education tiers: T0 none/secondary, T1 one_year/two_year/bachelors,
# T2 two_or_more/masters/doctoral. Language on the minimum first-language level.
TIER = {"none": 0, "secondary": 0, "one_year": 1, "two_year": 1, "bachelors": 1,
        "two_or_more": 2, "masters": 2, "doctoral": 2}  # fmt: skip
LANGUAGE_CELLS = {0: (0, 0, 0), 1: (0, 13, 25), 2: (0, 25, 50)}  # tier: (<7, 7-8, 9+)
CANADIAN_CELLS = {0: (0, 0, 0), 1: (0, 13, 25), 2: (0, 25, 50)}  # tier: (0, 1, 2+ years)


def _band(level):
    return 0 if level < 7 else 1 if level < 9 else 2


@pytest.mark.parametrize("education", list(TIER))
@pytest.mark.parametrize("level", [4, 6, 7, 8, 9, 10])
def test_education_with_language_cell(education, level):
    c = candidate(education=education, first_language=clb(10, level, 10, 10))
    assert points(c, "education_language") == LANGUAGE_CELLS[TIER[education]][_band(level)]


@pytest.mark.parametrize("education", list(TIER))
@pytest.mark.parametrize("years", [0, 1, 2, 3, 5])
def test_education_with_canadian_work_cell(education, years):
    c = candidate(education=education, canadian_experience_years=years)
    assert points(c, "education_canadian") == CANADIAN_CELLS[TIER[education]][min(years, 2)]


FOREIGN_TIER = {0: 0, 1: 1, 2: 1, 3: 2, 4: 2}


@pytest.mark.parametrize("years", list(FOREIGN_TIER))
@pytest.mark.parametrize("level", [4, 6, 7, 8, 9, 10])
def test_foreign_work_with_language_cell(years, level):
    c = candidate(foreign_experience_years=years, first_language=clb(level, 10, 10, 10))
    assert points(c, "foreign_language") == LANGUAGE_CELLS[FOREIGN_TIER[years]][_band(level)]


@pytest.mark.parametrize("years", list(FOREIGN_TIER))
@pytest.mark.parametrize("canadian", [0, 1, 2, 4])
def test_foreign_work_with_canadian_work_cell(years, canadian):
    c = candidate(foreign_experience_years=years, canadian_experience_years=canadian)
    expected = CANADIAN_CELLS[FOREIGN_TIER[years]][min(canadian, 2)]
    assert points(c, "foreign_canadian") == expected


@pytest.mark.parametrize(
    ("level", "expected"), [(0, 0), (4, 0), (5, 25), (6, 25), (7, 50), (9, 50), (10, 50)]
)
def test_certificate_of_qualification_cell(level, expected):
    c = candidate(certificate_of_qualification=True, first_language=clb(10, 10, level, 10))
    assert points(c, "certificate") == expected


def test_certificate_earns_nothing_when_not_held():
    assert points(candidate(first_language=clb(10)), "certificate") == 0


def test_education_group_is_capped_at_50():
    c = candidate(education="masters", first_language=clb(9), canadian_experience_years=2)
    assert points(c, "education_language") + points(c, "education_canadian") == 100
    assert score(c, ON).skill_transferability == 50


def test_foreign_group_is_capped_at_50():
    c = candidate(foreign_experience_years=3, first_language=clb(9), canadian_experience_years=2)
    assert score(c, ON).skill_transferability == 50


def test_transferability_total_is_capped_at_100():
    c = candidate(
        education="doctoral",
        first_language=clb(9),
        foreign_experience_years=3,
        canadian_experience_years=2,
        certificate_of_qualification=True,
    )
    assert score(c, ON).skill_transferability == 100
