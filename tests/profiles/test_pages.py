"""The consultant's pages and the client portal: forms, inline errors, what each page shows."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from profiles.models import Client, LanguageTestResult
from tests.factories import ClientFactory, LanguageResultFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_a(firm_a):
    client = ClientFactory(firm=firm_a, email="ada@example.com")
    LanguageResultFactory(client=client)
    WorkPeriodFactory(client=client)
    return client


def test_consultant_creates_a_client_and_lands_on_the_scored_file(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    data = {"first_name": "Ines", "last_name": "Costa", "birth_date": "1995-02-03",
            "marital_status": "never_married", "first_official_language": "best",
            "job_offer": "none"}  # fmt: skip
    response = client.post(reverse("profiles:client_create"), data, follow=True)
    created = Client.objects.get(last_name="Costa")
    assert response.redirect_chain[-1][0] == created.get_absolute_url()
    assert created.firm == firm_a_consultant.membership.firm
    assert response.context["assessment"].breakdown.total == created.current_crs


def test_bad_client_form_shows_field_errors(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    data = {"first_name": "", "last_name": "X", "birth_date": "2999-01-01",
            "nominated_on": "2026-01-01", "marital_status": "never_married",
            "first_official_language": "best", "job_offer": "none"}  # fmt: skip
    response = client.post(reverse("profiles:client_create"), data)
    assert response.status_code == 200
    assert {"first_name", "birth_date", "nomination_province"} <= set(
        response.context["form"].errors
    )
    assert not Client.objects.exists()


def test_fact_form_rejects_an_unknown_noc_code_inline(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:fact_create", args=[file_a.public_id, "work"])
    data = {"person": "principal", "noc": "12345", "start": "2020-01-01", "hours_per_week": 40}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "noc" in response.context["form"].errors


def test_fact_form_rejects_impossible_test_scores_inline(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:fact_create", args=[file_a.public_id, "languages"])
    data = {"person": "principal", "test": "ielts", "listening": 9.5, "reading": 7,
            "writing": 7, "speaking": 7, "test_date": "2026-01-01"}  # fmt: skip
    response = client.post(url, data)
    assert "listening" in response.context["form"].errors


def test_spouse_fact_for_a_single_client_is_refused_with_a_visible_error(
    client, firm_a_consultant, file_a
):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:fact_create", args=[file_a.public_id, "languages"])
    data = {"person": "spouse", "test": "celpip", "listening": 9, "reading": 9,
            "writing": 9, "speaking": 9, "test_date": "2026-01-01"}  # fmt: skip
    response = client.post(url, data)
    # "Whose" is hidden for a client without a partner, so the error goes on top of the form.
    assert "Set the marital status" in " ".join(response.context["form"].non_field_errors())


def test_adding_a_fact_re_scores_the_file(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:fact_create", args=[file_a.public_id, "credentials"])
    data = {"person": "principal", "level": "masters", "in_canada": "on", "length_years": 2,
            "completed_on": "2020-06-01"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    file_a.refresh_from_db()
    assert file_a.current_crs is not None and file_a.crs_computed_on == date.today()


def test_editing_and_deleting_a_fact(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    fact = file_a.language_results.get()
    edit = reverse("profiles:fact_edit", args=[file_a.public_id, "languages", fact.public_id])
    data = {"person": "principal", "test": "celpip", "listening": 10, "reading": 10,
            "writing": 10, "speaking": 10, "test_date": fact.test_date.isoformat()}  # fmt: skip
    assert client.post(edit, data).status_code == 302
    fact.refresh_from_db()
    assert fact.listening == 10
    delete = reverse("profiles:fact_delete", args=[file_a.public_id, "languages", fact.public_id])
    assert client.post(delete).status_code == 302
    assert not LanguageTestResult.objects.exists()


def test_unknown_kind_of_fact_is_a_404(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:fact_create", args=[file_a.public_id, "pets"])
    assert client.get(url).status_code == 404


def test_client_page_shows_score_eligibility_advice_events_standing_and_history(
    client, firm_a_consultant, file_a
):
    client.force_login(firm_a_consultant)
    response = client.get(file_a.get_absolute_url())
    for text in (
        "today, factor by factor",
        "Eligibility",
        "What would raise the score",
        "Coming dates",
        "Standing in each draw",
        "History of this file",
        "Canadian Experience Class",
    ):
        assert text in response.content.decode(), text  # fmt: skip


def test_deleting_a_client_asks_first(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_delete", args=[file_a.public_id])
    assert b"Delete the file" in client.get(url).content
    assert client.post(url).status_code == 302
    assert not Client.objects.exists()


def test_invite_button_emails_the_client(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    client.post(reverse("profiles:client_invite", args=[file_a.public_id]))
    assert mail.outbox[0].to == ["ada@example.com"]
    assert "/welcome/" in mail.outbox[0].body


def test_portal_shows_the_same_score_as_the_consultants_page(client, firm_a, firm_a_client):
    LanguageResultFactory(client=firm_a_client.client_file)
    client.force_login(firm_a_client)
    portal = client.get(reverse("profiles:portal"))
    assert b"Standing in each draw" in portal.content
    assert b"Edit" not in portal.content  # read-only
    consultant_view = portal.context["assessment"].breakdown.total
    assert f'data-testid="crs-total">{consultant_view}<'.encode() in portal.content


def test_client_updates_contact_details_when_allowed(client, firm_a_client):
    Client.objects.filter(user=firm_a_client).update(contact_updates_allowed=True)
    client.force_login(firm_a_client)
    url = reverse("profiles:portal_contact")
    response = client.post(url, {"email": "not-an-email", "phone": "", "address": ""})
    assert "email" in response.context["form"].errors
    client.post(url, {"email": "me@example.com", "phone": "+1 555", "address": "1 Main St"})
    assert Client.objects.get(user=firm_a_client).phone == "+1 555"


def test_client_opts_in_to_notifications(client, firm_a_client):
    client.force_login(firm_a_client)
    client.post(reverse("profiles:portal_notifications"), {"notifications_opt_in": "on"})
    assert Client.objects.get(user=firm_a_client).notifications_opt_in


def test_expired_invitation_link_says_so(client, firm_a_client):
    response = client.get(reverse("profiles:welcome", args=["MQ", "bad-token"]))
    assert b"expired or was already used" in response.content


def test_list_shows_profile_expiry(client, firm_a, firm_a_consultant):
    ClientFactory(firm=firm_a, profile_submitted_at=timezone.now() - timedelta(days=10))
    client.force_login(firm_a_consultant)
    assert b"no profile" not in client.get(reverse("profiles:client_list")).content
