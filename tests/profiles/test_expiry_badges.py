"""Expired means visible everywhere (issue 11): badges on the list and the client page, and the
list filters for expired, expiring and valid, for the profile, language results and ECAs."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ClientFactory
from tests.profiles.dashboard_files import expired_profile, expiring_profile, submitted

pytestmark = pytest.mark.django_db


def test_the_list_shows_an_expired_profile_in_red_words(client, firm_a, firm_a_consultant):
    expired_profile(firm_a, firm_a_consultant)
    client.force_login(firm_a_consultant)
    page = client.get(reverse("profiles:client_list")).content.decode()
    assert 'class="badge text-bg-danger" data-status="expired">Profile expired' in page


def test_the_client_page_shows_each_expiry_with_its_status(client, firm_a, firm_a_consultant):
    today = timezone.localdate()
    file = ClientFactory(
        firm=firm_a, profile_submitted_at=submitted(30),
        language_expires_on=today - timedelta(days=3), eca_expires_on=today + timedelta(days=20),
    )  # fmt: skip
    client.force_login(firm_a_consultant)
    page = client.get(file.get_absolute_url()).content.decode()
    assert 'data-status="valid">Profile valid until' in page
    assert 'data-status="expired">Language results expired' in page
    assert 'data-status="expiring">ECA expires' in page


@pytest.mark.parametrize(
    ("status", "expected"),
    [("expired", ["Gone"]), ("expiring", ["Soon"]), ("valid", ["Fresh"])],
)
def test_the_profile_status_filter(client, firm_a, firm_a_consultant, status, expected):
    expired_profile(firm_a, firm_a_consultant, last_name="Gone")
    expiring_profile(firm_a, firm_a_consultant, 30, last_name="Soon")
    expiring_profile(firm_a, firm_a_consultant, 200, last_name="Fresh")
    ClientFactory(firm=firm_a, last_name="Never")
    client.force_login(firm_a_consultant)
    body = client.get(reverse("api-client-list"), {"profile_status": status}).json()
    assert [row["last_name"] for row in body["results"]] == expected


@pytest.mark.parametrize("what", ["language", "eca"])
@pytest.mark.parametrize(
    ("status", "expected"),
    [("expired", ["Gone"]), ("expiring", ["Soon"]), ("valid", ["Fresh"])],
)
def test_the_language_and_eca_status_filters(
    client, firm_a, firm_a_consultant, what, status, expected
):
    today = timezone.localdate()
    for name, days in (("Gone", -1), ("Soon", 60), ("Fresh", 300)):
        ClientFactory(
            firm=firm_a, last_name=name, **{f"{what}_expires_on": today + timedelta(days=days)}
        )
    ClientFactory(firm=firm_a, last_name="Nothing")
    client.force_login(firm_a_consultant)
    body = client.get(reverse("api-client-list"), {f"{what}_status": status}).json()
    assert [row["last_name"] for row in body["results"]] == expected


def test_a_bad_status_is_a_filter_error_not_a_500(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    assert client.get(reverse("api-client-list"), {"profile_status": "soonish"}).status_code == 400
    page = client.get(reverse("profiles:client_list"), {"profile_status": "soonish"})
    assert page.status_code == 200 and "Some filters were ignored" in page.content.decode()
