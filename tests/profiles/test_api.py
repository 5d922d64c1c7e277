"""Writes through /api/v1/clients/ and /api/v1/me/, and their place in the OpenAPI schema."""

import pytest
from django.urls import reverse

from profiles.models import Client

pytestmark = pytest.mark.django_db

NEW_CLIENT = {
    "first_name": "Kenji",
    "last_name": "Sato",
    "birth_date": "1997-08-20",
    "credentials": [{"level": "bachelors", "in_canada": True, "length_years": 4,
                     "completed_on": "2019-05-31"}],
    "language_results": [{"test": "ielts", "listening": 8, "reading": 7, "writing": 7,
                          "speaking": 7, "test_date": "2026-03-01"}],
    "work_periods": [{"noc": "21232", "start": "2021-06-01", "hours_per_week": 40,
                      "in_canada": True}],
}  # fmt: skip


def _create(client, consultant, payload=NEW_CLIENT):
    client.force_login(consultant)
    return client.post(reverse("api-client-list"), payload, content_type="application/json")


def test_consultant_creates_a_scored_client_with_facts(client, firm_a_consultant):
    response = _create(client, firm_a_consultant)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["current_crs"] > 0
    assert body["work_periods"][0]["teer"] == 1
    created = Client.objects.get(public_id=body["id"])
    assert created.firm == firm_a_consultant.membership.firm
    assert created.history.get().history_user == firm_a_consultant


def test_bad_nested_fact_is_a_400_naming_the_list_and_item(client, firm_a_consultant):
    bad = {**NEW_CLIENT, "work_periods": [{"noc": "00000", "start": "2021-06-01"}]}
    response = _create(client, firm_a_consultant, bad)
    assert response.status_code == 400
    assert list(response.json()["work_periods"]["0"]) == ["noc"]
    assert not Client.objects.exists()


def _second_result(**change) -> dict:
    good = NEW_CLIENT["language_results"][0]
    return {**NEW_CLIENT, "language_results": [good, {**good, **change}]}


def test_nested_errors_have_one_shape_whichever_layer_finds_them(client, firm_a_consultant):
    # "x" fails the serializer's number field; 9.5 passes it and fails the model (IELTS tops
    # out at 9). Both come back as {list: {index: {field: [messages]}}}.
    not_a_number = _create(client, firm_a_consultant, _second_result(listening="x")).json()
    out_of_range = _create(client, firm_a_consultant, _second_result(listening=9.5)).json()
    assert list(not_a_number) == list(out_of_range) == ["language_results"]
    assert list(not_a_number["language_results"]["1"]) == ["listening"]
    assert list(out_of_range["language_results"]["1"]) == ["listening"]
    assert isinstance(out_of_range["language_results"]["1"]["listening"], list)


def test_missing_required_fields_are_field_errors(client, firm_a_consultant):
    response = _create(client, firm_a_consultant, {"first_name": "A"})
    assert response.status_code == 400
    assert {"last_name", "birth_date"} <= set(response.json())


def test_patch_changes_fields_and_replaces_a_list(client, firm_a_consultant):
    created = _create(client, firm_a_consultant).json()
    url = reverse("api-client-detail", args=[created["id"]])
    change = {"phone": "+1 604 555 0100", "language_results": []}
    response = client.patch(url, change, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert response.json()["phone"] == "+1 604 555 0100"
    assert response.json()["language_results"] == []
    assert response.json()["current_crs"] < created["current_crs"]


def test_me_patch_updates_allowed_contact_details_and_notifications(client, firm_a_client):
    Client.objects.filter(user=firm_a_client).update(contact_updates_allowed=True)
    client.force_login(firm_a_client)
    response = client.patch(
        reverse("api-me"),
        {"phone": "+1 555", "notifications_opt_in": True},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["client"]["phone"] == "+1 555"
    assert response.json()["client"]["notifications_opt_in"] is True


def test_me_may_opt_in_to_notifications_without_contact_rights(client, firm_a_client):
    client.force_login(firm_a_client)
    response = client.patch(
        reverse("api-me"), {"notifications_opt_in": True}, content_type="application/json"
    )
    assert response.status_code == 200


def test_me_patch_of_a_read_only_field_is_a_400_naming_it(client, firm_a_client):
    Client.objects.filter(user=firm_a_client).update(contact_updates_allowed=True)
    client.force_login(firm_a_client)
    response = client.patch(
        reverse("api-me"),
        {"first_name": "Zed", "birth_date": "1990-01-01", "phone": "+1 555"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"first_name", "birth_date"}
    assert Client.objects.get(user=firm_a_client).phone != "+1 555"  # nothing changed


def test_schema_lists_the_client_endpoints(client, db):
    schema = client.get(reverse("api-schema")).content.decode()
    assert "/api/v1/clients/{id}/" in schema and "/api/v1/me/" in schema


def test_me_gives_one_score_even_when_the_stored_one_is_out_of_date(client, firm_a_client):
    # The nightly refresh has not run since a birthday, say: the stored copy lags.
    Client.objects.filter(user=firm_a_client).update(current_crs=1, eligible_for=" fsw ")
    client.force_login(firm_a_client)
    body = client.get(reverse("api-me")).json()
    assert body["client"]["current_crs"] == body["score"]["total"] != 1
    assert body["client"]["crs_computed_on"] == body["score"]["as_of"]
    assert "fsw" not in body["client"]["eligible_for"]  # the stored copy's, not today's


def test_me_does_not_compute_the_coming_dates_it_does_not_return(
    client, firm_a_client, monkeypatch
):
    def fail(*args, **kwargs):
        raise AssertionError("coming dates computed for /api/v1/me/")

    monkeypatch.setattr("profiles.candidates.assessment.coming_dates", fail)
    client.force_login(firm_a_client)
    assert client.get(reverse("api-me")).status_code == 200


def test_me_reads_the_file_once(client, firm_a_client, django_assert_num_queries):
    client.force_login(firm_a_client)
    # user (the session comes from Redis), membership (roles), client file (roles), the file, then
    # one prefetch each: credentials, language results, work periods (the score is built from them)
    with django_assert_num_queries(7):
        assert client.get(reverse("api-me")).status_code == 200


def test_the_schema_says_which_score_is_stored_and_which_is_today_s(client, db):
    schemas = client.get(reverse("api-schema"), {"format": "json"}).json()["components"]
    stored = schemas["schemas"]["Client"]["properties"]["current_crs"]["description"]
    today = schemas["schemas"]["OwnFile"]["properties"]["current_crs"]["description"]
    assert stored == "The CRS as stored on crs_computed_on."
    assert today == "Today's CRS: score.total."
