"""What the client pages and the portal say: words for people, times in the site's time zone."""

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from profiles import services
from profiles.models import Client
from profiles.selectors import client_history
from tests.factories import ClientFactory, CredentialFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def expired_results(firm_a):
    """A client whose only language result is more than 2 years old (crs-rules.md §9)."""
    client = ClientFactory(firm=firm_a, with_login=True)
    LanguageResultFactory(client=client, test_date=date(2024, 1, 10))
    return client


def test_client_page_names_expired_results_in_words(client, firm_a_consultant, expired_results):
    client.force_login(firm_a_consultant)
    html = client.get(expired_results.get_absolute_url()).content.decode()
    assert "first_language" not in html
    assert "first official language result" in html


def test_portal_names_expired_results_in_words(client, expired_results):
    client.force_login(expired_results.user)
    html = client.get(reverse("profiles:portal")).content.decode()
    assert "first_language" not in html
    assert "first official language result" in html


def test_education_line_says_when_an_expired_eca_is_why_it_counts_for_nothing(
    client, firm_a_consultant, firm_a
):
    file = ClientFactory(firm=firm_a)
    CredentialFactory(client=file, level="masters", in_canada=False, eca_date=date(2020, 3, 1))
    client.force_login(firm_a_consultant)
    sections = client.get(file.get_absolute_url()).context["assessment"].sections
    education = next(line for s in sections for line in s.lines if line.factor == "education")
    assert education.detail.startswith("Less than secondary school")
    assert "ECA for the Master's" in education.detail
    assert "expired on 2025-03-01" in education.detail


def test_no_job_offer_is_written_like_the_other_empty_facts(client, firm_a_consultant, firm_a):
    file = ClientFactory(firm=firm_a)
    client.force_login(firm_a_consultant)
    html = client.get(file.get_absolute_url()).content.decode()
    assert re.search(r"Job offer</dt><dd[^>]*>none</dd>", html)


def test_history_shows_a_changed_submission_time_in_eastern_time(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    moment = datetime(2026, 2, 18, 18, 7, 42, tzinfo=UTC)
    services.update_client(client=file, by=firm_a_consultant, data={"profile_submitted_at": moment})
    change = next(change for change in client_history(client=file) if change.what == "Client file")
    assert ("Express Entry profile submitted at", "—", "2026-02-18 13:07:42 EST") in change.changes


def test_contact_update_help_names_what_the_portal_lets_the_client_change():
    help_text = Client._meta.get_field("contact_updates_allowed").help_text
    assert "change their e-mail, phone and address" in help_text
    assert "their name," not in help_text


def test_switching_to_single_says_the_spouse_facts_are_kept_but_not_counted(
    client, firm_a_consultant, firm_a
):
    file = ClientFactory(firm=firm_a, marital_status="married")
    LanguageResultFactory(client=file, person="spouse")
    services.update_client(
        client=file, by=firm_a_consultant, data={"marital_status": "never_married"}
    )
    client.force_login(firm_a_consultant)
    html = client.get(file.get_absolute_url()).content.decode()
    assert "kept in the file but not counted: the marital status is never married" in html


def test_a_married_client_gets_no_spouse_notice(client, firm_a_consultant, firm_a):
    file = ClientFactory(firm=firm_a, marital_status="married")
    LanguageResultFactory(client=file, person="spouse")
    client.force_login(firm_a_consultant)
    assert "not counted" not in client.get(file.get_absolute_url()).content.decode()


def test_long_names_break_instead_of_widening_the_client_page(client, firm_a_consultant, firm_a):
    file = ClientFactory(firm=firm_a, first_name="A" * 100)
    client.force_login(firm_a_consultant)
    for url in (file.get_absolute_url(), reverse("profiles:client_edit", args=[file.public_id])):
        heading = re.search(r"<h1[^>]*>", client.get(url).content.decode()).group()
        assert "text-break" in heading, url
