"""The score history: each change of a client's stored CRS with its reason in plain words, from
an edit of the file (who, what) or from the date (the nightly run: birthdays, results, ECAs and
profiles expiring, experience completing, rules changing)."""

import datetime as dt
import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from profiles import services
from profiles.csv_format import template_csv
from profiles.models import Client, LanguageTestResult, ScoreChange
from profiles.tasks import nightly_rescore
from tests import factories

pytestmark = pytest.mark.django_db
MINUS = "\u2212"


def client_file(**fields) -> Client:
    """Single, with a Canadian bachelor's and no work: few moving parts."""
    client = factories.ClientFactory(**({"birth_date": dt.date(1994, 3, 2)} | fields))
    factories.CredentialFactory(client=client)
    return client


def language_result(client, taken=dt.date(2025, 6, 1), test="celpip", **scores):
    """CELPIP 9 in every ability taken 2025-06-01, unless told otherwise."""
    levels = {"listening": 9, "reading": 9, "writing": 9, "speaking": 9} | scores
    return factories.LanguageResultFactory(client=client, test=test, test_date=taken, **levels)


def scored_on(client: Client, day: dt.date) -> Client:
    """The stored score as the file's last refresh on ``day`` left it (no history row)."""
    services.refresh_scores(clients=[client.pk], on=day)
    ScoreChange.objects.all().delete()
    client.refresh_from_db()
    return client


def nightly(client: Client, day: dt.date) -> list[ScoreChange]:
    services.refresh_scores(clients=[client.pk], on=day, kind=ScoreChange.Kind.DATE)
    return list(client.score_changes.all())


def points(reason: str) -> list[int]:
    return [int(n.replace(MINUS, "-")) for n in re.findall(rf"\(([+{MINUS}]\d+)\)", reason)]


# --- file changes -------------------------------------------------------------------------------


def test_adding_a_fact_records_the_new_score_with_what_and_who(firm_a, firm_a_consultant):
    client = client_file(firm=firm_a)
    services.add_fact(
        client=client,
        model=LanguageTestResult,
        by=firm_a_consultant,
        data={"person": "principal", "test": "celpip", "listening": 9, "reading": 9,
              "writing": 9, "speaking": 9, "test_date": timezone.localdate()},
    )  # fmt: skip
    change = client.score_changes.get()
    client.refresh_from_db()
    assert (change.kind, change.reason, change.changed_by) == (
        "file",
        "Language test result added",
        firm_a_consultant,
    )
    assert (change.crs_before, change.crs_after) == (None, client.current_crs)


def test_an_edit_records_the_score_before_and_after(firm_a, firm_a_consultant):
    client = client_file(firm=firm_a)
    language_result(client, taken=timezone.localdate())
    services.refresh_scores(clients=[client.pk])
    client.refresh_from_db()
    before = client.current_crs
    services.update_client(client=client, by=firm_a_consultant, data={"sibling_in_canada": True})
    change = client.score_changes.first()
    assert (change.crs_before, change.crs_after, change.reason) == (
        before,
        before + 15,
        "Client file edited",
    )


def test_an_edit_that_does_not_move_the_score_records_nothing(firm_a, firm_a_consultant):
    client = client_file(firm=firm_a)  # this instance keeps current_crs=None: stale on purpose
    services.refresh_scores(clients=[client.pk])
    count = client.score_changes.count()
    services.update_client(client=client, by=firm_a_consultant, data={"phone": "555 0100"})
    assert client.score_changes.count() == count


def test_a_csv_import_records_each_files_first_score(firm_a, firm_a_consultant):
    created = services.import_clients_csv(
        firm=firm_a, by=firm_a_consultant, file=io.BytesIO(template_csv().encode())
    ).created
    changes = ScoreChange.objects.filter(client__in=created)
    assert {(c.reason, c.crs_before, c.changed_by) for c in changes} == {
        ("Imported from a CSV file", None, firm_a_consultant)
    }
    assert sorted(c.crs_after for c in changes) == sorted(c.current_crs for c in created)


# --- the nightly run: reasons from the date ----------------------------------------------------


def test_a_birthday_is_explained_with_the_new_age_and_the_points_lost():
    client = client_file(birth_date=dt.date(1994, 3, 2))
    language_result(client)
    scored_on(client, dt.date(2026, 3, 1))
    [change] = nightly(client, dt.date(2026, 3, 2))
    assert change.kind == "date"
    assert change.reason == f"Birthday: age 32 ({MINUS}5)"  # 99 -> 94 points, single (§2.1)
    assert change.crs_after - change.crs_before == -5


