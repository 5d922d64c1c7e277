"""Proof of settlement funds (settlement-funds.md) and the FSW/FST answers that depend on it."""

from datetime import date

import pytest

from scoring.eligibility import eligibility, fst, fsw
from scoring.settlement_funds import funds_needed, table_on
from tests.scoring.builders import ON, clb, developer, job

ABROAD = (job("21231", date(2020, 1, 1), date(2024, 12, 31), in_canada=False),)


def abroad(**changes):
    """A software engineer with five years of work abroad only: FSW, not CEC."""
    return developer(work_history=ABROAD, canadian_experience_years=0, **changes)


@pytest.mark.parametrize(
    ("size", "on", "amount"),
    [
        (1, date(2025, 7, 7), 15_263),
        (4, date(2025, 7, 6), 27_297),
        (7, date(2023, 4, 25), 36_407),
        (9, date(2026, 12, 1), 40_392 + 2 * 4_112),
        (2, date(2018, 1, 5), 15_531),
        (1, date(2015, 6, 1), 11_824),
    ],
)
def test_the_amount_needed_follows_the_table_in_force_and_the_family_size(size, on, amount):
    assert funds_needed(size, on) == amount


def test_a_family_of_eight_under_a_seven_or_more_table_needs_the_seven_amount():
    assert funds_needed(8, date(2016, 6, 1)) == 32_191


def test_a_profile_created_before_an_update_keeps_the_old_amount_until_the_update_by_date():
    created = date(2025, 1, 10)
    assert funds_needed(1, date(2025, 7, 20), profile_created_on=created) == 14_690
    assert funds_needed(1, date(2025, 7, 29), profile_created_on=created) == 15_263


def test_a_profile_created_after_an_update_needs_the_new_amount_at_once():
    assert table_on(date(2025, 7, 20), profile_created_on=date(2025, 7, 8)).amounts[0] == 15_263


def test_fsw_is_no_with_the_amount_needed_when_the_funds_are_below():
    answer = fsw(abroad(settlement_funds=20_000, family_size=3), ON)
    assert answer.status == "no"
    assert "$23,360 needed for a family of 3" in answer.reason


def test_fsw_is_yes_when_the_funds_cover_the_family():
    answer = fsw(abroad(settlement_funds=23_360, family_size=3), ON)
    assert answer.status == "yes"
    assert "cover the $23,360" in answer.reason


def test_fsw_is_cant_tell_when_no_funds_are_recorded():
    answer = fsw(abroad(family_size=2), ON)
    assert answer.status == "cant_tell"
    assert answer.reason.startswith("No settlement funds recorded: FSW needs $19,001")


def test_fsw_is_cant_tell_when_no_family_size_is_recorded():
    assert fsw(abroad(settlement_funds=50_000), ON).status == "cant_tell"


def test_a_cec_eligible_candidate_needs_no_funds_for_fsw():
    answer = fsw(developer(), ON)  # two years in Canada: CEC-eligible
    assert answer.status == "yes"
    assert "CEC-eligible" in answer.reason


def test_authorised_work_in_canada_with_a_job_offer_exempts_from_funds():
    # Six months in Canada: not CEC, but authorised to work there today, with an offer.
    work = (*ABROAD, job("21231", date(2026, 6, 1), None))
    c = developer(work_history=work, has_valid_job_offer=True, canadian_experience_years=0)
    assert eligibility(c, ON).cec.status == "no"
    assert fsw(c, ON).status == "yes"


def test_a_job_offer_without_authorisation_to_work_in_canada_does_not_exempt():
    c = abroad(has_valid_job_offer=True, settlement_funds=1_000, family_size=1)
    assert fsw(c, ON).status == "no"


def test_fst_is_no_when_the_funds_are_below():
    trades = (job("72200", date(2021, 1, 1), date(2024, 12, 31), in_canada=False),)
    c = developer(
        first_language=clb(5, 4, 4, 5),
        work_history=trades,
        canadian_experience_years=0,
        certificate_of_qualification=True,
        settlement_funds=10_000,
        family_size=1,
    )
    answer = fst(c, ON)
    assert answer.status == "no"
    assert "$15,263" in answer.reason


def test_a_failed_language_minimum_stays_no_whatever_the_funds():
    assert fsw(abroad(first_language=clb(6)), ON).status == "no"


@pytest.mark.parametrize(("field", "value"), [("settlement_funds", -1), ("family_size", 0)])
def test_negative_funds_or_an_empty_family_are_refused(field, value):
    from scoring.types import InvalidInput

    with pytest.raises(InvalidInput):
        developer(**{field: value})
