"""Every row of the core and spouse grids, written out again from crs-rules.md (§2, §3) and
checked through the engine's breakdown lines, so a typo in ``scoring.rules`` cannot hide.
Transferability (§4) and additional points (§5, §10): test_transferability_grid.py and
test_additional_points.py.
"""

import pytest

from scoring.engine import score
from scoring.types import Education
from tests.scoring.builders import ON, candidate, clb, nclc, points, spouse

EDUCATIONS = list(Education)


# §2.1 age: (age, with spouse, without spouse)
AGE_ROWS = [
    (17, 0, 0), (18, 90, 99), (19, 95, 105),
    *[(age, 100, 110) for age in range(20, 30)],
    (30, 95, 105), (31, 90, 99), (32, 85, 94), (33, 80, 88), (34, 75, 83), (35, 70, 77),
    (36, 65, 72), (37, 60, 66), (38, 55, 61), (39, 50, 55), (40, 45, 50), (41, 35, 39),
    (42, 25, 28), (43, 15, 17), (44, 5, 6), (45, 0, 0), (46, 0, 0), (60, 0, 0),
]  # fmt: skip


@pytest.mark.parametrize(("age", "with_spouse", "single"), AGE_ROWS)
def test_age_row_without_spouse(age, with_spouse, single):
    assert points(candidate(age=age), "age") == single


@pytest.mark.parametrize(("age", "with_spouse", "single"), AGE_ROWS)
def test_age_row_with_spouse(age, with_spouse, single):
    assert points(candidate(age=age, spouse=spouse()), "age") == with_spouse


# §2.2 education: (level, with spouse, without spouse, spouse factor §3)
EDUCATION_ROWS = [
    ("none", 0, 0, 0), ("secondary", 28, 30, 2), ("one_year", 84, 90, 6),
    ("two_year", 91, 98, 7), ("bachelors", 112, 120, 8), ("two_or_more", 119, 128, 9),
    ("masters", 126, 135, 10), ("doctoral", 140, 150, 10),
]  # fmt: skip


@pytest.mark.parametrize(("level", "with_spouse", "single", "as_spouse"), EDUCATION_ROWS)
def test_education_row_without_spouse(level, with_spouse, single, as_spouse):
    assert points(candidate(education=level), "education") == single


@pytest.mark.parametrize(("level", "with_spouse", "single", "as_spouse"), EDUCATION_ROWS)
def test_education_row_with_spouse(level, with_spouse, single, as_spouse):
    assert points(candidate(education=level, spouse=spouse()), "education") == with_spouse


@pytest.mark.parametrize(("level", "with_spouse", "single", "as_spouse"), EDUCATION_ROWS)
def test_spouse_education_row(level, with_spouse, single, as_spouse):
    c = candidate(spouse=spouse(education=level))
    assert points(c, "spouse.education") == as_spouse


# §2.3 first official language per ability: (CLB, with spouse, without spouse)
FIRST_LANGUAGE_ROWS = [
    (0, 0, 0), (3, 0, 0), (4, 6, 6), (5, 6, 6), (6, 8, 9), (7, 16, 17), (8, 22, 23),
    (9, 29, 31), (10, 32, 34), (11, 32, 34), (12, 32, 34),
]  # fmt: skip


@pytest.mark.parametrize(("level", "with_spouse", "single"), FIRST_LANGUAGE_ROWS)
def test_first_language_row_without_spouse_in_each_ability(level, with_spouse, single):
    for ability in range(4):
        levels = [0, 0, 0, 0]
        levels[ability] = level
        assert points(candidate(first_language=clb(*levels)), "first_language") == single


@pytest.mark.parametrize(("level", "with_spouse", "single"), FIRST_LANGUAGE_ROWS)
def test_first_language_row_with_spouse_in_each_ability(level, with_spouse, single):
    for ability in range(4):
        levels = [0, 0, 0, 0]
        levels[ability] = level
        c = candidate(first_language=clb(*levels), spouse=spouse())
        assert points(c, "first_language") == with_spouse


def test_first_language_maximum_is_136_single_and_128_with_spouse():
    assert points(candidate(first_language=clb(10)), "first_language") == 136
    assert points(candidate(first_language=clb(10), spouse=spouse()), "first_language") == 128


# §2.4 second official language per ability, both columns: (NCLC, points)
SECOND_LANGUAGE_ROWS = [
    (0, 0),
    (3, 0),
    (4, 0),
    (5, 1),
    (6, 1),
    (7, 3),
    (8, 3),
    (9, 6),
    (10, 6),
    (12, 6),
]


@pytest.mark.parametrize(("level", "per_ability"), SECOND_LANGUAGE_ROWS)
def test_second_language_row_in_each_ability(level, per_ability):
    for with_spouse in (None, spouse()):
        for ability in range(4):
            levels = [0, 0, 0, 0]
            levels[ability] = level
            c = candidate(first_language=clb(4), second_language=nclc(*levels), spouse=with_spouse)
            assert points(c, "second_language") == per_ability


def test_second_language_is_capped_at_24_without_spouse():
    assert points(candidate(second_language=nclc(9)), "second_language") == 24


def test_second_language_is_capped_at_22_with_spouse():
    c = candidate(second_language=nclc(9), spouse=spouse())
    assert points(c, "second_language") == 22


def test_second_language_below_the_cap_is_the_sum_of_abilities():
    c = candidate(second_language=nclc(9, 9, 9, 7), spouse=spouse())
    assert points(c, "second_language") == 21


# §2.5 Canadian work experience: (years, with spouse, without spouse)
CANADIAN_ROWS = [(0, 0, 0), (1, 35, 40), (2, 46, 53), (3, 56, 64), (4, 63, 72), (5, 70, 80),
                 (6, 70, 80), (12, 70, 80)]  # fmt: skip


@pytest.mark.parametrize(("years", "with_spouse", "single"), CANADIAN_ROWS)
def test_canadian_experience_row_without_spouse(years, with_spouse, single):
    c = candidate(canadian_experience_years=years)
    assert points(c, "canadian_experience") == single


@pytest.mark.parametrize(("years", "with_spouse", "single"), CANADIAN_ROWS)
def test_canadian_experience_row_with_spouse(years, with_spouse, single):
    c = candidate(canadian_experience_years=years, spouse=spouse())
    assert points(c, "canadian_experience") == with_spouse


# §3 spouse language per ability and spouse Canadian work.
@pytest.mark.parametrize(
    ("level", "per_ability"),
    [(0, 0), (4, 0), (5, 1), (6, 1), (7, 3), (8, 3), (9, 5), (10, 5), (12, 5)],
)
def test_spouse_language_row_in_each_ability(level, per_ability):
    for ability in range(4):
        levels = [0, 0, 0, 0]
        levels[ability] = level
        c = candidate(spouse=spouse(language=clb(*levels)))
        assert points(c, "spouse.language") == per_ability


@pytest.mark.parametrize(
    ("years", "expected"), [(0, 0), (1, 5), (2, 7), (3, 8), (4, 9), (5, 10), (9, 10)]
)
def test_spouse_canadian_experience_row(years, expected):
    c = candidate(spouse=spouse(canadian_experience_years=years))
    assert points(c, "spouse.canadian_experience") == expected


def test_spouse_factors_maximum_is_40():
    c = candidate(
        spouse=spouse(education="doctoral", language=clb(10), canadian_experience_years=5)
    )
    assert score(c, ON).spouse_factors == 40
