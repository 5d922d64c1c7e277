"""Bad input gives InvalidInput naming the field, never a traceback from deeper down."""

from datetime import date

import pytest

from scoring.engine import score
from scoring.errors import InvalidInput
from scoring.parsing import parse_request
from scoring.types import Candidate, LanguageResult, WorkPeriod
from tests.scoring.builders import candidate

TODAY = date(2026, 11, 25)


def valid(**changes):
    data = {
        "as_of": "2026-11-25",
        "birth_date": "1994-03-02",
        "education": "bachelors",
        "canadian_education": "none",
        "first_language": {
            "test": "ielts",
            "listening": 8,
            "reading": 7,
            "writing": 7,
            "speaking": 7,
            "test_date": "2026-01-10",
        },
        "second_language": None,
        "canadian_experience_years": 1,
        "foreign_experience_years": 2,
        "certificate_of_qualification": False,
        "provincial_nomination": False,
        "job_offer": "none",
        "sibling_in_canada": False,
        "spouse": None,
    }
    data.update(changes)
    return data


def language(**changes):
    result = dict(valid()["first_language"])
    result.update(changes)
    return result


def errors_for(data):
    with pytest.raises(InvalidInput) as caught:
        parse_request(data, today=TODAY)
    return caught.value.errors


def test_the_design_example_parses():
    as_of, c = parse_request(valid(), today=TODAY)
    assert as_of == TODAY
    assert c.first_language.levels == (9, 9, 9, 9)


def test_as_of_defaults_to_the_callers_today():
    data = valid()
    del data["as_of"]
    assert parse_request(data, today=date(2026, 12, 1)).as_of == date(2026, 12, 1)


def test_invalid_input_is_a_value_error():
    assert issubclass(InvalidInput, ValueError)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"education": "phd"}, "education"),
        ({"canadian_education": "diploma"}, "canadian_education"),
        ({"job_offer": "lmia"}, "job_offer"),
        ({"first_language": language(test="toefl")}, "first_language.test"),
        ({"spouse": {"education": "phd"}}, "spouse.education"),
    ],
)
def test_unknown_enum_value_names_the_field(changes, field):
    assert field in errors_for(valid(**changes))


@pytest.mark.parametrize(
    ("result", "field"),
    [
        (language(listening=9.5), "first_language.listening"),
        (language(reading=7.3), "first_language.reading"),
        (language(test="celpip", writing=13), "first_language.writing"),
        (language(test="pte_core", listening=9, reading=60, writing=60, speaking=60),
         "first_language.listening"),
        (language(test="pte_core", listening=91, reading=60, writing=60, speaking=60),
         "first_language.listening"),
        (language(test="clb", speaking=13), "first_language.speaking"),
        (language(test="clb", speaking=-1), "first_language.speaking"),
        (language(test="tef", listening=700, reading=400, writing=400, speaking=400),
         "first_language.listening"),
        (language(test="tcf", listening=400, reading=400, writing=21, speaking=10),
         "first_language.writing"),
        (language(test="celpip", speaking="X"), "first_language.speaking"),
        (language(listening=True), "first_language.listening"),
    ],
)  # fmt: skip
def test_score_out_of_the_tests_range_names_the_ability(result, field):
    assert field in errors_for(valid(first_language=result))


def test_old_scale_tef_reading_above_300_is_out_of_range():
    result = language(
        test="tef", listening=300, reading=301, writing=300, speaking=300, test_date="2019-01-01"
    )
    assert "first_language.reading" in errors_for(valid(first_language=result, as_of="2019-06-01"))


def test_pte_core_taken_before_it_was_accepted_is_refused():
    result = language(
        test="pte_core", listening=60, reading=60, writing=60, speaking=60, test_date="2024-01-29"
    )
    assert "first_language.test_date" in errors_for(valid(first_language=result))


def test_tef_without_a_test_date_asks_for_it():
    result = language(test="tef", listening=400, reading=400, writing=400, speaking=400)
    del result["test_date"]
    assert "first_language.test_date" in errors_for(valid(first_language=result))


