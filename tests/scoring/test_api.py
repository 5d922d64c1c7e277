"""POST /api/v1/crs/: the DESIGN.md §3 JSON in, the breakdown out, field errors as 400 JSON."""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.settings import api_settings

from scoring.web.api import CRSThrottle

URL = reverse("api-crs")


@pytest.fixture(autouse=True)
def fresh_throttle():
    # The throttle counts requests per address in the cache; each test starts from zero.
    cache.clear()


def e2(**changes) -> dict:
    """crs-rules.md §11 E2: single, 30, bachelor's, CELPIP 9 all, no work."""
    data = {
        "as_of": "2026-11-25",
        "age": 30,
        "education": "bachelors",
        "first_language": language(),
    }
    data.update(changes)
    return data


def language(**changes) -> dict:
    result = {"test": "celpip", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
    result.update(changes)
    return result


def post(client, data, **headers):
    return post_raw(client, json.dumps(data), **headers)


def post_raw(client, body: str, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


def sections(result: dict) -> tuple:
    keys = ("core_human_capital", "spouse_factors", "skill_transferability", "additional", "total")
    return tuple(result[key] for key in keys)


def test_e1_single_23_bachelors_clb_10_one_year_canadian_scores_474(client):
    """crs-rules.md §11 E1, MapleGuard golden.json, confirmed on IRCC's tool 2026-08-21."""
    data = {
        "as_of": "2026-08-21",
        "age": 23,
        "education": "bachelors",
        "canadian_education": "three_or_more_year",
        "first_language": {"test": "clb", "listening": 11, "reading": 11, "writing": 12,
                           "speaking": 12},
        "canadian_experience_years": 1,
    }  # fmt: skip
    response = post(client, data)
    assert response.status_code == 200
    assert sections(response.json()) == (406, 0, 38, 30, 474)


def test_e2_single_30_bachelors_celpip_9_scores_374(client):
    """crs-rules.md §11 E2, lylaminju tests/scoring.test.js "single applicant baseline"."""
    assert sections(post(client, e2()).json()) == (349, 0, 25, 0, 374)


def test_the_result_names_the_rule_version_and_its_effective_date(client):
    rules = post(client, e2()).json()["rules"]
    assert (rules["id"], rules["effective"]) == ("R2025", "2025-03-25")


def test_each_line_names_its_section_points_and_the_input_that_earned_them(client):
    lines = post(client, e2()).json()["lines"]
    assert {
        "section": "core_human_capital",
        "factor": "first_language",
        "points": 124,
        "detail": "CELPIP L9 R9 W9 S9 = CLB 9/9/9/9",
    } in lines


def test_the_as_of_date_defaults_to_today(client):
    data = e2()
    del data["as_of"]
    assert post(client, data).json()["as_of"] == timezone.localdate().isoformat()


def test_an_expired_result_is_listed(client):
    data = e2(first_language=language(test_date="2024-11-25"))
    assert post(client, data).json()["expired"] == ["first_language"]


def test_the_result_carries_approximate_program_eligibility(client):
    fsw = post(client, e2()).json()["eligibility"]["fsw"]
    assert fsw["eligible"] is False
    assert "approximate" in fsw["reason"]


def test_a_job_offer_scores_before_2025_03_25_and_not_from_then(client):
    """crs-rules.md §10: no job-offer points from 2025-03-25."""
    before = post(client, e2(as_of="2025-03-24", job_offer="noc_00")).json()
    after = post(client, e2(as_of="2025-03-25", job_offer="noc_00")).json()
    assert (before["additional"], after["additional"]) == (200, 0)


def test_anonymous_json_clients_need_no_csrf_token():
    assert post(Client(enforce_csrf_checks=True), e2()).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"education": "phd"}, "education"),
        ({"job_offer": "lmia"}, "job_offer"),
        ({"first_language": language(test="toefl")}, "first_language.test"),
        ({"spouse": {"education": "phd"}}, "spouse.education"),
    ],
)
def test_an_unknown_enum_value_is_a_field_error(client, changes, field):
    response = post(client, e2(**changes))
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(
    ("result", "field"),
    [
        (language(listening=13), "first_language.listening"),
        (language(test="ielts", reading=9.5), "first_language.reading"),
        (language(test="ielts", writing=7.3), "first_language.writing"),
        (language(test="pte_core", listening=60, reading=60, writing=60, speaking=91),
         "first_language.speaking"),
    ],
)  # fmt: skip
def test_a_score_out_of_the_tests_range_is_a_field_error(client, result, field):
    response = post(client, e2(first_language=result))
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_field_errors_are_lists_of_messages_by_field_path(client):
    response = post(client, e2(first_language=language(listening=13)))
    assert response.json() == {
        "first_language.listening": ["CELPIP listening must be between 0 and 12."]
    }