def test_expired_language_results_are_named_with_the_points_they_took():
    client = client_file(birth_date=dt.date(1990, 7, 1))
    ielts = {"listening": 8, "reading": 7, "writing": 7, "speaking": 7}
    language_result(client, taken=dt.date(2024, 3, 10), test="ielts", **ielts)
    scored_on(client, dt.date(2026, 3, 9))
    [change] = nightly(client, dt.date(2026, 3, 10))  # 2 years on: expired (§9)
    assert re.fullmatch(rf"IELTS results expired \({MINUS}\d+\)", change.reason), change.reason
    assert points(change.reason) == [change.crs_after - change.crs_before]


def test_a_birthday_and_an_expiry_on_one_night_add_up_to_the_change():
    client = client_file(birth_date=dt.date(1994, 3, 10))
    language_result(client, taken=dt.date(2024, 3, 10))
    scored_on(client, dt.date(2026, 3, 9))
    [change] = nightly(client, dt.date(2026, 3, 10))
    assert change.reason.startswith(f"Birthday: age 32 ({MINUS}5); CELPIP results expired (")
    assert sum(points(change.reason)) == change.crs_after - change.crs_before


def test_a_newer_result_taking_over_from_an_expired_one_is_said():
    client = client_file(birth_date=dt.date(1990, 7, 1))
    celpip_10 = {"listening": 10, "reading": 10, "writing": 10, "speaking": 10}
    language_result(client, taken=dt.date(2024, 3, 10), **celpip_10)
    ielts = {"listening": 7, "reading": 6, "writing": 6, "speaking": 6}
    language_result(client, taken=dt.date(2025, 9, 1), test="ielts", **ielts)
    scored_on(client, dt.date(2026, 3, 9))
    [change] = nightly(client, dt.date(2026, 3, 10))
    assert change.reason.startswith("CELPIP results expired; IELTS results now count (")


def test_a_completed_year_of_canadian_experience_is_explained():
    client = client_file(birth_date=dt.date(1990, 7, 1))
    language_result(client)
    factories.WorkPeriodFactory(client=client, start=dt.date(2023, 3, 6))
    scored_on(client, dt.date(2026, 3, 1))
    [change] = nightly(client, dt.date(2026, 3, 12))
    assert change.reason.startswith("3 years of Canadian experience completed (+")
    assert change.crs_after > change.crs_before


def test_an_expired_eca_says_what_the_education_now_counts_as():
    client = factories.ClientFactory(birth_date=dt.date(1990, 7, 1))
    factories.CredentialFactory(
        client=client, level="masters", in_canada=False, eca_date=dt.date(2021, 3, 10)
    )
    language_result(client)
    scored_on(client, dt.date(2026, 3, 9))
    [change] = nightly(client, dt.date(2026, 3, 10))
    assert change.reason.startswith(
        "ECA expired (5 years old): education counts as Less than secondary school ("
    )
    assert change.crs_after < change.crs_before


def test_a_rule_change_alone_is_recorded_as_a_rules_change():
    client = client_file(birth_date=dt.date(1990, 7, 1), job_offer="other")
    language_result(client, taken=dt.date(2024, 6, 1))
    scored_on(client, dt.date(2025, 3, 24))
    [change] = nightly(client, dt.date(2025, 3, 25))
    assert change.kind == "rules"
    assert change.reason == f"CRS rules changed on 2025-03-25: No job-offer points ({MINUS}50)"


def test_an_expired_profile_is_noted_even_when_the_score_stays():
    submitted = dt.datetime(2025, 3, 10, 15, tzinfo=dt.UTC)
    client = client_file(birth_date=dt.date(1990, 7, 1), profile_submitted_at=submitted)
    language_result(client)
    scored_on(client, dt.date(2026, 3, 9))
    [change] = nightly(client, dt.date(2026, 3, 10))
    assert change.crs_before == change.crs_after
    expected = "Express Entry profile expired on 2026-03-10 (12 months after submission)"
    assert change.reason == expected


def test_a_score_never_stored_before_is_recorded_as_the_first_score():
    client = client_file()
    [change] = nightly(client, dt.date(2026, 3, 10))
    assert (change.crs_before, change.reason) == (None, "First score of this file")


