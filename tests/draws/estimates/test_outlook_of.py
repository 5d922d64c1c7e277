"""The outlook for a stored client: what it reads, and in how many queries."""

from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string

from draws.estimates import outlook_for, outlook_of, recent_rounds
from tests import factories

ON = date(2026, 8, 7)


def rounds(family: str, cutoffs: list[int]) -> None:
    category = factories.DrawCategoryFactory(
        key=family, name=family.upper(), kind="program", family=family
    )
    for i, cutoff in enumerate(cutoffs):
        factories.DrawFactory(
            held_on=ON - timedelta(days=20 * i + 1), category=category, cutoff=cutoff
        )


def test_the_outlook_counts_the_kinds_the_client_is_eligible_for(db):
    rounds("cec", [505, 515, 530])
    rounds("pnp", [700, 710])  # no nomination: never counted
    client = factories.ClientFactory(eligible_for=" cec ")
    found = outlook_of(client, 520, ON)
    assert (found.open_rounds, found.beaten) == (3, 2)


def test_a_nominated_client_counts_pnp_rounds(db):
    rounds("pnp", [700, 710])
    client = factories.ClientFactory(
        eligible_for=" cec ", nominated_on=date(2026, 1, 5), nomination_province="ON"
    )
    assert outlook_of(client, 1120, ON).beaten == 2


def test_kinds_the_client_cannot_be_told_about_count_in_the_upper_figure_only(db):
    rounds("fsw", [480])
    client = factories.ClientFactory(eligible_for=" cec ")
    client.undecided_for = " fsw "  # the "can't tell" field of the eligibility work
    found = outlook_of(client, 500, ON)
    assert (found.beaten, found.unsure_cleared) == (0, 1)


@pytest.mark.parametrize("count", [3, 30])
def test_the_rounds_are_loaded_in_one_query_and_serve_many_clients(
    db, django_assert_num_queries, count
):
    rounds("cec", [500 + i for i in range(count)])
    clients = factories.ClientFactory.create_batch(3, eligible_for=" cec ")
    with django_assert_num_queries(1):  # the 12 months of draws with their kinds
        loaded = recent_rounds(on=ON)
        found = [outlook_of(client, 515, ON, rounds=loaded) for client in clients]
    assert found[0].open_rounds == min(count, 19)  # one every 20 days: 19 fit in 12 months


def test_the_calculator_can_ask_for_any_score_and_eligibility(db):
    rounds("cec", [505])
    found = outlook_for(score=510, eligible_for=" cec ", on=ON)
    assert found.beaten == 1


def test_the_include_shows_a_range_per_horizon_its_dates_and_the_method_link(db):
    rounds("cec", [505, 515, 530])
    found = outlook_of(factories.ClientFactory(eligible_for=" cec "), 520, ON)
    html = render_to_string("draws/includes/outlook.html", {"outlook": found, "own": True})
    text = " ".join(html.split())
    assert "3 months</th><td>" in text
    assert found.horizons[0].text in text
    assert "2025-08-08 to 2026-08-07" in text
    assert "/methods/#outlook" in text
    assert "100%" not in text
