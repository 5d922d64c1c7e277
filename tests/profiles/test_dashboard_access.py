"""Another firm's files never reach a dashboard, its counts, the list's new filters or the API
(issue 11, "Must hold"), tested with the three actors: firm A's consultant, firm B's
consultant, firm A's client (DESIGN.md §9.3)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ClientFactory, DrawFactory, KeyDateFactory, StandingFactory
from tests.profiles.dashboard_files import expired_profile, expiring_profile, invited

pytestmark = pytest.mark.django_db
SECRET = "Zyxwvut"


@pytest.fixture
def firm_a_files(firm_a, firm_a_consultant):
    """Firm A's files in every dashboard section, all named ``SECRET``."""
    mine = {"last_name": SECRET}
    expired_profile(firm_a, firm_a_consultant, **mine)
    expiring_profile(firm_a, firm_a_consultant, 20, **mine)
    invited(firm_a, firm_a_consultant, days_ago=70, **mine)
    file = ClientFactory(firm=firm_a, consultant=firm_a_consultant, stage="lead", **mine)
    KeyDateFactory(client=file)
    KeyDateFactory(
        client=file, kind="birthday", on=timezone.localdate() + timedelta(days=9), points=5
    )
    StandingFactory(draw=DrawFactory(), client=file)
    return file


def test_firm_a_consultant_sees_their_files_in_every_file_section(
    client, firm_a_consultant, firm_a_files
):
    client.force_login(firm_a_consultant)
    body = client.get(reverse("api-dashboard")).json()
    totals = {section["key"]: section["total"] for section in body["sections"]}
    assert totals == {
        "expired-profiles": 1, "expiring-profiles": 1, "expired-facts": 1, "expiring-facts": 0,
        "ita-deadlines": 1, "birthdays": 1, "documents": 0, "latest-draws": 1,
        "eligibility-changes": 0,
    }  # fmt: skip


@pytest.mark.parametrize("files", ["mine", "firm"])
def test_another_firms_consultant_sees_none_of_them_on_the_page(
    client, firm_b_consultant, firm_a_files, files
):
    client.force_login(firm_b_consultant)
    response = client.get(reverse("profiles:dashboard"), {"files": files})
    assert response.status_code == 200 and SECRET not in response.content.decode()
    assert all(section.total == 0 for section in response.context["board"].sections)
    summary = [count.value for s in response.context["board"].sections for count in s.summary]
    assert set(summary) == {0}


@pytest.mark.parametrize("files", ["mine", "firm"])
def test_another_firms_consultant_sees_none_of_them_in_the_api(
    client, firm_b_consultant, firm_a_files, files
):
    client.force_login(firm_b_consultant)
    body = client.get(reverse("api-dashboard"), {"files": files}).json()
    assert SECRET not in str(body)
    assert [section["total"] for section in body["sections"]] == [0] * 9


def test_a_client_has_no_dashboard(client, firm_a_client, firm_a_files):
    client.force_login(firm_a_client)
    assert client.get(reverse("profiles:dashboard")).status_code == 404
    assert client.get(reverse("api-dashboard")).status_code == 403


def test_staff_have_no_dashboard(client, staff_user, firm_a_files):
    client.force_login(staff_user)
    assert client.get(reverse("profiles:dashboard")).status_code == 404
    assert client.get(reverse("api-dashboard")).status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in_for_the_dashboard(client, firm_a_files):
    response = client.get(reverse("profiles:dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.get(reverse("api-dashboard")).status_code == 401


@pytest.mark.parametrize(
    "filters",
    [
        {"profile_status": "expired"},
        {"profile_status": "expiring"},
        {"language_status": "expired"},
        {"stage": "ita_received"},
        {"archived": "true"},
        {"mine": "true"},
    ],
)
def test_the_new_list_filters_never_return_another_firms_files(
    client, firm_a_consultant, firm_b_consultant, firm_a_files, filters
):
    client.force_login(firm_b_consultant)
    assert client.get(reverse("api-client-list"), filters).json()["results"] == []
    page = client.get(reverse("profiles:client_list"), filters)
    assert page.status_code == 200 and SECRET not in page.content.decode()


def test_the_client_list_filters_find_firm_as_files_for_firm_a(
    client, firm_a_consultant, firm_a_files
):
    client.force_login(firm_a_consultant)
    api = reverse("api-client-list")
    assert client.get(api, {"profile_status": "expired"}).json()["count"] == 1
    assert client.get(api, {"stage": "ita_received"}).json()["count"] == 1
    assert client.get(api, {"mine": "true"}).json()["count"] == 4