@pytest.mark.parametrize("field", ["education", "first_language"])
def test_a_missing_required_field_is_a_field_error(client, field):
    data = e2()
    del data[field]
    response = post(client, data)
    assert response.status_code == 400
    assert field in response.json()


def test_a_missing_score_names_the_ability(client):
    result = language()
    del result["speaking"]
    assert "first_language.speaking" in post(client, e2(first_language=result)).json()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"as_of": "2026-02-30"}, "as_of"),
        ({"as_of": "25/11/2026"}, "as_of"),
        ({"age": None, "birth_date": "1994-3-2"}, "birth_date"),
        ({"age": None, "birth_date": "2027-01-01"}, "birth_date"),
        ({"first_language": language(test_date="2026-12-01")}, "first_language.test_date"),
        ({"first_language": language(test_date="yesterday")}, "first_language.test_date"),
    ],
)
def test_a_malformed_or_future_date_is_a_field_error(client, changes, field):
    response = post(client, e2(**changes))
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("body", [[], [{"age": 30}], "a string", 42, None, True])
def test_a_body_that_is_not_an_object_is_refused(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"__all__": ["Expected a JSON object."]}


@pytest.mark.parametrize("body", ['{"age": 30,', "{'age': 30}", '{"age": NaN}', "\xff"])
def test_malformed_json_is_a_400_not_a_500(client, body):
    response = post_raw(client, body)
    assert response.status_code == 400
    assert response.json()["__all__"][0].startswith("JSON parse error")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"age": "30"}, "age"),
        ({"age": 30.5}, "age"),
        ({"canadian_experience_years": "2"}, "canadian_experience_years"),
        ({"foreign_experience_years": None}, "foreign_experience_years"),
        ({"sibling_in_canada": "yes"}, "sibling_in_canada"),
        ({"education": ["bachelors"]}, "education"),
        ({"first_language": "ielts"}, "first_language"),
        ({"first_language": language(listening="9")}, "first_language.listening"),
        ({"first_language": language(listening=None)}, "first_language.listening"),
        ({"first_language": language(listening=[9])}, "first_language.listening"),
        ({"first_language": language(test={"name": "ielts"})}, "first_language.test"),
        ({"first_language": language(test=None)}, "first_language.test"),
        ({"as_of": 20261125}, "as_of"),
        ({"spouse": []}, "spouse"),
        ({"spouse": {"education": "none", "language": 7}}, "spouse.language"),
        ({"spouse": {"education": "none", "language": {"test": [{}]}}}, "spouse.language.test"),
        ({"spouse": {"education": None}}, "spouse.education"),
        ({"unexpected": {"nested": [1, {"x": None}]}}, "unexpected"),
    ],
)
def test_a_value_of_the_wrong_type_is_a_field_error(client, changes, field):
    response = post(client, e2(**changes))
    assert response.status_code == 400
    assert field in response.json()


def test_a_get_is_not_allowed(client):
    assert client.get(URL).status_code == 405


def test_anonymous_clients_are_throttled_past_the_rate(client, monkeypatch):
    monkeypatch.setattr(CRSThrottle, "THROTTLE_RATES", {"crs": "2/min"})
    codes = [post(client, e2()).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, monkeypatch):
    monkeypatch.setattr(CRSThrottle, "THROTTLE_RATES", {"crs": "2/min"})
    codes = [
        post(client, e2(), HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)
    ]
    assert codes == [200, 200, 429]


def test_no_throttle_applies_to_the_other_apis_by_default():
    assert api_settings.DEFAULT_THROTTLE_CLASSES == []


def test_the_schema_documents_the_crs_endpoint(client):
    response = client.get("/api/schema/", {"format": "json"})
    operation = response.json()["paths"]["/api/v1/crs/"]["post"]
    assert operation["operationId"] == "crs_score"
    assert set(operation["responses"]) >= {"200", "400"}


def test_the_schema_describes_the_input_shape(client):
    schemas = client.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    assert "first_language" in schemas["CRSInput"]["properties"]


def test_the_api_docs_page_is_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"drf_spectacular_sidecar" in response.content
    assert b"cdn." not in response.content


def test_json_nested_a_thousand_levels_deep_is_a_400_not_a_500(client):
    response = post_raw(client, '{"education": ' + "[" * 1000 + "]" * 1000 + "}")
    assert response.status_code == 400
    assert "nested more than 32 levels deep" in response.json()["__all__"][0]


def test_an_unknown_value_is_quoted_in_part_not_echoed_in_full(client):
    response = post(client, e2(education="x" * 100_000))
    assert response.json()["education"] == [
        "Unknown value 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…; expected one of "
        "none|secondary|one_year|two_year|bachelors|two_or_more|masters|doctoral."
    ]


def test_an_unknown_field_name_is_quoted_in_part_not_echoed_in_full(client):
    response = post(client, e2(**{"y" * 100_000: 1}))
    assert response.json() == {"y" * 39 + "…": ["Unknown field."]}
