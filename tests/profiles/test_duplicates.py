"""A new file with the e-mail, or the name and birth date, of a file of the same firm is flagged:
the form asks to confirm, the API asks for confirm_duplicate, the import skips the row and names
it. Another firm's files are never compared, so never named."""

import datetime as dt

import pytest
from django.urls import reverse

from profiles.duplicates import Newcomer, matches_in_firm, name_key
from profiles.models import Client
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db
NEW = reverse("profiles:client_create")
API = reverse("api-client-list")
FORM = {"first_name": "Chloé", "last_name": "Garcia", "birth_date": "1994-03-02",
        "marital_status": "never_married", "first_official_language": "best",
        "job_offer": "none", "email": "chloe@example.com"}  # fmt: skip


@pytest.fixture
def garcia(firm_a):
    return ClientFactory(
        firm=firm_a, first_name="Chloé", last_name="Garcia", email="chloe@example.com",
        birth_date=dt.date(1994, 3, 2),
    )  # fmt: skip


def post(client, consultant, **changes):
    client.force_login(consultant)
    return client.post(NEW, {**FORM, **changes})


def test_a_new_client_with_the_email_of_a_firm_file_is_not_saved_but_asks_to_confirm(
    client, firm_a_consultant, garcia
):
    response = post(client, firm_a_consultant, first_name="Ana", email="CHLOE@example.com ")
    page = response.content.decode()
    assert response.status_code == 200
    assert Client.objects.count() == 1
    assert f'href="{garcia.get_absolute_url()}"' in page and "(same e-mail)" in page
    assert 'name="confirm_duplicate"' in page


def test_the_same_name_and_birth_date_is_a_duplicate_whatever_the_case_and_accents(
    client, firm_a_consultant, garcia
):
    response = post(client, firm_a_consultant, first_name="CHLOE", last_name="garcia", email="")
    assert "(same name and birth date)" in response.content.decode()
    assert Client.objects.count() == 1


def test_the_same_name_with_another_birth_date_is_not_a_duplicate(
    client, firm_a_consultant, garcia
):
    post(client, firm_a_consultant, email="", birth_date="1995-03-02")
    assert Client.objects.count() == 2


def test_ticking_the_box_creates_the_duplicate(client, firm_a_consultant, garcia):
    response = post(client, firm_a_consultant, confirm_duplicate="on")
    assert response.status_code == 302
    assert Client.objects.filter(last_name="Garcia").count() == 2


def test_the_box_is_not_offered_before_a_duplicate_is_found(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    assert 'name="confirm_duplicate"' not in client.get(NEW).content.decode()


def test_another_firms_file_with_the_same_email_is_neither_a_duplicate_nor_named(
    client, firm_b, firm_a_consultant
):
    ClientFactory(firm=firm_b, first_name="Secret", last_name="Other", email="chloe@example.com")
    response = post(client, firm_a_consultant)
    assert response.status_code == 302
    follow = client.get(response.url).content.decode()
    assert "Secret" not in follow and "Other" not in follow


def test_the_api_refuses_a_duplicate_naming_the_firms_file(client, firm_a_consultant, garcia):
    client.force_login(firm_a_consultant)
    payload = {"first_name": "Chloé", "last_name": "Garcia", "birth_date": "1994-03-02"}
    response = client.post(API, payload, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["duplicates"] == [
        {"id": str(garcia.public_id), "name": "Garcia, Chloé", "matched_on": "name and birth date"}
    ]
    assert "confirm_duplicate: true" in body["confirm_duplicate"][0]


def test_the_api_creates_a_duplicate_with_confirm_duplicate(client, firm_a_consultant, garcia):
    client.force_login(firm_a_consultant)
    payload = {"first_name": "Chloé", "last_name": "Garcia", "birth_date": "1994-03-02",
               "confirm_duplicate": True}  # fmt: skip
    response = client.post(API, payload, content_type="application/json")
    assert response.status_code == 201
    assert "confirm_duplicate" not in response.json()


def test_the_api_does_not_compare_another_firms_files(client, firm_b, firm_a_consultant):
    ClientFactory(firm=firm_b, first_name="Chloé", last_name="Garcia",
                  birth_date=dt.date(1994, 3, 2))  # fmt: skip
    client.force_login(firm_a_consultant)
    payload = {"first_name": "Chloé", "last_name": "Garcia", "birth_date": "1994-03-02"}
    assert client.post(API, payload, content_type="application/json").status_code == 201


def test_an_edit_is_not_asked_to_confirm(client, firm_a_consultant, garcia):
    other = ClientFactory(firm=garcia.firm, first_name="Ana", last_name="Lima")
    client.force_login(firm_a_consultant)
    url = reverse("api-client-detail", kwargs={"id": other.public_id})
    payload = {"email": "chloe@example.com"}
    assert client.patch(url, payload, content_type="application/json").status_code == 200


def test_names_compare_without_case_accents_or_extra_spaces():
    assert name_key("  CHLOÉ ", "García  Núñez") == name_key("chloe", "garcia nunez")


@pytest.mark.parametrize("count", [3, 30])
def test_a_whole_file_of_newcomers_is_checked_in_one_query(
    firm_a, garcia, django_assert_num_queries, count
):
    newcomers = [Newcomer("A", f"B{i}", dt.date(1990, 1, 1), f"{i}@example.com")
                 for i in range(count)]  # fmt: skip
    with django_assert_num_queries(1):  # the firm's files with one of the e-mails or birth dates
        found = matches_in_firm(firm=firm_a, newcomers=[*newcomers, Newcomer.of(garcia)])
    assert [len(matches) for matches in found] == [0] * count + [1]