def test_spouse_language_errors_carry_the_spouse_prefix():
    data = valid(spouse={"education": "bachelors", "language": language(reading=10)})
    assert "spouse.language.reading" in errors_for(data)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"canadian_experience_years": -1}, "canadian_experience_years"),
        ({"foreign_experience_years": 1.5}, "foreign_experience_years"),
        ({"birth_date": None, "age": 131}, "age"),
        ({"birth_date": None, "age": "31"}, "age"),
        ({"provincial_nomination": "yes"}, "provincial_nomination"),
        ({"sibling_in_canada": 1}, "sibling_in_canada"),
        ({"spouse": "yes"}, "spouse"),
        ({"first_language": [8, 7, 7, 7]}, "first_language"),
        ({"spouse": {"education": "none", "canadian_experience_years": -2}},
         "spouse.canadian_experience_years"),
    ],
)  # fmt: skip
def test_wrong_type_or_range_names_the_field(changes, field):
    assert field in errors_for(valid(**changes))


@pytest.mark.parametrize("missing", ["education", "first_language"])
def test_missing_required_field_is_reported(missing):
    data = valid()
    del data[missing]
    assert missing in errors_for(data)


@pytest.mark.parametrize("ability", ["listening", "reading", "writing", "speaking"])
def test_missing_ability_is_reported(ability):
    result = language()
    del result[ability]
    assert f"first_language.{ability}" in errors_for(valid(first_language=result))


def test_missing_birth_date_and_age_is_reported():
    data = valid()
    del data["birth_date"]
    assert "birth_date" in errors_for(data)


def test_birth_date_and_age_together_are_refused():
    assert "age" in errors_for(valid(age=31))


def test_missing_spouse_education_is_reported():
    assert "spouse.education" in errors_for(valid(spouse={"canadian_experience_years": 1}))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"birth_date": "2026-13-01"}, "birth_date"),
        ({"birth_date": "02/03/1994"}, "birth_date"),
        ({"birth_date": 19940302}, "birth_date"),
        ({"as_of": "2026-02-30"}, "as_of"),
        ({"first_language": language(test_date="yesterday")}, "first_language.test_date"),
    ],
)
def test_malformed_date_names_the_field(changes, field):
    assert field in errors_for(valid(**changes))


def test_birth_date_after_as_of_is_refused():
    assert "birth_date" in errors_for(valid(birth_date="2026-11-26"))


def test_test_date_after_as_of_is_refused():
    data = valid(first_language=language(test_date="2026-11-26"))
    assert "first_language.test_date" in errors_for(data)


def test_dates_are_checked_against_as_of_not_today():
    data = valid(as_of="2020-01-01", first_language=language(test_date="2021-01-01"))
    assert "first_language.test_date" in errors_for(data)


def test_as_of_before_express_entry_is_refused():
    assert "as_of" in errors_for(valid(as_of="2014-12-31"))


def test_unknown_field_is_reported():
    assert "first_langauge" in errors_for(valid(first_langauge={}))


def test_a_list_instead_of_an_object_is_refused():
    assert "__all__" in errors_for([valid()])


def test_second_language_without_a_first_is_refused():
    assert "second_language" in errors_for(valid(first_language=None, second_language=language()))


def test_every_problem_is_reported_at_once():
    data = valid(education="phd", job_offer="x", first_language=language(listening=10))
    assert {"education", "job_offer", "first_language.listening"} <= set(errors_for(data))


def test_candidate_built_directly_with_a_bad_enum_names_the_field():
    with pytest.raises(InvalidInput) as caught:
        Candidate(education="phd", first_language=None, age=30)
    assert caught.value.field == "education"


def test_language_result_built_directly_with_a_bad_score_names_the_ability():
    with pytest.raises(InvalidInput) as caught:
        LanguageResult("ielts", 8, 7, 7, 10)
    assert caught.value.field == "speaking"


def test_work_period_with_a_teer_that_does_not_match_the_noc_is_refused():
    with pytest.raises(InvalidInput) as caught:
        WorkPeriod("21231", 3, date(2020, 1, 1), None, 40, True)
    assert caught.value.field == "teer"


def test_work_period_ending_before_it_starts_is_refused():
    with pytest.raises(InvalidInput) as caught:
        WorkPeriod("21231", 1, date(2020, 1, 1), date(2019, 1, 1), 40, True)
    assert caught.value.field == "end"


def test_scoring_before_express_entry_began_names_as_of():
    with pytest.raises(InvalidInput) as caught:
        score(candidate(), date(2014, 12, 31))
    assert caught.value.field == "as_of"


def test_language_result_built_directly_with_a_long_unknown_test_quotes_it_in_part():
    with pytest.raises(InvalidInput) as caught:
        LanguageResult("t" * 10_000, 8, 7, 7, 7)
    assert caught.value.message.startswith("Unknown value '" + "t" * 38 + "…;")
