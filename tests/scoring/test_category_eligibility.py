"""Category conditions (crs-rules.md §8; category-nocs.md): French, occupations, experience."""

from datetime import date

from scoring.categories import category_by_key
from scoring.category_eligibility import category_eligibility
from tests.scoring.builders import ON, clb, developer, job, nclc


def test_french_category_needs_nclc_7_in_all_four():
    c = developer(second_language=nclc(9, 9, 6, 9))
    answer = category_eligibility(c, category_by_key("french-2026-v2"), ON)
    assert answer.reason == "French below NCLC 7 in writing"


def test_french_category_accepts_nclc_7_as_second_language():
    c = developer(second_language=nclc(7))
    assert category_eligibility(c, category_by_key("french-2026-v2"), ON).eligible


def test_category_needs_a_program_first():
    c = developer(first_language=clb(4), second_language=nclc(9))
    answer = category_eligibility(c, category_by_key("french-2026-v2"), ON)
    assert answer.reason.startswith("Not eligible for an Express Entry program")


def test_2023_stem_accepts_6_months_continuous_in_a_listed_occupation():
    assert category_eligibility(developer(), category_by_key("stem-2023-v1"), ON).eligible


def test_2023_stem_refuses_6_months_split_by_a_gap():
    history = (
        job("21231", date(2023, 1, 1), date(2023, 4, 30), in_canada=False),
        job("21231", date(2023, 6, 1), date(2023, 9, 30), in_canada=False),
        job("00012", date(2022, 1, 1), date(2022, 12, 31), in_canada=False),
    )
    c = developer(
        work_history=history,
        canadian_experience_years=0,
        foreign_experience_years=1,
        has_valid_job_offer=True,
    )
    answer = category_eligibility(c, category_by_key("stem-2023-v1"), date(2024, 6, 1))
    assert answer.reason == (
        "Less than 6 months continuous work in one listed occupation in the last 3 years"
    )


def test_2026_rule_adds_up_non_continuous_work_in_one_occupation():
    history = (
        job("21300", date(2024, 1, 1), date(2024, 6, 30)),
        job("21300", date(2025, 1, 1), date(2025, 7, 31)),
    )
    c = developer(work_history=history, canadian_experience_years=1)
    assert category_eligibility(c, category_by_key("stem-2026-v3"), ON).eligible


def test_2026_rule_does_not_add_up_two_occupations():
    history = (
        job("21300", date(2024, 1, 1), date(2024, 6, 30)),
        job("21301", date(2024, 7, 1), date(2025, 1, 31)),
    )
    c = developer(work_history=history, canadian_experience_years=1)
    answer = category_eligibility(c, category_by_key("stem-2026-v3"), ON)
    assert (
        answer.reason == "Less than 12 months of work in one listed occupation in the last 3 years"
    )


def test_physicians_category_needs_the_work_in_canada():
    history = (
        job("31102", date(2023, 1, 1), None, in_canada=False),
        job("21231", date(2024, 1, 1), None),
    )
    c = developer(work_history=history)
    answer = category_eligibility(c, category_by_key("physicians-2026-v1"), ON)
    assert answer.reason == (
        "Less than 12 months of work in one listed occupation in Canada in the last 3 years"
    )


def test_occupation_category_needs_a_work_history():
    answer = category_eligibility(developer(work_history=()), category_by_key("stem-2026-v3"), ON)
    assert not answer.eligible
    assert "work history" in answer.reason
