"""Engine behaviour beyond the grids: age, language pairing, expiry, lines, rule reporting."""

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from scoring.engine import score, score_totals
from scoring.errors import InvalidInput
from scoring.output import breakdown_to_json
from scoring.types import CanadianEducation, Education, JobOffer, LanguageResult
from tests.scoring.builders import ON, candidate, clb, nclc, spouse


def line(breakdown, factor):
    return next(item for item in breakdown.lines if item.factor == factor)


def test_birthday_on_the_as_of_date_counts():
    c = candidate(birth_date=date(1996, 11, 25), age=None)
    assert score(c, date(2026, 11, 25)).age == 30


def test_day_before_the_birthday_keeps_the_younger_age():
    c = candidate(birth_date=date(1996, 11, 25), age=None)
    assert score(c, date(2026, 11, 24)).age == 29


def test_leap_day_birthday_counts_from_1_march_in_other_years():
    c = candidate(birth_date=date(1996, 2, 29), age=None)
    assert score(c, date(2026, 2, 28)).age == 29
    assert score(c, date(2026, 3, 1)).age == 30


def test_birth_date_wins_over_age():
    c = candidate(birth_date=date(1990, 1, 1), age=20)
    assert score(c, ON).age == 36


def test_age_is_used_when_there_is_no_birth_date():
    assert score(candidate(age=33), ON).age == 33


def test_breakdown_reports_the_rule_version_used():
    breakdown = score(candidate(), date(2023, 1, 1))
    assert (breakdown.rules.id, breakdown.rules.effective) == ("R2020", date(2020, 10, 27))


def test_second_test_in_the_same_language_earns_nothing():
    c = candidate(first_language=clb(9), second_language=clb(10))
    second = line(score(c, ON), "second_language")
    assert second.points == 0
    assert "same official language" in second.detail


def test_english_second_language_counts_after_french_first():
    c = candidate(first_language=nclc(9), second_language=clb(7))
    assert line(score(c, ON), "second_language").points == 12


def test_french_first_with_english_clb_5_gets_the_higher_bonus():
    c = candidate(first_language=nclc(7), second_language=clb(5))
    assert line(score(c, ON), "french").points == 50


def test_expired_french_earns_no_bonus():
    french = nclc(9, test_date=date(2024, 11, 1))
    c = candidate(first_language=clb(9), second_language=french)
    breakdown = score(c, ON)
    assert line(breakdown, "french").points == 0
    assert breakdown.expired == ("second_language",)


def test_expired_spouse_language_is_reported_and_earns_nothing():
    old = clb(9, test_date=date(2023, 1, 1))
    breakdown = score(candidate(spouse=spouse(language=old)), ON)
    assert line(breakdown, "spouse.language").points == 0
    assert breakdown.expired == ("spouse.language",)


def test_expired_first_language_also_removes_language_transferability():
    c = candidate(education="masters", first_language=clb(9, test_date=date(2024, 1, 1)))
    assert score(c, ON).skill_transferability == 0


def test_single_candidate_has_no_spouse_lines():
    assert not [x for x in score(candidate(), ON).lines if x.section == "spouse_factors"]


def test_spouse_candidate_has_three_spouse_lines():
    lines = score(candidate(spouse=spouse()), ON).lines
    assert [x.factor for x in lines if x.section == "spouse_factors"] == [
        "spouse.education",
        "spouse.language",
        "spouse.canadian_experience",
    ]


def test_a_cap_shows_as_a_negative_line():
    c = candidate(education="masters", first_language=clb(9), canadian_experience_years=2)
    assert line(score(c, ON), "education_cap").points == -50


def test_each_line_names_the_input_that_earned_it():
    c = candidate(first_language=LanguageResult("ielts", 8, 7, 7, 7, test_date=date(2026, 1, 1)))
    assert line(score(c, ON), "first_language").detail == "IELTS L8 R7 W7 S7 = CLB 9/9/9/9"


def test_scoring_twice_gives_the_same_breakdown():
    c = candidate(spouse=spouse(language=clb(7)), provincial_nomination=True)
    assert score(c, ON) == score(c, ON)


def test_fast_totals_match_the_breakdown_for_a_spouse_candidate():
    c = candidate(spouse=spouse(education="masters", language=clb(8)), second_language=nclc(7))
    assert score_totals(c, ON) == score(c, ON).totals


def test_spouse_who_does_not_accompany_is_scored_as_single():
    c = candidate(age=30, spouse=spouse())
    assert line(score(replace(c, spouse=None), ON), "age").points == 105
    assert line(score(c, ON), "age").points == 95


def test_breakdown_serialises_to_the_public_json_format():
    data = json.loads(json.dumps(breakdown_to_json(score(candidate(), on=ON))))
    assert data["rules"] == {
        "id": "R2025",
        "effective": "2025-03-25",
        "description": "No job-offer points",
    }
    assert sum(line["points"] for line in data["lines"]) == data["total"]


def test_candidate_coerces_strings_to_the_closed_sets():
    c = candidate(education="masters", job_offer="noc_00", canadian_education="one_or_two_year")
    assert (c.education, c.job_offer, c.canadian_education) == (
        Education.MASTERS,
        JobOffer.NOC_00,
        CanadianEducation.ONE_OR_TWO_YEAR,
    )


def test_candidate_refuses_a_naive_profile_timestamp():
    with pytest.raises(InvalidInput) as caught:
        candidate(profile_submitted_at=datetime(2026, 1, 1, 12, 0))
    assert caught.value.field == "profile_submitted_at"
