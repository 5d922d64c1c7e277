"""Staff edit client files in the admin; a save there re-scores the file like any other write."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from profiles.models import Client, LanguageTestResult
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_staff_edit_in_the_admin_re_scores_the_client(client, staff_user, firm_a):
    file = ClientFactory(firm=firm_a, current_crs=None)
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file.pk])
    assert client.get(url).status_code == 200
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"firm": firm_a.pk, "birth_date": "1990-01-01", "first_name": "Zed"})
    for prefix in ("credentials", "language_results", "work_periods"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    file.refresh_from_db()
    assert file.first_name == "Zed" and file.current_crs is not None
    assert Client.history.filter(id=file.pk).latest().history_user == staff_user


def test_client_history_page_opens_for_staff(client, staff_user, firm_a):
    file = ClientFactory(firm=firm_a)
    client.force_login(staff_user)
    assert client.get(reverse("admin:profiles_client_history", args=[file.pk])).status_code == 200


def test_client_admin_has_no_view_on_site_link(client, staff_user, firm_a):
    # The client pages are for the firm's consultants: the link was a 404 for staff.
    file = ClientFactory(firm=firm_a)
    client.force_login(staff_user)
    response = client.get(reverse("admin:profiles_client_change", args=[file.pk]))
    assert b"View on site" not in response.content


def test_saving_a_client_in_the_admin_keeps_the_exact_submission_time(client, staff_user, firm_a):
    submitted = datetime(2026, 2, 18, 18, 7, 42, 123456, tzinfo=UTC)
    file = ClientFactory(firm=firm_a, profile_submitted_at=submitted)
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for bound in form:  # what the browser sends back for the page as rendered
        html = bound.as_widget()
        for name, value in re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', html):
            data[name] = value
        for name in re.findall(r'name="([^"]+)"[^>]*checked', html):
            data[name] = "on"
        for name, value in re.findall(
            r'name="([^"]+)".*?<option value="([^"]*)" selected', html, re.S
        ):
            data[name] = value
    data["phone"] = "+1 613 555 0199"
    for prefix in ("credentials", "language_results", "work_periods"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    file.refresh_from_db()
    assert file.phone == "+1 613 555 0199"
    assert file.profile_submitted_at == submitted


def _change_form_data(client, url, firm, **changes) -> dict:
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"firm": firm.pk, "birth_date": "1990-01-01", **changes})
    for prefix in ("credentials", "language_results", "work_periods"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return data


SPOUSE_RESULT = {
    "language_results-TOTAL_FORMS": 1,
    "language_results-0-person": "spouse",
    "language_results-0-test": "celpip",
    "language_results-0-listening": 9,
    "language_results-0-reading": 9,
    "language_results-0-writing": 9,
    "language_results-0-speaking": 9,
    "language_results-0-test_date": "2026-01-10",
}


def test_the_admin_refuses_spouse_facts_for_a_client_without_a_partner(client, staff_user, firm_a):
    file = ClientFactory(firm=firm_a, marital_status="never_married")
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file.pk])
    response = client.post(url, {**_change_form_data(client, url, firm_a), **SPOUSE_RESULT})
    assert response.status_code == 200
    (errors,) = response.context["inline_admin_formsets"][1].formset.errors
    assert "married or common-law" in str(errors["person"])
    assert not LanguageTestResult.objects.exists()


def test_the_admin_takes_spouse_facts_in_the_save_that_records_the_marriage(
    client, staff_user, firm_a
):
    file = ClientFactory(firm=firm_a, marital_status="never_married")
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file.pk])
    data = _change_form_data(client, url, firm_a, marital_status="married")
    response = client.post(url, {**data, **SPOUSE_RESULT})
    assert response.status_code == 302
    assert LanguageTestResult.objects.get(client=file).person == "spouse"


def test_deleting_a_client_in_the_admin_removes_their_portal_login(client, staff_user, firm_a):
    file = ClientFactory(firm=firm_a, with_login=True)
    login = file.user
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_delete", args=[file.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Client.objects.exists()
    assert not User.objects.filter(pk=login.pk).exists()


def test_deleting_clients_from_the_admin_list_removes_their_portal_logins(
    client, staff_user, firm_a
):
    files = [ClientFactory(firm=firm_a, with_login=True) for _ in range(2)]
    logins = [file.user_id for file in files]
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:profiles_client_changelist"),
        {"action": "delete_selected", "_selected_action": [f.pk for f in files], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Client.objects.exists()
    assert not User.objects.filter(pk__in=logins).exists()


def test_a_file_added_in_the_admin_goes_to_the_firm_administrator_as_a_lead(
    client, staff_user, firm_a, firm_a_admin
):
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_add")
    data = {
        "firm": firm_a.pk, "first_name": "Ana", "last_name": "Costa", "birth_date": "1990-01-01",
        "marital_status": "never_married", "first_official_language": "best", "job_offer": "none",
        "spouse_accompanying": "on", "dependent_children": 0,
    }  # fmt: skip
    for prefix in ("credentials", "language_results", "work_periods"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    file = Client.objects.get(last_name="Costa")
    assert (file.consultant, file.stage) == (firm_a_admin, "lead")
    assert file.stage_changes.get().changed_by == staff_user
