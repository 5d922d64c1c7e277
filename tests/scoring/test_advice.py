"""What-if suggestions and dated events, each a real re-score."""

from dataclasses import replace
from datetime import date, timedelta

from scoring.advice import HOUSEHOLD_SINGLE, advice, split, upcoming_events
from scoring.engine import score_totals
from tests.scoring.builders import ON, candidate, clb, job, nclc, spouse


def single_clb_7(**changes):
    return candidate(**{"age": 30, "education": "bachelors", "first_language": clb(7), **changes})


def by_description(suggestions):
    return {s.description: s for s in suggestions}


def test_suggestions_are_ranked_by_points_gained():
    gains = [s.points_gained for s in advice(single_clb_7(), ON)]
    assert gains == sorted(gains, reverse=True)


def test_every_suggestion_gains_points():
    assert all(s.points_gained > 0 for s in advice(single_clb_7(), ON))


def test_new_total_is_the_current_total_plus_the_gain():
    base = score_totals(single_clb_7(), ON).total
    assert all(s.new_total == base + s.points_gained for s in advice(single_clb_7(), ON))


def test_clb_9_in_writing_gain_is_a_rescore():
    c = single_clb_7()
    expected = score_totals(replace(c, first_language=clb(7, 7, 9, 7)), ON).total
    suggestion = by_description(advice(c, ON))["CLB 9 in writing"]
    assert suggestion.new_total == expected
    assert str(suggestion) == "CLB 9 in writing: +14"


def test_french_nclc_7_is_worth_second_language_points_plus_the_bonus():
    suggestion = by_description(advice(single_clb_7(), ON))["French NCLC 7 in all four abilities"]
    assert suggestion.points_gained == 12 + 50


def test_provincial_nomination_is_listed_at_600():
    assert by_description(advice(single_clb_7(), ON))["Provincial nomination"].points_gained == 600


def test_nomination_is_not_suggested_to_a_nominee():
    assert "Provincial nomination" not in by_description(
        advice(single_clb_7(provincial_nomination=True), ON)
    )


def test_job_offer_is_not_suggested_after_2025_03_25():
    assert not [s for s in advice(single_clb_7(), ON) if "Job offer" in s.description]


def test_job_offer_is_suggested_while_it_earned_points():
    c = single_clb_7(first_language=clb(7, test_date=None))
    found = by_description(advice(c, date(2024, 6, 1)))
    assert found["Job offer in NOC Major Group 00"].points_gained == 200


def test_one_more_year_of_canadian_experience_is_a_rescore():
    c = single_clb_7(canadian_experience_years=1)
    expected = score_totals(replace(c, canadian_experience_years=2), ON).total
    found = by_description(advice(c, ON))["One more year of Canadian experience"]
    assert found.new_total == expected


def test_expired_result_suggests_a_retake():
    c = single_clb_7(first_language=clb(9, test_date=date(2024, 1, 1)))
    found = by_description(advice(c, ON))
    assert found["Retake CLB (first-language result expired)"].points_gained > 0


def test_spouse_improvements_are_suggested():
    c = single_clb_7(spouse=spouse(education="secondary", language=clb(5)))
    assert "Spouse CLB 9 in all four abilities" in by_description(advice(c, ON))


def test_birthday_that_costs_points_is_an_event():
    c = candidate(birth_date=date(1996, 12, 20), age=None, first_language=clb(7, test_date=None))
    events = upcoming_events(c, ON)
    turning_30 = next(e for e in events if e.description == "Turns 30")
    assert (turning_30.date, turning_30.change) == (date(2026, 12, 20), -5)
    assert turning_30.total_after == score_totals(c, date(2026, 12, 20)).total


def test_birthday_that_changes_nothing_is_not_an_event():
    c = candidate(birth_date=date(2001, 12, 20), age=None, first_language=clb(7, test_date=None))
    assert upcoming_events(c, ON) == []


def test_language_result_expiring_is_an_event_with_the_score_after():
    c = candidate(first_language=clb(9, test_date=date(2025, 6, 1)), second_language=nclc(7))
    expiring = [e for e in upcoming_events(c, ON) if "expires" in e.description]
    assert [e.date for e in expiring] == [date(2027, 6, 1), date(2028, 1, 10)]
    assert expiring[0].total_after == score_totals(c, date(2027, 6, 1)).total


def test_events_beyond_the_horizon_are_left_out():
    c = candidate(first_language=clb(9, test_date=date(2025, 6, 1)))
    assert upcoming_events(c, ON, horizon_days=30) == []


def test_year_of_canadian_experience_completing_is_an_event():
    c = candidate(
        first_language=clb(9, test_date=None),
        canadian_experience_years=0,
        work_history=(job("21231", date(2026, 6, 1), None),),
    )
    event = next(e for e in upcoming_events(c, ON) if "Canadian" in e.description)
    assert event.date == date(2027, 5, 31)
    assert event.change == score_totals(replace(c, canadian_experience_years=1), ON).total - (
        score_totals(c, ON).total
    )


def test_two_results_expiring_on_one_day_are_one_event_with_the_whole_change():
    taken = date(2025, 6, 1)
    c = candidate(first_language=clb(9, test_date=taken), second_language=nclc(7, test_date=taken))
    day = date(2027, 6, 1)
    on_the_day = [e for e in upcoming_events(c, ON) if e.date == day]
    assert len(on_the_day) == 1
    whole = score_totals(c, day).total - score_totals(c, day - timedelta(days=1)).total
    assert on_the_day[0].change == whole
    assert on_the_day[0].description == (
        "CLB first-language result expires (2 years old); "
        "NCLC second-language result expires (2 years old)"
    )


def test_the_partner_not_coming_is_marked_as_a_household_choice():
    c = single_clb_7(spouse=spouse(education="secondary"))
    found = by_description(advice(c, ON))[HOUSEHOLD_SINGLE]
    assert found.household
    assert found.new_total == score_totals(replace(c, spouse=None), ON).total


def test_steps_the_client_takes_are_not_household_choices():
    c = single_clb_7(spouse=spouse(education="secondary", language=clb(5)))
    found = by_description(advice(c, ON))
    assert not found["Provincial nomination"].household
    assert not found["Spouse CLB 9 in all four abilities"].household


def test_split_parts_what_the_client_can_act_on_from_household_choices():
    suggestions = advice(single_clb_7(spouse=spouse(education="secondary")), ON)
    actionable, household = split(suggestions)
    assert [s.description for s in household] == [HOUSEHOLD_SINGLE]
    assert len(actionable) == len(suggestions) - 1
    assert all(not s.household for s in actionable)
