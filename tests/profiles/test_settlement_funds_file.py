"""Settlement funds and family size on a client file, and the "can't tell" answers they lead to
(issue 12, items 7 and 8): stored, shown, written by form and API, and denied across firms."""

import datetime as dt

import pytest
from django.urls import reverse

from profiles.models import Client
from profiles.services.scores import refresh_scores
from tests import factories

pytestmark = pytest.mark.django_db

SUBMITTED = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)


def abroad_engineer(firm, **fields):
    """A developer with four years abroad, a foreign master's with an ECA, CLB 9: FSW only."""
    client = factories.ClientFactory(firm=firm, profile_submitted_at=SUBMITTED, **fields)
    factories.CredentialFactory(
        client=client, level="masters", in_canada=False, eca_date=dt.date(2024, 1, 10)
    )
    factories.LanguageResultFactory(client=client)
    factories.WorkPeriodFactory(
        client=client, start=dt.date(2021, 1, 4), end=dt.date(2024, 12, 31), in_canada=False
    )
    refresh_scores(clients=[client.pk])
    client.refresh_from_db()
    return client


def test_a_file_without_funds_stores_fsw_as_cant_tell(firm_a):
    client = abroad_engineer(firm_a)
    assert (client.eligible_keys, client.undecided_keys) == ([], ["fsw"])


def test_a_file_with_enough_funds_stores_fsw_as_eligible(firm_a):
    client = abroad_engineer(firm_a, settlement_funds=16_000)
    assert "fsw" in client.eligible_keys and client.undecided_keys == []


def test_family_size_counts_a_partner_not_coming_and_the_children(firm_a):
    client = factories.ClientFactory(
        firm=firm_a, marital_status="married", spouse_accompanying=False, dependent_children=2
    )
    assert client.family_size == 4


def test_the_client_page_says_cant_tell_and_names_the_missing_funds(client, firm_a_consultant):
    file = abroad_engineer(firm_a_consultant.membership.firm)
    client.force_login(firm_a_consultant)
    page = client.get(file.get_absolute_url()).content.decode()
    assert "Can&#x27;t tell" in page or "Can't tell" in page
    assert "No settlement funds recorded: FSW needs $15,263 for one person" in page


def test_the_portal_shows_the_client_the_same_cant_tell(client, firm_a):
    file = abroad_engineer(firm_a, with_login=True)
    client.force_login(file.user)
    page = client.get(reverse("profiles:portal")).content.decode()
    assert "No settlement funds recorded" in page


def test_the_consultant_records_funds_and_children_through_the_api(client, firm_a_consultant):
    file = abroad_engineer(firm_a_consultant.membership.firm)
    client.force_login(firm_a_consultant)
    response = client.patch(
        reverse("api-client-detail", args=[file.public_id]),
        {"settlement_funds": 30_000, "dependent_children": 1},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["settlement_funds"], body["dependent_children"]) == (30_000, 1)
    assert "fsw" in body["eligible_for"] and body["undecided_for"] == []


def test_negative_funds_are_a_field_error_and_change_nothing(client, firm_a_consultant):
    file = abroad_engineer(firm_a_consultant.membership.firm, settlement_funds=5_000)
    client.force_login(firm_a_consultant)
    response = client.patch(
        reverse("api-client-detail", args=[file.public_id]),
        {"settlement_funds": -1},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "settlement_funds" in response.json()
    assert Client.objects.get(pk=file.pk).settlement_funds == 5_000


def test_another_firm_cannot_write_a_file_funds(client, firm_a, firm_b_consultant):
    file = abroad_engineer(firm_a)
    client.force_login(firm_b_consultant)
    response = client.patch(
        reverse("api-client-detail", args=[file.public_id]),
        {"settlement_funds": 1},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert Client.objects.get(pk=file.pk).settlement_funds is None


def test_a_client_cannot_set_their_own_funds_through_the_api(client, firm_a):
    file = abroad_engineer(firm_a, with_login=True)
    client.force_login(file.user)
    response = client.patch(
        reverse("api-me"), {"settlement_funds": 99_999}, content_type="application/json"
    )
    assert response.status_code == 400
    assert Client.objects.get(pk=file.pk).settlement_funds is None


NEW_FILE = {"first_name": "Ana", "last_name": "Lima", "birth_date": "1994-03-02",
            "marital_status": "married", "first_official_language": "best",
            "job_offer": "none", "spouse_accompanying": "on"}  # fmt: skip


def test_the_intake_form_saves_the_funds_and_children(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    data = {**NEW_FILE, "settlement_funds": "25000", "dependent_children": "2"}
    response = client.post(reverse("profiles:client_create"), data)
    assert response.status_code == 302
    saved = Client.objects.get(last_name="Lima")
    assert (saved.settlement_funds, saved.family_size) == (25_000, 4)


def test_the_intake_form_takes_no_children_when_left_blank(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    client.post(reverse("profiles:client_create"), NEW_FILE)
    assert Client.objects.get(last_name="Lima").dependent_children == 0


def test_the_intake_form_refuses_negative_funds_with_a_field_error(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.post(
        reverse("profiles:client_create"), {**NEW_FILE, "settlement_funds": "-5"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["settlement_funds"]
    assert not Client.objects.filter(last_name="Lima").exists()
