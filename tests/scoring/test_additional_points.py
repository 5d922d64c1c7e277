"""Additional points under each rule version (crs-rules.md §5, §10), written out again and
checked through the engine's breakdown lines on one date inside each version.
"""

from datetime import date

import pytest

from scoring.engine import score
from scoring.rules import rules_on
from tests.scoring.builders import ON, candidate, clb, nclc, points

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
