"""The client list's filters and sorting, shared by the page and the API (profiles/filters.py)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from profiles.dates import add_months
from scoring.language import expiry_date
from tests.factories import ClientFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def _names(client, consultant, **params) -> list[str]:
    client.force_login(consultant)
    page = client.get(reverse("profiles:client_list"), params).context["page"]
    api = client.get(reverse("api-client-list"), params).json()["results"]
    names = [c.last_name for c in page.object_list]
    assert names == [row["last_name"] for row in api]  # one FilterSet for both
    return names


@pytest.fixture
def three(firm_a):
    now = timezone.now()
    ClientFactory(firm=firm_a, last_name="Low", current_crs=380, eligible_for=" fsw ",
                  profile_submitted_at=now - timedelta(days=360))  # fmt: skip
    ClientFactory(firm=firm_a, last_name="Mid", current_crs=470, eligible_for=" cec french ",
                  profile_submitted_at=now - timedelta(days=200))  # fmt: skip
    ClientFactory(firm=firm_a, last_name="High", current_crs=520, eligible_for="")


def test_crs_range_filter(client, firm_a_consultant, three):
    assert _names(client, firm_a_consultant, crs_min=400, crs_max=500) == ["Mid"]


def test_eligibility_filter_matches_programs_and_categories(client, firm_a_consultant, three):
    assert _names(client, firm_a_consultant, eligible="french") == ["Mid"]
    assert _names(client, firm_a_consultant, eligible="fsw") == ["Low"]


def test_profile_expiring_filter_finds_profiles_ending_soon(client, firm_a_consultant, three):
    assert _names(client, firm_a_consultant, profile_expires_within=30) == ["Low"]


def test_a_profile_ending_later_today_is_expired_for_every_filter_as_on_its_badge(
    client, firm_a_consultant, firm_a
):
    # The badges count a profile as expired on its expiry date; the days filter says the same.
    today_end = datetime.combine(timezone.localdate(), time(23, 59, 59), tzinfo=TORONTO)
    ClientFactory(firm=firm_a, last_name="Today", profile_submitted_at=add_months(today_end, -12))
    assert _names(client, firm_a_consultant, profile_expires_within=30) == []
    assert _names(client, firm_a_consultant, profile_status="expiring") == []
    assert _names(client, firm_a_consultant, profile_status="expired") == ["Today"]


def test_language_expiring_filter_finds_results_ending_soon(client, firm_a, firm_a_consultant):
    soon = ClientFactory(firm=firm_a, last_name="Soon")
    LanguageResultFactory(client=soon, test_date=date.today() - timedelta(days=720))
    later = ClientFactory(firm=firm_a, last_name="Later")
    LanguageResultFactory(client=later, test_date=date.today() - timedelta(days=100))
    gone = ClientFactory(firm=firm_a, last_name="Gone")
    LanguageResultFactory(client=gone, test_date=date.today() - timedelta(days=800))
    assert _names(client, firm_a_consultant, language_expires_within=30) == ["Soon"]


def test_search_matches_names_and_email(client, firm_a_consultant, three):
    assert _names(client, firm_a_consultant, q="hig") == ["High"]


def test_sorting_by_crs_descending(client, firm_a_consultant, three):
    assert _names(client, firm_a_consultant, ordering="-crs") == ["High", "Mid", "Low"]


def test_bad_filter_values_are_field_errors_not_errors(client, firm_a_consultant, three):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:client_list"), {"crs_min": "abc", "eligible": "x"})
    assert response.status_code == 200
    assert set(response.context["filter"].errors) == {"crs_min", "eligible"}
    api = client.get(reverse("api-client-list"), {"crs_min": "abc"})
    assert api.status_code == 400


def test_htmx_request_gets_only_the_results(client, firm_a_consultant, three):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:client_list"), headers={"HX-Request": "true"})
    assert b"<html" not in response.content and b"Mid" in response.content


def test_language_expiring_filter_agrees_with_the_engine_about_a_29_february_result(
    client, firm_a, firm_a_consultant, monkeypatch
):
    # Taken 2024-02-29, the result expires on 2026-02-28 (scoring.dates): that day it is no
    # longer "still valid", the day before it is valid and expiring.
    leap = ClientFactory(firm=firm_a, last_name="Leap")
    result = LanguageResultFactory(client=leap, test_date=date(2024, 2, 29))
    monkeypatch.setattr("profiles.filters.timezone.localdate", lambda: date(2026, 2, 27))
    assert _names(client, firm_a_consultant, language_expires_within=1) == ["Leap"]
    monkeypatch.setattr("profiles.filters.timezone.localdate", lambda: date(2026, 2, 28))
    assert _names(client, firm_a_consultant, language_expires_within=30) == []
    assert expiry_date(result.test_date) == date(2026, 2, 28)
