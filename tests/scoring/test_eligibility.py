"""Program minimums (crs-rules.md §7) and pool validity (§9)."""

from datetime import date

import pytest

from scoring.eligibility import cec, eligibility, fst, fsw, in_pool, is_trade
from scoring.fsw import fsw_points
from tests.scoring.builders import ON, TWO_YEARS_AGO, candidate, clb, developer, job, spouse


def test_fsw_grid_example_from_maplesteps_scores_66():
    """§7.1 maplesteps-rules: age 29, CLB 9, bachelor's, 1 yr = 12 + 24 + 21 + 9 = 66."""
    c = candidate(
        age=29,
        education="bachelors",
        first_language=clb(9),
        work_history=(job("21231", date(2025, 1, 1), date(2025, 12, 31), in_canada=False),),
    )
    assert fsw_points(c, ON) == 66


def test_fsw_below_the_pass_mark_is_not_eligible():
    c = candidate(
        age=29,
        education="bachelors",
        first_language=clb(9),
        work_history=(job("21231", date(2025, 1, 1), date(2025, 12, 31), in_canada=False),),
    )
    answer = fsw(c, ON)
    assert (answer.eligible, answer.points) == (False, 66)
    assert "below the pass mark of 67" in answer.reason


def test_fsw_job_offer_adds_arranged_employment_and_adaptability():
    """§7.1: 66 + 10 arranged employment + 5 adaptability for the same offer = 81."""
    c = candidate(
        age=29,
        education="bachelors",
        first_language=clb(9),
        has_valid_job_offer=True,
        work_history=(job("21231", date(2025, 1, 1), date(2025, 12, 31), in_canada=False),),
    )
    assert fsw(c, ON).points == 81


def test_fsw_eligible_candidate_reports_grid_points():
    answer = fsw(developer(), ON)
    assert answer.eligible
    assert answer.points == 12 + 24 + 21 + 11 + 10


def test_fsw_needs_clb_7_in_every_ability():
    answer = fsw(developer(first_language=clb(9, 9, 6, 9)), ON)
    assert not answer.eligible
    assert answer.reason == "First official language below CLB 7 in writing"


def test_fsw_needs_secondary_education():
    answer = fsw(developer(education="none"), ON)
    assert answer.reason == "Education below a secondary school credential"


def test_fsw_needs_a_year_of_continuous_work_in_one_occupation():
    history = (
        job("21231", date(2025, 1, 1), date(2025, 6, 30)),
        job("21232", date(2025, 7, 1), date(2025, 12, 31)),
    )
    answer = fsw(developer(work_history=history), ON)
    assert not answer.eligible
    assert "continuous" in answer.reason


def test_fsw_accepts_continuous_part_time_equal_to_a_year():
    history = (job("21231", date(2023, 1, 1), date(2024, 12, 31), hours=15, in_canada=False),)
    c = developer(
        work_history=history, has_valid_job_offer=True, settlement_funds=20_000, family_size=1
    )
    assert fsw(c, ON).eligible


def test_fsw_refuses_an_eca_5_years_old():
    answer = fsw(developer(eca_date=date(2021, 11, 25)), ON)
    assert not answer.eligible
    assert "ECA" in answer.reason


def test_fsw_without_work_history_says_it_is_approximate():
    answer = fsw(developer(work_history=()), ON)
    assert answer.eligible
    assert "approximate" in answer.reason


def test_expired_language_makes_every_program_ineligible():
    c = developer(first_language=clb(9, test_date=date(2024, 11, 1)))
    result = eligibility(c, ON)
    assert result.programs == ()
    assert "expired" in result.cec.reason


def test_cec_accepts_a_year_of_teer_1_canadian_work_with_clb_7():
    assert cec(developer(first_language=clb(7)), ON).eligible


def test_cec_accepts_teer_2_work_with_clb_5():
    history = (job("22300", TWO_YEARS_AGO, None),)
    assert cec(developer(first_language=clb(5), work_history=history), ON).eligible


def test_cec_needs_clb_7_for_teer_1_work():
    answer = cec(developer(first_language=clb(7, 7, 5, 7)), ON)
    assert not answer.eligible
    assert answer.reason.startswith("First official language below CLB 7 in writing")


def test_cec_ignores_self_employment():
    history = (job("21231", TWO_YEARS_AGO, None, self_employed=True),)
    answer = cec(developer(work_history=history), ON)
    assert answer.reason == "Less than 1 year of Canadian skilled work in the last 3 years"


def test_cec_ignores_work_older_than_3_years():
    history = (job("21231", date(2020, 1, 1), date(2022, 6, 30)),)
    assert not cec(developer(work_history=history), ON).eligible


def test_fst_accepts_two_years_in_a_trade_with_a_certificate():
    history = (job("72200", date(2024, 1, 1), None),)
    c = developer(
        first_language=clb(5, 4, 4, 5),
        work_history=history,
        certificate_of_qualification=True,
        settlement_funds=20_000,
        family_size=1,
    )
    assert fst(c, ON).eligible


def test_fst_needs_a_job_offer_or_certificate():
    history = (job("72200", date(2024, 1, 1), None),)
    answer = fst(developer(work_history=history), ON)
    assert answer.reason == "Needs a job offer of at least 1 year or a certificate of qualification"


def test_fst_needs_clb_5_in_speaking():
    history = (job("72200", date(2024, 1, 1), None),)
    c = developer(first_language=clb(5, 4, 4, 4), work_history=history, has_valid_job_offer=True)
    assert fst(c, ON).reason == "First official language below CLB 5 in speaking"


def test_fst_needs_trade_work():
    answer = fst(developer(has_valid_job_offer=True), ON)
    assert answer.reason == "Less than 2 years of work in one skilled trade in the last 5 years"


@pytest.mark.parametrize(
    ("noc", "trade"),
    [("72200", True), ("72600", False), ("73300", True), ("82021", True), ("83100", True),
     ("92100", True), ("93100", True), ("93200", False), ("63200", True), ("62200", True),
     ("21231", False), ("63100", False)],
)  # fmt: skip
def test_fst_trade_groups(noc, trade):
    assert is_trade(noc) is trade


def test_in_pool_with_valid_results():
    assert in_pool(developer(), ON).eligible


def test_not_in_pool_once_the_language_result_expires():
    answer = in_pool(developer(first_language=clb(9, test_date=date(2024, 11, 25))), ON)
    assert not answer.eligible
    assert "expired on 2026-11-25" in answer.reason


def test_not_in_pool_with_an_eca_5_years_old():
    assert not in_pool(developer(eca_date=date(2021, 11, 25)), ON).eligible


def test_old_eca_does_not_matter_with_a_canadian_credential():
    c = developer(eca_date=date(2019, 1, 1), canadian_education="three_or_more_year")
    assert in_pool(c, ON).eligible


def test_fsw_adaptability_counts_a_spouse_with_clb_4():
    with_spouse = developer(
        spouse=spouse(language=clb(4)),
        canadian_experience_years=0,
        work_history=(job("21231", TWO_YEARS_AGO, None, in_canada=False),),
    )
    alone = developer(
        canadian_experience_years=0,
        work_history=(job("21231", TWO_YEARS_AGO, None, in_canada=False),),
    )
    assert fsw_points(with_spouse, ON) - fsw_points(alone, ON) == 5


def test_an_eca_issued_on_29_february_is_5_years_old_on_28_february():
    c = developer(eca_date=date(2024, 2, 29), first_language=clb(9, test_date=date(2028, 1, 1)))
    assert in_pool(c, date(2029, 2, 27)).eligible
    assert not in_pool(c, date(2029, 2, 28)).eligible
