"""The client edit form: the profile submission time is the tie-break, so it round-trips exactly."""

import re
from datetime import UTC, datetime

import pytest
from django.forms import CheckboxInput
from django.urls import reverse

from profiles.models import Client
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

# 13:07:42.123456 in Toronto (EST, UTC-5); the API and the CSV import keep microseconds.
SUBMITTED = datetime(2026, 2, 18, 18, 7, 42, 123456, tzinfo=UTC)


@pytest.fixture
def file_a(firm_a):
    return ClientFactory(firm=firm_a, profile_submitted_at=SUBMITTED)


def _edit_page(client, consultant, file):
    client.force_login(consultant)
    return client.get(reverse("profiles:client_edit", args=[file.public_id]))


def _as_posted(form) -> dict:
    """What a browser sends back for the form as rendered, untouched."""
    data = {}
    for bound in form:
        widget, value = bound.field.widget, bound.value()
        if isinstance(widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        else:
            data[bound.html_name] = widget.format_value(value) or ""
    return data


def test_edit_form_shows_the_submission_time_to_the_second_in_eastern_time(
    client, firm_a_consultant, file_a
):
    html = _edit_page(client, firm_a_consultant, file_a).content.decode()
    field = re.search(r'<input[^>]*name="profile_submitted_at"[^>]*>', html).group()
    assert 'value="2026-02-18T13:07:42"' in field
    assert 'step="1"' in field


def test_saving_other_fields_keeps_the_exact_submission_time(client, firm_a_consultant, file_a):
    data = _as_posted(_edit_page(client, firm_a_consultant, file_a).context["form"])
    data["phone"] = "+1 613 555 0199"
    response = client.post(reverse("profiles:client_edit", args=[file_a.public_id]), data)
    assert response.status_code == 302, response.context["form"].errors
    file_a.refresh_from_db()
    assert file_a.phone == "+1 613 555 0199"
    assert file_a.profile_submitted_at == SUBMITTED  # microseconds included


def test_saving_other_fields_records_no_change_of_submission_time(
    client, firm_a_consultant, file_a
):
    data = _as_posted(_edit_page(client, firm_a_consultant, file_a).context["form"])
    data["phone"] = "+1 613 555 0199"
    client.post(reverse("profiles:client_edit", args=[file_a.public_id]), data)
    latest = Client.history.filter(id=file_a.pk).latest()
    assert latest.profile_submitted_at == SUBMITTED


def test_a_submission_time_entered_with_seconds_is_saved_to_the_second(
    client, firm_a_consultant, file_a
):
    data = _as_posted(_edit_page(client, firm_a_consultant, file_a).context["form"])
    data["profile_submitted_at"] = "2026-02-18T13:07:59"
    client.post(reverse("profiles:client_edit", args=[file_a.public_id]), data)
    file_a.refresh_from_db()
    assert file_a.profile_submitted_at == datetime(2026, 2, 18, 18, 7, 59, tzinfo=UTC)
