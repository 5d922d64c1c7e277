"""A round's public page shows a signed-in consultant their firm's clients in that round, by
verdict; nobody else sees anything of it, and the page's queries do not grow with the firm."""

import datetime as dt

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_434():
    return factories.DrawFactory(number="434", held_on=dt.date(2026, 8, 7), cutoff=470)


def standing(draw, firm, last_name: str, verdict: str = "invited", **fields):
    client = factories.ClientFactory(firm=firm, first_name="Ana", last_name=last_name)
    return factories.StandingFactory(draw=draw, client=client, verdict=verdict, **fields)


def page_of(client, user, draw) -> str:
    if user is not None:
        client.force_login(user)
    return client.get(draw.get_absolute_url()).content.decode()


def test_a_consultant_sees_the_firms_clients_by_verdict(
    client, firm_a, firm_a_consultant, round_434
):
    standing(round_434, firm_a, "Invitedone")
    standing(round_434, firm_a, "Belowone", "below_cutoff", margin=-4)
    page = page_of(client, firm_a_consultant, round_434)
    assert "Your firm's clients in this round" in page
    assert page.index("Would have been invited") < page.index("Below the cut-off")
    assert "Invitedone, Ana" in page and "Belowone, Ana" in page and "\u22124" in page


def test_a_consultant_never_sees_another_firms_clients(
    client, firm_a, firm_b, firm_a_consultant, round_434
):
    standing(round_434, firm_b, "Otherfirm")
    page = page_of(client, firm_a_consultant, round_434)
    assert "Otherfirm" not in page
    assert "No client of your firm has been evaluated in this round" in page


@pytest.mark.parametrize("actor", [None, "firm_a_client", "staff_user"])
def test_nobody_but_a_consultant_sees_any_of_it(client, request, firm_a, round_434, actor):
    standing(round_434, firm_a, "Invitedone")
    user = request.getfixturevalue(actor) if actor else None
    page = page_of(client, user, round_434)
    assert "Invitedone" not in page and "Your firm's clients" not in page
    assert "Round 434" in page  # the round itself stays public


def test_each_verdict_shows_its_first_ten_highest_first_and_links_to_all(
    client, firm_a, firm_a_consultant, round_434
):
    for margin in range(12):
        standing(round_434, firm_a, f"Client{margin:02d}", margin=margin)
    page = page_of(client, firm_a_consultant, round_434)
    assert "Client11, Ana" in page and "Client02, Ana" in page and "Client01, Ana" not in page
    assert page.index("Client11") < page.index("Client10")
    assert "?latest_verdict=invited&amp;draw=434" in page and "All 12 in the client list" in page


def test_a_client_not_eligible_for_the_round_shows_no_margin(
    client, firm_a, firm_a_consultant, round_434
):
    standing(round_434, firm_a, "Noteligible", "not_eligible", eligible=False, margin=153)
    assert "+153" not in page_of(client, firm_a_consultant, round_434)


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_runs_the_same_queries_for_3_and_30_clients(
    client, firm_a, firm_a_consultant, round_434, django_assert_num_queries, count
):
    for i in range(count):
        standing(round_434, firm_a, f"Client{i}", ["invited", "below_cutoff"][i % 2])
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership and client file (roles), the draw, previous,
    # next, the firm's standings in the round (counts included)
    with django_assert_num_queries(7):
        client.get(round_434.get_absolute_url())