def test_a_score_changed_outside_the_services_is_called_out_of_date():
    client = scored_on(client_file(birth_date=dt.date(1990, 7, 1)), dt.date(2026, 3, 9))
    language_result(client)  # by the factory: no re-score
    [change] = nightly(client, dt.date(2026, 3, 10))
    assert change.reason.startswith("The stored score was out of date (+")


def test_running_the_nightly_refresh_twice_records_nothing_more():
    client = client_file(birth_date=dt.date(1994, 3, 2))
    scored_on(client, dt.date(2026, 3, 1))
    nightly(client, dt.date(2026, 3, 2))
    assert len(nightly(client, dt.date(2026, 3, 2))) == 1


def test_the_nightly_task_records_todays_birthdays():
    today = timezone.localdate()
    if (today.month, today.day) == (2, 29):
        pytest.skip("no birthday on 29 February in the year of birth")
    client = client_file(birth_date=today.replace(year=today.year - 32))
    scored_on(client, today - dt.timedelta(days=1))
    assert nightly_rescore() == 1
    assert client.score_changes.get().reason == f"Birthday: age 32 ({MINUS}5)"


def test_the_nightly_task_runs_at_half_past_three_toronto_time():
    entry = settings.CELERY_BEAT_SCHEDULE["nightly-rescore"]
    assert entry["task"] == nightly_rescore.name == "profiles.tasks.nightly_rescore"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({3}, {30})
    assert settings.CELERY_TIMEZONE == "America/Toronto"


# --- shown on the client page and in the portal -------------------------------------------------


def test_the_client_page_shows_the_score_history_with_who(client, firm_a, firm_a_consultant):
    file_a = factories.ClientFactory(firm=firm_a)
    factories.ScoreChangeFactory(
        client=file_a,
        reason="Client file edited",
        kind="file",
        changed_by=firm_a_consultant,
        crs_before=470,
        crs_after=485,
    )
    client.force_login(firm_a_consultant)
    page = client.get(file_a.get_absolute_url()).content.decode()
    assert "Score history" in page and "470 → 485" in page and "(+15)" in page
    assert f"by {firm_a_consultant.get_username()}" in page


def test_the_portal_shows_the_clients_own_history_without_who(client, firm_a, firm_a_client):
    own = firm_a_client.client_file
    factories.ScoreChangeFactory(client=own, reason="Birthday: age 32 (\u22125)")
    factories.ScoreChangeFactory(client=factories.ClientFactory(firm=firm_a), reason="SECRET")
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal")).content.decode()
    assert "Score history" in page and "Birthday: age 32" in page
    assert "SECRET" not in page and " by " not in page.split("Score history")[1].split("</ol>")[0]


def test_another_firms_consultant_cannot_see_the_score_history(client, firm_a, firm_b_consultant):
    file_a = factories.ClientFactory(firm=firm_a)
    factories.ScoreChangeFactory(client=file_a, reason="SECRET")
    client.force_login(firm_b_consultant)
    response = client.get(file_a.get_absolute_url())
    assert response.status_code == 404 and b"SECRET" not in response.content


@pytest.mark.parametrize("count", [3, 30])
def test_the_client_page_runs_the_same_queries_for_3_and_30_score_changes(
    client, firm_a, firm_a_consultant, django_assert_num_queries, count
):
    file_a = factories.ClientFactory(firm=firm_a)
    factories.ScoreChangeFactory.create_batch(count, client=file_a, changed_by=firm_a_consultant)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership, client file (roles), the client with its
    # consultant and seat, 3 fact kinds (also what the assessment is scored from), stage changes
    # with their users, document events with their users, 4 audit tables, score history with its
    # users, standings count, for the answer card's backtest the rounds in reach and the file's
    # standings in them, and the access log's line (INSERT)
    with django_assert_num_queries(18):
        assert client.get(file_a.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_portal_runs_the_same_queries_for_3_and_30_score_changes(
    client, firm_a_client, django_assert_num_queries, count
):
    factories.ScoreChangeFactory.create_batch(count, client=firm_a_client.client_file)
    client.force_login(firm_a_client)
    # user (the session comes from Redis), membership (roles), client file (roles: the file), 3 fact
    # kinds (also what the assessment is scored from), score history with its users, the firm's
    # name, standings count, and for the answer card's backtest the file's standings in the rounds
    # in reach (the rounds themselves are read once per process and data revision)
    with django_assert_num_queries(11):
        assert client.get(reverse("profiles:portal")).status_code == 200
