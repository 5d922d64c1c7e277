"""Eligibility says "can't tell" when a fact needed to decide is not recorded (DESIGN.md §10)."""

from scoring.categories import categories_in_force
from scoring.category_eligibility import category_eligibility
from scoring.eligibility import eligibility, fsw
from tests.scoring.builders import ON, clb, developer, nclc


def _category(key: str):
    return next(c for c in categories_in_force(ON) if c.family.value == key)


def test_no_work_history_recorded_makes_the_work_tests_cant_tell():
    c = developer(work_history=(), canadian_experience_years=0, unknown={"work_history"})
    answers = eligibility(c, ON)
    assert answers.undecided == ("fsw", "cec")
    assert answers.fst.status == "no"  # no job offer nor certificate: known without the work
    assert not answers.none
    assert "No work history recorded" in answers.cec.reason


def test_zero_experience_years_typed_in_stay_a_no():
    answers = eligibility(developer(work_history=(), canadian_experience_years=0), ON)
    assert (answers.fsw.status, answers.cec.status) == ("no", "no")


def test_a_foreign_credential_without_an_eca_makes_fsw_cant_tell_not_no():
    c = developer(education="none", unknown={"eca"}, settlement_funds=50_000, family_size=1)
    answer = fsw(c, ON)
    assert answer.status == "cant_tell"
    assert "No ECA recorded" in answer.reason


def test_a_candidate_meeting_no_program_for_sure_is_none():
    answers = eligibility(developer(first_language=clb(4)), ON)
    assert answers.none


def test_an_occupation_category_without_a_work_history_is_cant_tell():
    c = developer(work_history=(), canadian_experience_years=2)  # CEC from the years
    answer = category_eligibility(c, _category("healthcare"), ON)
    assert answer.status == "cant_tell"


def test_a_category_test_failed_stays_no_even_when_programs_are_cant_tell():
    c = developer(work_history=(), canadian_experience_years=0, unknown={"work_history"})
    assert category_eligibility(c, _category("french"), ON).status == "no"


def test_a_category_test_met_with_programs_cant_tell_is_cant_tell():
    c = developer(
        work_history=(),
        canadian_experience_years=0,
        unknown={"work_history"},
        second_language=nclc(8),
    )
    answer = category_eligibility(c, _category("french"), ON)
    assert answer.status == "cant_tell"
    assert answer.reason.startswith("Can't tell whether eligible for an Express Entry program")
