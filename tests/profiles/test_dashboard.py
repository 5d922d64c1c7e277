"""The consultant's dashboard (issue 11): what each section lists, whose files, and in how many
queries. The engine's points at stake are tested in test_key_dates.py."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from profiles import services
from profiles.dashboard import dashboard_for
from tests.factories import (
    ClientFactory,
    DocumentItemFactory,
    DrawFactory,
    KeyDateFactory,
    LanguageResultFactory,
    StandingFactory,
)
from tests.profiles.dashboard_files import expired_profile, expiring_profile, invited, submitted

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("profiles:dashboard")


def _section(board, key):
    return next(section for section in board.sections if section.key == key)


def test_an_expired_profile_without_an_ita_is_listed_with_its_score(firm_a, firm_a_consultant):
    file = expired_profile(firm_a, firm_a_consultant, first_name="Omar", last_name="Haddad")
    section = _section(dashboard_for(user=firm_a_consultant), "expired-profiles")
    (item,) = section.items
    assert item.client.pk == file.pk and item.urgent
    assert item.means == "Out of the pool: CRS 556, eligible for CEC"
    assert item.when.endswith("days ago")


def test_an_expired_profile_with_an_ita_is_not_listed_as_expired(firm_a, firm_a_consultant):
    invited(firm_a, firm_a_consultant, days_ago=10, profile_submitted_at=submitted(400))
    assert _section(dashboard_for(user=firm_a_consultant), "expired-profiles").total == 0


def test_expiring_profiles_are_counted_by_30_60_and_90_days(firm_a, firm_a_consultant):
    for days_left in (10, 45, 46, 80, 200):
        expiring_profile(firm_a, firm_a_consultant, days_left)
    section = _section(dashboard_for(user=firm_a_consultant), "expiring-profiles")
    assert [count.value for count in section.summary] == [1, 3, 4]
    assert next(item.when for item in section.items) in ("in 9 days", "in 10 days", "in 11 days")


def test_the_application_deadline_counts_down_and_is_red_once_overdue(firm_a, firm_a_consultant):
    invited(firm_a, firm_a_consultant, days_ago=50, first_name="Due")
    invited(firm_a, firm_a_consultant, days_ago=65, first_name="Late")
    section = _section(dashboard_for(user=firm_a_consultant), "ita-deadlines")
    late, due = section.items
    assert (late.client.first_name, late.urgent) == ("Late", True)
    assert late.means.startswith("Overdue by 5 days")
    assert (due.urgent, due.means.startswith("10 days left")) == (False, True)
    assert section.summary[1].value == 1 and section.summary[1].urgent


def test_an_application_submitted_leaves_the_deadline_list(firm_a, firm_a_consultant):
    file = invited(firm_a, firm_a_consultant, days_ago=20)
    services.record_stage(
        client=file, stage="applied", on=timezone.localdate(), by=firm_a_consultant
    )
    assert _section(dashboard_for(user=firm_a_consultant), "ita-deadlines").total == 0


def test_a_result_expiring_before_the_profile_is_listed_with_the_points_lost(
    firm_a, firm_a_consultant
):
    file = services.create_client(
        firm=firm_a, by=firm_a_consultant,
        data={"first_name": "Lina", "last_name": "Roy", "birth_date": "1994-03-02",
              "profile_submitted_at": submitted(30)},
    )  # fmt: skip
    LanguageResultFactory(client=file, test_date=timezone.localdate() - timedelta(days=700))
    services.refresh_scores(clients=[file.pk])
    (item,) = _section(dashboard_for(user=firm_a_consultant), "expiring-facts").items
    assert item.what.startswith("CELPIP") and item.what.endswith("expires")
    assert item.means.startswith("Will cost") and not item.urgent


def test_a_birthday_that_costs_points_is_listed(firm_a, firm_a_consultant):
    soon = timezone.localdate() + timedelta(days=20)
    file = ClientFactory(firm=firm_a, consultant=firm_a_consultant)
    KeyDateFactory(client=file, kind="birthday", on=soon, description="Turns 33", points=6)
    (item,) = _section(dashboard_for(user=firm_a_consultant), "birthdays").items
    assert (item.on, item.what, item.means) == (soon, "Turns 33", "Will cost 6 CRS points")


def test_the_latest_draw_lists_the_invited_the_tie_lost_and_the_near_misses(
    firm_a, firm_a_consultant
):
    draw = DrawFactory(cutoff=500)
    for name, margin, verdict in (
        ("Inv", 12, "invited"), ("Tie", 0, "tie_lost"), ("Near", -8, "below_cutoff"),
        ("Far", -30, "below_cutoff"),
    ):  # fmt: skip
        file = ClientFactory(firm=firm_a, consultant=firm_a_consultant, first_name=name)
        StandingFactory(draw=draw, client=file, margin=margin, verdict=verdict)
    section = _section(dashboard_for(user=firm_a_consultant), "latest-draws")
    assert [item.client.first_name for item in section.items] == ["Inv", "Tie", "Near"]
    assert [count.value for count in section.summary] == [1, 1, 1]


def test_eligibility_changes_compare_the_last_two_rounds_of_a_category(firm_a, firm_a_consultant):
    from draws.models import DrawCategory

    french = DrawCategory.objects.get(key="french-2023-v1")
    before = DrawFactory(category=french, held_on=timezone.localdate() - timedelta(days=60))
    latest = DrawFactory(category=french, held_on=timezone.localdate() - timedelta(days=10))
    for name, was, now in (("New", False, True), ("Gone", True, False), ("Same", True, True)):
        file = ClientFactory(firm=firm_a, consultant=firm_a_consultant, first_name=name)
        for draw, eligible in ((before, was), (latest, now)):
            verdict = "below_cutoff" if eligible else "not_eligible"
            StandingFactory(draw=draw, client=file, eligible=eligible, verdict=verdict,
                            reason="No French result" if not eligible else "Eligible")  # fmt: skip
    section = _section(dashboard_for(user=firm_a_consultant), "eligibility-changes")
    assert [(i.client.first_name, i.what) for i in section.items] == [
        ("New", "Newly eligible: French-language proficiency"),
        ("Gone", "No longer eligible: French-language proficiency"),
    ]
    assert section.items[1].means.endswith("No French result")


def test_a_file_out_of_the_pool_or_undecided_in_either_round_has_no_eligibility_change(
    firm_a, firm_a_consultant
):
    from draws.models import DrawCategory

    french = DrawCategory.objects.get(key="french-2023-v1")
    before = DrawFactory(category=french, held_on=timezone.localdate() - timedelta(days=60))
    latest = DrawFactory(category=french, held_on=timezone.localdate() - timedelta(days=10))
    for name, was, now in (
        ("Entered", "not_in_pool", "below_cutoff"), ("Left", "below_cutoff", "not_in_pool"),
        ("Unsure", "cant_tell", "below_cutoff"), ("New", "not_eligible", "below_cutoff"),
    ):  # fmt: skip
        file = ClientFactory(firm=firm_a, consultant=firm_a_consultant, first_name=name)
        for draw, verdict in ((before, was), (latest, now)):
            StandingFactory(draw=draw, client=file, eligible=verdict == "below_cutoff",
                            verdict=verdict, margin=-40)  # fmt: skip
    section = _section(dashboard_for(user=firm_a_consultant), "eligibility-changes")
    assert [item.client.first_name for item in section.items] == ["New"]
    assert [count.value for count in section.summary] == [1, 0]


def test_every_section_says_in_words_when_it_is_empty(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(DASHBOARD).content.decode()
    for words in (
        "No profile has expired without an ITA.",
        "No profile expires in the next 90 days.",
        "No language result or ECA has expired at a cost in points.",
        "No language result or ECA expires before its profile.",
        "No ITA is waiting for an application.",
        "No birthday in the next 60 days costs points.",
        "No draw has been evaluated yet.",
        "No category has had two evaluated rounds yet.",
    ):
        assert words in page


def test_a_consultant_sees_their_own_files_by_default_and_can_switch(
    client, firm_a, firm_a_consultant, firm_a_admin
):
    expired_profile(firm_a, firm_a_admin, first_name="Colleagues")
    client.force_login(firm_a_consultant)
    assert "Colleagues" not in client.get(DASHBOARD).content.decode()
    assert "Colleagues" in client.get(DASHBOARD, {"files": "firm"}).content.decode()


def test_a_firm_administrator_sees_the_whole_firm_by_default(
    client, firm_a, firm_a_consultant, firm_a_admin
):
    expired_profile(firm_a, firm_a_consultant, first_name="Teammate")
    client.force_login(firm_a_admin)
    assert "Teammate" in client.get(DASHBOARD).content.decode()
    assert "Teammate" not in client.get(DASHBOARD, {"files": "mine"}).content.decode()


def test_archived_and_decided_files_leave_the_dashboard(firm_a, firm_a_consultant):
    archived = expired_profile(firm_a, firm_a_consultant)
    services.archive_client(client=archived, by=firm_a_consultant)
    expired_profile(firm_a, firm_a_consultant, stage="withdrawn")
    invited(firm_a, firm_a_consultant, days_ago=10, archived_at=timezone.now())
    board = dashboard_for(user=firm_a_consultant, whole_firm=True)
    assert all(section.total == 0 for section in board.sections)


def _every_section_full(firm, consultant, count: int) -> None:
    from draws.models import DrawCategory

    french = DrawCategory.objects.get(key="french-2023-v1")
    draw = DrawFactory()
    rounds = [
        DrawFactory(category=french, held_on=draw.held_on - timedelta(days=n)) for n in (9, 3)
    ]
    soon = timezone.localdate() + timedelta(days=5)
    for _ in range(count):
        expired_profile(firm, consultant)
        expiring_profile(firm, consultant, 40)
        invited(firm, consultant, days_ago=30)
        file = expiring_profile(firm, consultant, 200)
        KeyDateFactory(client=file)
        KeyDateFactory(client=file, on=soon + timedelta(days=60), description="ECA", kind="eca")
        KeyDateFactory(client=file, kind="birthday", on=soon, description="Turns 31", points=5)
        DocumentItemFactory(client=file, due_on=soon - timedelta(days=10))
        StandingFactory(draw=draw, client=file)
        for french_round, eligible in zip(rounds, (False, True), strict=True):
            StandingFactory(draw=french_round, client=file, eligible=eligible, margin=-50,
                            verdict="below_cutoff" if eligible else "not_eligible")  # fmt: skip


@pytest.mark.parametrize("count", [3, 30])
def test_the_dashboard_runs_the_same_queries_for_3_and_30_items_per_section(
    client, firm_a, firm_a_consultant, django_assert_num_queries, count
):
    _every_section_full(firm_a, firm_a_consultant, count)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership, client file (roles); expired profiles,
    # expiring profiles, expired and expiring results and ECAs, ITA deadlines, birthdays, documents
    # (one each, capped totals riding along); the latest evaluated draws, their newsworthy
    # standings; category rounds, eligibility changes; the firm's name (the whole firm's dashboard
    # names it)
    with django_assert_num_queries(15):
        response = client.get(DASHBOARD, {"files": "firm"})
    sections = response.context["board"].sections
    assert [section.total for section in sections] == [count] * 9
    assert [len(section.items) for section in sections] == [min(count, 10)] * 9


@pytest.mark.parametrize("count", [3, 30])
def test_the_dashboard_api_runs_the_same_queries_for_3_and_30_items_per_section(
    client, firm_a, firm_a_consultant, django_assert_num_queries, count
):
    _every_section_full(firm_a, firm_a_consultant, count)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership, client file (roles), and the dashboard's
    # eleven (see above)
    with django_assert_num_queries(14):
        body = client.get(reverse("api-dashboard")).json()
    assert [section["total"] for section in body["sections"]] == [count] * 9
