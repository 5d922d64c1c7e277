"""One validation per save, and its errors on the field they are about, whichever way the file
is written: the consultant's forms, the portal, the admin and the API (DESIGN.md §9.12).

The consultant's and the portal's forms only parse; the service they call runs ``full_clean``
once, as it does for the API, and the view puts its errors back on the fields (a form with
errors of its own never reaches the service, and finds the model's itself, to show them all at
once: ``test_pages.test_bad_client_form_shows_field_errors``). The admin writes with Django's
own ModelForm validation, once.
"""

import re
from collections import Counter

import pytest
from django.db.models import Model
from django.urls import reverse

from profiles.models import Client, LanguageTestResult, WorkPeriod
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

NO_PROFILE = "An invitation needs a submitted profile."


@pytest.fixture
def full_cleans(monkeypatch) -> Counter:
    """``full_clean`` calls by model name, from here on."""
    calls: Counter = Counter()
    original = Model.full_clean

    def counted(self, *args, **kwargs):
        calls[type(self).__name__] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Model, "full_clean", counted)
    return calls


@pytest.fixture
def file_a(firm_a):
    return ClientFactory(firm=firm_a, first_name="Amara", last_name="Okafor")


def _client_form_data(file: Client, **changes) -> dict:
    data = {
        "first_name": file.first_name, "last_name": file.last_name, "email": file.email,
        "birth_date": file.birth_date.isoformat(), "marital_status": file.marital_status,
        "first_official_language": file.first_official_language, "job_offer": file.job_offer,
    }  # fmt: skip
    return {**data, **changes}


def _shown_on_field(html: str, name: str, message: str) -> bool:
    """The field's input is marked invalid and the message is on the page."""
    field = re.search(rf'<(input|select|textarea)[^>]*name="{name}"[^>]*>', html)
    return field is not None and "is-invalid" in field.group() and message in html


def _edit_client(client, consultant, file, **changes):
    client.force_login(consultant)
    url = reverse("profiles:client_edit", args=[file.public_id])
    return client.post(url, _client_form_data(file, **changes))


def _add_fact(client, consultant, file, kind, data):
    client.force_login(consultant)
    return client.post(reverse("profiles:fact_create", args=[file.public_id, kind]), data)


RESULT = {"person": "principal", "test": "ielts", "listening": 8, "reading": 7, "writing": 7,
          "speaking": 7, "test_date": "2026-03-01"}  # fmt: skip
JOB = {"person": "principal", "noc": "21232", "start": "2021-06-01", "hours_per_week": 40,
       "in_canada": "on", "authorised": "on"}  # fmt: skip


def test_saving_the_client_form_validates_the_file_once(
    client, firm_a_consultant, file_a, full_cleans
):
    response = _edit_client(client, firm_a_consultant, file_a, phone="+1 613 555 0199")
    assert response.status_code == 302, response.context["form"].errors
    assert full_cleans["Client"] == 1


def test_adding_a_fact_validates_it_once(client, firm_a_consultant, file_a, full_cleans):
    response = _add_fact(client, firm_a_consultant, file_a, "languages", RESULT)
    assert response.status_code == 302, response.context["form"].errors
    assert full_cleans["LanguageTestResult"] == 1


def test_saving_contact_details_in_the_portal_validates_the_file_once(
    client, firm_a_client, full_cleans
):
    Client.objects.filter(user=firm_a_client).update(contact_updates_allowed=True)
    client.force_login(firm_a_client)
    data = {"email": "new@example.com", "phone": "+1 555 0100", "address": ""}
    response = client.post(reverse("profiles:portal_contact"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert full_cleans["Client"] == 1


def test_creating_a_client_through_the_api_validates_each_row_once(
    client, firm_a_consultant, full_cleans
):
    client.force_login(firm_a_consultant)
    result = {name: value for name, value in RESULT.items() if name != "person"}
    payload = {"first_name": "Kenji", "last_name": "Sato", "birth_date": "1997-08-20",
               "language_results": [result]}  # fmt: skip
    response = client.post(reverse("api-client-list"), payload, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert (full_cleans["Client"], full_cleans["LanguageTestResult"]) == (1, 1)


def test_a_rule_of_the_file_broken_in_the_client_form_shows_on_its_field(
    client, firm_a_consultant, file_a
):
    response = _edit_client(client, firm_a_consultant, file_a, ita_received_on="2026-03-01")
    assert response.status_code == 200
    assert response.context["form"].errors["ita_received_on"] == [NO_PROFILE]
    assert _shown_on_field(response.content.decode(), "ita_received_on", NO_PROFILE)
    file_a.refresh_from_db()
    assert file_a.ita_received_on is None


def test_a_score_the_test_does_not_give_shows_on_its_field_in_the_fact_form(
    client, firm_a_consultant, file_a
):
    # 9.5 passes the form's number field and fails the engine: IELTS bands stop at 9.
    response = _add_fact(
        client, firm_a_consultant, file_a, "languages", {**RESULT, "listening": 9.5}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["listening"]
    assert _shown_on_field(response.content.decode(), "listening", errors["listening"][0])
    assert not LanguageTestResult.objects.exists()


def test_a_model_validator_shows_on_its_field_in_the_fact_form(client, firm_a_consultant, file_a):
    response = _add_fact(client, firm_a_consultant, file_a, "work", {**JOB, "hours_per_week": 200})
    assert response.status_code == 200
    (message,) = response.context["form"].errors["hours_per_week"]  # the model's maximum
    assert _shown_on_field(response.content.decode(), "hours_per_week", message)
    assert not WorkPeriod.objects.exists()


def test_an_unknown_noc_shows_on_its_field_in_the_fact_form(client, firm_a_consultant, file_a):
    response = _add_fact(client, firm_a_consultant, file_a, "work", {**JOB, "noc": "00000"})
    (message,) = response.context["form"].errors["noc"]
    assert _shown_on_field(response.content.decode(), "noc", message)


def test_a_bad_e_mail_address_shows_on_its_field_in_the_portal(client, firm_a_client):
    Client.objects.filter(user=firm_a_client).update(contact_updates_allowed=True)
    client.force_login(firm_a_client)
    data = {"email": "not an address", "phone": "", "address": ""}
    response = client.post(reverse("profiles:portal_contact"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["email"]
    assert Client.objects.get(user=firm_a_client).email != "not an address"


def _admin_change_data(client, url, firm, **changes) -> dict:
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"firm": firm.pk, "birth_date": "1990-01-01", **changes})
    for prefix in ("credentials", "language_results", "work_periods"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return data


def test_saving_a_client_in_the_admin_validates_the_file_once(
    client, staff_user, firm_a, file_a, full_cleans
):
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file_a.pk])
    data = _admin_change_data(client, url, firm_a, first_name="Zed")
    full_cleans.clear()
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert full_cleans["Client"] == 1


def test_a_rule_of_the_file_broken_in_the_admin_shows_on_its_field(
    client, staff_user, firm_a, file_a
):
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file_a.pk])
    response = client.post(
        url, _admin_change_data(client, url, firm_a, ita_received_on="2026-03-01")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["ita_received_on"] == [NO_PROFILE]
    assert NO_PROFILE in response.content.decode()


def test_a_rule_of_the_file_broken_through_the_api_is_a_400_on_its_field(
    client, firm_a_consultant, file_a
):
    client.force_login(firm_a_consultant)
    url = reverse("api-client-detail", args=[file_a.public_id])
    response = client.patch(url, {"ita_received_on": "2026-03-01"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"ita_received_on": [NO_PROFILE]}
