"""The draws API: everyone reads; only staff record and correct, through record_draw."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from draws.models import Draw
from tests.factories import DrawCategoryFactory, DrawFactory

LIST_URL = reverse("api-draw-list")


def detail_url(number: str) -> str:
    return reverse("api-draw-detail", kwargs={"number": number})


def numbers(response) -> list[str]:
    return [row["number"] for row in response.json()["results"]]


def new_draw(**changes) -> dict:
    DrawCategoryFactory(key="pnp")
    body = {
        "number": "435",
        "held_on": "2026-08-17",
        "category": "pnp",
        "invitations": 442,
        "cutoff": 760,
        "tie_break_at": "2026-08-07T18:01:56Z",
    }
    return body | changes


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def staff_api(api, staff_user):
    api.force_authenticate(staff_user)
    return api


def test_anonymous_visitors_can_list_draws(api, db):
    DrawFactory(number="434")
    response = api.get(LIST_URL)
    assert (response.status_code, numbers(response)) == (200, ["434"])


def test_anonymous_visitors_can_read_one_draw_by_its_ircc_number(api, db):
    DrawFactory(number="91b", cutoff=902, category=DrawCategoryFactory(key="pnp"))
    body = api.get(detail_url("91b")).json()
    assert (body["number"], body["cutoff"], body["category"], body["family"]) == (
        "91b",
        902,
        "pnp",
        "pnp",
    )


def test_tie_breaks_are_given_in_utc(api, db):
    DrawFactory(number="1", held_on=date(2024, 1, 31))
    assert api.get(detail_url("1")).json()["tie_break_at"] == "2024-01-01T12:00:00Z"


def test_the_list_filters_by_category_version(api, db):
    DrawFactory(number="1", category=DrawCategoryFactory(key="cec"))
    DrawFactory(number="2", category=DrawCategoryFactory(key="pnp"))
    assert numbers(api.get(LIST_URL, {"category": "pnp"})) == ["2"]


def test_the_list_filters_by_date_range(api, db):
    for number, day in (("1", 1), ("2", 10), ("3", 20)):
        DrawFactory(number=number, held_on=date(2024, 3, day))
    response = api.get(LIST_URL, {"held_after": "2024-03-05", "held_before": "2024-03-10"})
    assert numbers(response) == ["2"]


def test_the_list_filters_by_minimum_and_maximum_crs(api, db):
    for number, cutoff in (("1", 400), ("2", 500), ("3", 600)):
        DrawFactory(number=number, cutoff=cutoff)
    assert numbers(api.get(LIST_URL, {"min_crs": 450, "max_crs": 550})) == ["2"]


def test_the_list_orders_by_number_with_91a_before_91b(api, db):
    for number in ("92", "91b", "91a", "100"):
        DrawFactory(number=number, held_on=date(2018, 5, 30))
    assert numbers(api.get(LIST_URL, {"ordering": "number"})) == ["91a", "91b", "92", "100"]


def test_the_list_orders_by_lowest_crs(api, db):
    for number, cutoff in (("1", 500), ("2", 75), ("3", 900)):
        DrawFactory(number=number, cutoff=cutoff)
    assert numbers(api.get(LIST_URL, {"ordering": "cutoff"})) == ["2", "1", "3"]


def test_the_list_is_paginated(api, db):
    DrawFactory.create_batch(3)
    body = api.get(LIST_URL, {"page_size": 2}).json()
    assert (body["count"], len(body["results"]), body["next"] is not None) == (3, 2, True)


def test_a_bad_filter_value_is_a_field_error(api, db):
    response = api.get(LIST_URL, {"held_after": "last week"})
    assert (response.status_code, list(response.json())) == (400, ["held_after"])


@pytest.mark.parametrize("rows", [3, 30])
def test_the_list_runs_the_same_queries_for_3_or_30_rounds(
    api, db, django_assert_num_queries, rows
):
    DrawFactory.create_batch(rows)
    with django_assert_num_queries(2):  # count, page of draws + categories
        api.get(LIST_URL)


def test_staff_record_a_draw_through_the_api(staff_api, staff_user):
    response = staff_api.post(LIST_URL, new_draw(), format="json")
    assert response.status_code == 201, response.json()
    draw = Draw.objects.get(number="435")
    assert (draw.cutoff, draw.source) == (760, "api")
    assert draw.history.get().history_user == staff_user
    assert response.json()["page"] == "/draws/435/"


def test_staff_correct_a_draw_through_the_api(staff_api):
    DrawFactory(number="434", cutoff=470, held_on=date(2026, 8, 7))
    response = staff_api.patch(detail_url("434"), {"cutoff": 471}, format="json")
    assert (response.status_code, response.json()["cutoff"]) == (200, 471)
    assert [h.cutoff for h in Draw.objects.get().history.all()] == [471, 470]


def test_a_correction_cannot_change_the_round_number(staff_api):
    DrawFactory(number="434", held_on=date(2026, 8, 7))
    staff_api.patch(detail_url("434"), {"number": "999"}, format="json")
    assert list(Draw.objects.values_list("number", flat=True)) == ["434"]


def test_recording_an_existing_round_again_is_refused(staff_api):
    DrawFactory(number="435")
    response = staff_api.post(LIST_URL, new_draw(), format="json")
    assert response.status_code == 400
    assert response.json()["number"][0].startswith("This round already exists")


def test_the_api_refuses_a_future_draw_date_as_the_admin_does(staff_api):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = staff_api.post(LIST_URL, new_draw(held_on=f"{tomorrow}"), format="json")
    assert response.status_code == 400
    assert response.json()["held_on"] == [
        f"The draw date {tomorrow} is in the future; record a round only once IRCC has held it."
    ]


def test_the_api_refuses_a_category_version_not_in_force(staff_api, categories):
    response = staff_api.post(LIST_URL, new_draw(category="transport-2023-v1"), format="json")
    assert response.status_code == 400
    assert "was not in force on 2026-08-17" in response.json()["category"][0]


def test_the_api_refuses_a_crs_above_1200(staff_api):
    response = staff_api.post(LIST_URL, new_draw(cutoff=1201), format="json")
    assert response.json()["cutoff"] == ["A CRS score is between 0 and 1200."]
    assert not Draw.objects.exists()


def test_a_consultant_cannot_record_a_draw(api, firm_a_consultant):
    api.force_authenticate(firm_a_consultant)
    response = api.post(LIST_URL, new_draw(), format="json")
    assert response.status_code == 403
    assert not Draw.objects.exists()


def test_a_consultant_cannot_correct_a_draw(api, firm_a_consultant):
    DrawFactory(number="434", cutoff=470)
    api.force_authenticate(firm_a_consultant)
    assert api.patch(detail_url("434"), {"cutoff": 1}, format="json").status_code == 403
    assert Draw.objects.get().cutoff == 470


def test_an_anonymous_visitor_cannot_record_a_draw(api, db):
    assert api.post(LIST_URL, new_draw(), format="json").status_code in (401, 403)
    assert not Draw.objects.exists()


def test_staff_can_write_with_a_token(api, staff_user):
    token = Token.objects.create(user=staff_user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.post(LIST_URL, new_draw(), format="json").status_code == 201


def test_the_draws_api_is_in_the_openapi_schema(api, db):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    assert {"/api/v1/draws/", "/api/v1/draws/{number}/"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/v1/draws/"]["get"]["parameters"]}
    assert {"category", "held_after", "held_before", "min_crs", "max_crs", "ordering"} <= (
        parameters
    )


def test_staff_record_a_draw_without_a_tie_break(staff_api):
    body = new_draw()
    del body["tie_break_at"]
    response = staff_api.post(LIST_URL, body, format="json")
    assert (response.status_code, response.json()["tie_break_at"]) == (201, None)


def test_the_api_refuses_a_draw_date_before_express_entry_began(staff_api):
    response = staff_api.post(
        LIST_URL, new_draw(held_on="2010-01-01", tie_break_at=None), format="json"
    )
    assert response.status_code == 400
    assert response.json()["held_on"] == [
        "The draw date 2010-01-01 is before Express Entry began on 2015-01-01 "
        "(round 1 was held on 2015-01-31)."
    ]


def test_a_tie_break_in_year_one_is_a_field_error_not_a_crash(staff_api):
    response = staff_api.post(
        LIST_URL, new_draw(tie_break_at="0001-01-01T00:00:00Z"), format="json"
    )
    assert (response.status_code, list(response.json())) == (400, ["tie_break_at"])


def test_a_pool_nested_a_thousand_levels_deep_is_a_bad_request_not_a_crash(staff_api):
    deep = "[" * 1000 + "]" * 1000
    body = json.dumps(new_draw())[:-1] + f', "pool": {deep}}}'
    response = staff_api.post(LIST_URL, body, content_type="application/json")
    assert response.status_code == 400
    assert "nested more than 32 levels deep" in response.json()["detail"]


def test_a_pool_nested_too_deep_in_a_form_post_is_a_field_error(staff_api):
    body = new_draw(pool="[" * 1000 + "]" * 1000, pool_as_of="2026-08-16")
    response = staff_api.post(LIST_URL, body)  # multipart: the pool arrives as JSON text
    assert (response.status_code, list(response.json())) == (400, ["pool"])


def test_more_invitations_than_any_round_could_issue_are_refused_readably(staff_api):
    response = staff_api.post(LIST_URL, new_draw(invitations=10**12), format="json")
    assert response.json()["invitations"] == [
        "A round issues at most 100,000 invitations; IRCC's largest issued 27,332 "
        "(round 176, 2021-02-13)."
    ]


def test_an_unknown_round_type_is_not_echoed_back(staff_api):
    response = staff_api.post(LIST_URL, new_draw(category="x" * 10_000), format="json")
    assert response.status_code == 400
    assert len(response.content) < 500


def test_an_anonymous_visitor_who_tries_to_record_a_draw_is_asked_for_a_token(api, db):
    response = api.post(LIST_URL, new_draw(), format="json")
    assert (response.status_code, response["WWW-Authenticate"]) == (401, "Token")


def test_a_bad_token_is_refused_as_unauthenticated(api, db):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.post(LIST_URL, new_draw(), format="json").status_code == 401


@pytest.mark.parametrize("path", ["/api/v1/draws/", "/api/v1/draws/{number}/"])
def test_the_schema_documents_reading_draws_as_public(api, db, path):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    assert {} in schema["paths"][path]["get"]["security"]


def test_the_schema_still_documents_recording_a_draw_as_needing_sign_in(api, db):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    assert {} not in schema["paths"]["/api/v1/draws/"]["post"]["security"]


def test_the_schema_types_the_draws_year_filter_as_an_integer(api):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    parameters = schema["paths"]["/api/v1/draws/"]["get"]["parameters"]
    year = next(p for p in parameters if p["name"] == "year")
    assert year["schema"]["type"] == "integer"
