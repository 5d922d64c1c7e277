"""Fixes from the consultant's walkthrough (issue 11): a NOC code outside NOC 2021 is named as
such, impossible weekly hours are refused, the list's own "Last, First" finds the client, and
every time on a client page names its zone."""

import pytest
from django.urls import reverse

from profiles.models import WorkPeriod
from tests.dates import assert_one_date_format
from tests.factories import ClientFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db
JOB = {"person": "principal", "noc": "21232", "start": "2020-01-01", "hours_per_week": 40}


@pytest.fixture
def file_a(firm_a):
    return ClientFactory(firm=firm_a, first_name="Chloé", last_name="Garcia")


def post_job(client, consultant, file, **changes):
    client.force_login(consultant)
    url = reverse("profiles:fact_create", args=[file.public_id, "work"])
    return client.post(url, {**JOB, **changes})


def test_a_five_digit_code_outside_noc_2021_is_told_it_is_not_a_unit_group(
    client, firm_a_consultant, file_a
):
    response = post_job(client, firm_a_consultant, file_a, noc="99999")
    [message] = response.context["form"].errors["noc"]
    assert message.startswith("99999 is not a NOC 2021 unit group")
    assert "5-digit" not in message


def test_a_code_that_is_not_five_digits_is_asked_for_five_digits(client, firm_a_consultant, file_a):
    response = post_job(client, firm_a_consultant, file_a, noc="2123")
    assert "5-digit" in response.context["form"].errors["noc"][0]


def test_more_than_80_hours_a_week_is_refused_with_the_reason(client, firm_a_consultant, file_a):
    response = post_job(client, firm_a_consultant, file_a, hours_per_week=100)
    [message] = response.context["form"].errors["hours_per_week"]
    assert "at most 80 hours a week" in message and "Full time is 30 hours" in message
    assert not WorkPeriod.objects.exists()


def test_80_hours_a_week_is_accepted(client, firm_a_consultant, file_a):
    post_job(client, firm_a_consultant, file_a, hours_per_week=80)
    assert WorkPeriod.objects.get().hours_per_week == 80


def test_more_hours_than_a_week_has_gets_one_message_not_two(client, firm_a_consultant, file_a):
    response = post_job(client, firm_a_consultant, file_a, hours_per_week=200)
    assert len(response.context["form"].errors["hours_per_week"]) == 1


def test_the_api_refuses_100_hours_a_week_on_the_work_period(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    job = {"noc": "21232", "start": "2021-06-01", "hours_per_week": 100}
    payload = {"first_name": "Kenji", "last_name": "Sato", "birth_date": "1997-08-20",
               "work_periods": [job]}  # fmt: skip
    response = client.post(reverse("api-client-list"), payload, content_type="application/json")
    assert response.status_code == 400
    assert "at most 80 hours" in response.json()["work_periods"]["0"]["hours_per_week"][0]


def search(client, consultant, words: str) -> list[str]:
    client.force_login(consultant)
    page = client.get(reverse("profiles:client_list"), {"q": words}).context["page"]
    return [f"{c.last_name}, {c.first_name}" for c in page.object_list]


def test_the_lists_own_last_first_format_finds_the_client(client, firm_a_consultant, file_a):
    assert search(client, firm_a_consultant, "Garcia, Chloé") == ["Garcia, Chloé"]


def test_last_first_still_needs_every_word_to_match(client, firm_a_consultant, file_a):
    assert search(client, firm_a_consultant, "Garcia, Emma") == []


def test_the_api_search_takes_last_first_too(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    body = client.get(reverse("api-client-list"), {"q": "garcia,chloé"}).json()
    assert [row["first_name"] for row in body["results"]] == ["Chloé"]


def test_the_client_page_writes_every_date_one_way_and_every_time_with_its_zone(
    client, firm_a_consultant, file_a
):
    WorkPeriodFactory(client=file_a)
    client.force_login(firm_a_consultant)
    client.post(reverse("profiles:client_edit", args=[file_a.public_id]), {
        "first_name": "Chloé", "last_name": "Garcia", "birth_date": "1994-03-02",
        "marital_status": "never_married", "first_official_language": "best", "job_offer": "none",
        "profile_submitted_at": "2026-01-15T09:30:00", "spouse_accompanying": "on",
    })  # fmt: skip
    page = client.get(file_a.get_absolute_url()).content.decode()
    assert "2026-01-15 09:30:00 EST" in page
    assert_one_date_format(page)


def test_the_admin_says_which_zone_the_profile_submission_time_is_in(client, staff_user, file_a):
    client.force_login(staff_user)
    page = client.get(reverse("admin:profiles_client_change", args=[file_a.pk])).content.decode()
    assert "Eastern time (Toronto), to the second" in page
