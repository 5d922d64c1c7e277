"""Every row of every CRS grid, written out again from crs-rules.md (§2-§5, §10) and checked
through the engine's breakdown lines, so a typo in ``scoring.rules`` cannot hide.
"""

from datetime import date

import pytest

from scoring.engine import score
from scoring.rules import rules_on
from scoring.types import Education
from tests.scoring.builders import ON, candidate, clb, nclc, spouse

EDUCATIONS = list(Education)


def points(c, factor, on=ON):
    return sum(line.points for line in score(c, on).lines if line.factor == factor)


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


# §5 / §10 additional points per rule version. One date inside each version:
VERSION_DATES = {
    "R2015": date(2016, 6, 1),
    "R2016": date(2017, 1, 15),
    "R2017": date(2019, 5, 1),
    "R2020": date(2023, 6, 1),
    "R2025": ON,
}
JOB_OFFER = {"R2015": (600, 600), "R2016": (200, 50), "R2017": (200, 50), "R2020": (200, 50),
             "R2025": (0, 0)}  # (noc_00, other)  # fmt: skip
# French bonus: (English CLB 4 or less, or none; English CLB 5+ on all four)
FRENCH = {"R2015": (0, 0), "R2016": (0, 0), "R2017": (15, 30), "R2020": (25, 50),
          "R2025": (25, 50)}  # fmt: skip
CANADIAN_EDUCATION = {"R2015": (0, 0), "R2016": (15, 30), "R2017": (15, 30), "R2020": (15, 30),
                      "R2025": (15, 30)}  # (1-2 year, 3+ year)  # fmt: skip
SIBLING = {"R2015": 0, "R2016": 0, "R2017": 15, "R2020": 15, "R2025": 15}


def untimed(**changes):
    """A candidate whose results never expire, for scoring on historical dates."""
    changes.setdefault("first_language", clb(4, test_date=None))
    return candidate(**changes)


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_each_version_date_picks_that_version(version):
    assert rules_on(VERSION_DATES[version]).id == version


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_job_offer_points_per_version(version):
    on = VERSION_DATES[version]
    noc_00 = points(untimed(job_offer="noc_00"), "job_offer", on)
    other = points(untimed(job_offer="other"), "job_offer", on)
    assert (noc_00, other) == JOB_OFFER[version]


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_french_bonus_with_no_english_per_version(version):
    c = untimed(first_language=nclc(7, test_date=None))
    assert points(c, "french", VERSION_DATES[version]) == FRENCH[version][0]


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_french_bonus_with_english_clb_4_per_version(version):
    c = untimed(first_language=nclc(7, test_date=None), second_language=clb(4, test_date=None))
    assert points(c, "french", VERSION_DATES[version]) == FRENCH[version][0]


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_french_bonus_with_english_clb_5_per_version(version):
    c = untimed(first_language=clb(5, test_date=None), second_language=nclc(7, test_date=None))
    assert points(c, "french", VERSION_DATES[version]) == FRENCH[version][1]


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_french_bonus_with_mixed_english_is_the_lower_bonus(version):
    """§5: "CLB 5 or higher on all four"; one English ability at CLB 4 gets the lower bonus."""
    english = clb(9, 9, 9, 4, test_date=None)
    c = untimed(first_language=english, second_language=nclc(8, test_date=None))
    assert points(c, "french", VERSION_DATES[version]) == FRENCH[version][0]


def test_french_bonus_needs_nclc_7_in_all_four():
    c = untimed(first_language=clb(9), second_language=nclc(9, 9, 9, 6))
    assert points(c, "french") == 0


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_canadian_education_points_per_version(version):
    on = VERSION_DATES[version]
    short = points(untimed(canadian_education="one_or_two_year"), "canadian_education", on)
    long = points(untimed(canadian_education="three_or_more_year"), "canadian_education", on)
    assert (short, long) == CANADIAN_EDUCATION[version]


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_sibling_points_per_version(version):
    c = untimed(sibling_in_canada=True)
    assert points(c, "sibling", VERSION_DATES[version]) == SIBLING[version]


@pytest.mark.parametrize("version", list(VERSION_DATES))
def test_provincial_nomination_is_600_in_every_version(version):
    c = untimed(provincial_nomination=True)
    assert points(c, "provincial_nomination", VERSION_DATES[version]) == 600


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (date(2015, 1, 1), "R2015"),
        (date(2016, 11, 18), "R2015"),
        (date(2016, 11, 19), "R2016"),
        (date(2017, 6, 5), "R2016"),
        (date(2017, 6, 6), "R2017"),
        (date(2020, 10, 26), "R2017"),
        (date(2020, 10, 27), "R2020"),
        (date(2025, 3, 24), "R2020"),
        (date(2025, 3, 25), "R2025"),
    ],
)
def test_rule_version_boundaries(day, version):
    assert rules_on(day).id == version


def test_sibling_earns_nothing_the_day_before_2017_06_06():
    c = untimed(sibling_in_canada=True)
    assert points(c, "sibling", date(2017, 6, 5)) == 0
    assert points(c, "sibling", date(2017, 6, 6)) == 15


def test_canadian_education_earns_nothing_the_day_before_2016_11_19():
    c = untimed(canadian_education="three_or_more_year")
    assert points(c, "canadian_education", date(2016, 11, 18)) == 0
    assert points(c, "canadian_education", date(2016, 11, 19)) == 30


def test_job_offer_earns_50_on_2025_03_24_and_nothing_on_2025_03_25():
    c = untimed(job_offer="other")
    assert points(c, "job_offer", date(2025, 3, 24)) == 50
    assert points(c, "job_offer", date(2025, 3, 25)) == 0


def test_additional_points_are_capped_at_600():
    c = untimed(provincial_nomination=True, job_offer="noc_00")
    assert score(c, date(2020, 1, 1)).additional == 600


def test_r2015_lmia_job_offer_alone_earns_600():
    assert score(untimed(job_offer="other"), VERSION_DATES["R2015"]).additional == 600
