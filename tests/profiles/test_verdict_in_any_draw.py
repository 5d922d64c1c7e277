"""The verdict filter takes a round (``draw``): the verdict in that draw instead of the latest,
on the page and in the API alike; another firm's clients never appear."""

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db
LIST = reverse("profiles:client_list")
API = reverse("api-client-list")


@pytest.fixture
def draws():
    return (
        factories.DrawFactory(number="430", held_on=dt.date(2026, 5, 1)),
        factories.DrawFactory(number="431", held_on=dt.date(2026, 6, 1)),
    )


def file_with(firm, last_name: str, verdicts: dict) -> None:
    client = factories.ClientFactory(firm=firm, last_name=last_name)
    for draw, verdict in verdicts.items():
        factories.StandingFactory(client=client, draw=draw, verdict=verdict)


def names(client, consultant, **params) -> list[str]:
    client.force_login(consultant)
    page = [c.last_name for c in client.get(LIST, params).context["page"].object_list]
    api = [row["last_name"] for row in client.get(API, params).json()["results"]]
    assert page == api  # one FilterSet for both
    return page


def test_the_verdict_in_an_older_draw_is_found_by_its_round(
    client, firm_a, firm_a_consultant, draws
):
    old, new = draws
    file_with(firm_a, "Invitedbefore", {old: "invited", new: "below_cutoff"})
    file_with(firm_a, "Invitednow", {old: "below_cutoff", new: "invited"})
    found = names(client, firm_a_consultant, latest_verdict="invited", draw="430")
    assert found == ["Invitedbefore"]


def test_without_a_round_the_verdict_is_the_latest_draws(client, firm_a, firm_a_consultant, draws):
    old, new = draws
    file_with(firm_a, "Invitedbefore", {old: "invited", new: "below_cutoff"})
    assert names(client, firm_a_consultant, latest_verdict="invited") == []


def test_a_round_alone_keeps_the_clients_evaluated_in_it(client, firm_a, firm_a_consultant, draws):
    old, new = draws
    file_with(firm_a, "Both", {old: "invited", new: "invited"})
    file_with(firm_a, "Newonly", {new: "invited"})
    assert names(client, firm_a_consultant, draw="430") == ["Both"]


def test_a_round_never_shows_another_firms_clients(
    client, firm_a, firm_b, firm_a_consultant, draws
):
    file_with(firm_b, "Otherfirm", {draws[0]: "invited"})
    assert names(client, firm_a_consultant, latest_verdict="invited", draw="430") == []


def test_an_unknown_round_is_named_on_the_page_and_refused_by_the_api(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(LIST, {"latest_verdict": "invited", "draw": "9999"}).content.decode()
    assert "No round 9999 has been recorded." in page
    response = client.get(API, {"latest_verdict": "invited", "draw": "9999"})
    assert response.status_code == 400 and "draw" in response.json()


def test_the_list_page_offers_the_round_next_to_the_verdict(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    assert 'name="draw"' in client.get(LIST).content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_filtered_by_a_round_runs_the_same_queries_for_3_and_30_clients(
    client, firm_a, firm_a_consultant, draws, django_assert_num_queries, count
):
    for i in range(count):
        file_with(firm_a, f"Client{i}", {draws[0]: "invited", draws[1]: "below_cutoff"})
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership (roles), client file (roles), the round
    # exists, count, page
    with django_assert_num_queries(6):
        response = client.get(LIST, {"latest_verdict": "invited", "draw": "430"})
    assert len(response.context["page"].object_list) == min(count, 25)
