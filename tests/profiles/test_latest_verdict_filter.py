"""The client list's "verdict in the latest draw" filter: one FilterSet for the page and the API,
reading the standings through ``Client.standings`` (profiles never imports draws)."""

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db
LIST = reverse("profiles:client_list")
API = reverse("api-client-list")


@pytest.fixture
def draws():
    """An older and a newer draw, both evaluated."""
    return (
        factories.DrawFactory(held_on=dt.date(2026, 5, 1)),
        factories.DrawFactory(held_on=dt.date(2026, 6, 1)),
    )


def file_with(firm, last_name: str, verdicts: dict) -> None:
    client = factories.ClientFactory(firm=firm, last_name=last_name)
    for draw, verdict in verdicts.items():
        factories.StandingFactory(client=client, draw=draw, verdict=verdict)


def names(response) -> list[str]:
    return [c.last_name for c in response.context["page"].object_list]


def test_the_list_keeps_clients_with_that_verdict_in_the_newest_draw(
    client, firm_a, firm_a_consultant, draws
):
    old, new = draws
    file_with(firm_a, "Invitednow", {old: "below_cutoff", new: "invited"})
    file_with(firm_a, "Invitedbefore", {old: "invited", new: "below_cutoff"})
    client.force_login(firm_a_consultant)
    assert names(client.get(LIST, {"latest_verdict": "invited"})) == ["Invitednow"]
    assert names(client.get(LIST, {"latest_verdict": "below_cutoff"})) == ["Invitedbefore"]


def test_a_draw_not_yet_evaluated_does_not_empty_the_list(client, firm_a, firm_a_consultant, draws):
    file_with(firm_a, "Invitednow", {draws[1]: "invited"})
    factories.DrawFactory(held_on=dt.date(2026, 7, 1))  # recorded, its run not yet done
    client.force_login(firm_a_consultant)
    assert names(client.get(LIST, {"latest_verdict": "invited"})) == ["Invitednow"]


def test_the_filter_never_shows_another_firms_clients(
    client, firm_a, firm_b, firm_a_consultant, draws
):
    file_with(firm_b, "Otherfirm", {draws[1]: "invited"})
    client.force_login(firm_a_consultant)
    assert names(client.get(LIST, {"latest_verdict": "invited"})) == []


def test_the_list_page_offers_every_verdict(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(LIST).content.decode()
    assert "Verdict in a draw" in page
    for value in ("invited", "tie_lost", "below_cutoff", "not_eligible", "not_in_pool"):
        assert f'value="{value}"' in page, value


def test_an_unknown_verdict_is_shown_as_ignored_not_an_error(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(LIST, {"latest_verdict": "knighted"})
    assert response.status_code == 200
    assert "Some filters were ignored" in response.content.decode()


def test_the_api_filters_by_the_same_verdict(client, firm_a, firm_a_consultant, draws):
    file_with(firm_a, "Invitednow", {draws[1]: "invited"})
    file_with(firm_a, "Below", {draws[1]: "below_cutoff"})
    client.force_login(firm_a_consultant)
    body = client.get(API, {"latest_verdict": "invited"}).json()
    assert [row["last_name"] for row in body["results"]] == ["Invitednow"]
    assert client.get(API, {"latest_verdict": "knighted"}).status_code == 400


@pytest.mark.parametrize("count", [3, 30])
def test_the_filtered_list_runs_the_same_queries_for_3_and_30_clients(
    client, firm_a, firm_a_consultant, draws, django_assert_num_queries, count
):
    for i in range(count):
        file_with(firm_a, f"Client{i}", {draws[0]: "below_cutoff", draws[1]: "invited"})
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership (roles), client file (roles), count, page of
    # clients
    with django_assert_num_queries(5):
        response = client.get(LIST, {"latest_verdict": "invited", "ordering": "-crs"})
    assert len(response.context["page"].object_list) == min(count, 25)
