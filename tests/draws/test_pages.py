"""The public draw pages: /draws/ and /draws/<number>/."""

import json
from datetime import date

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from draws.importer import import_rounds
from draws.models import DrawCategory
from tests.draws.feed_data import raw_round
from tests.factories import DrawCategoryFactory, DrawFactory

LIST_URL = reverse("draws:draw_list")


def detail_url(number: str) -> str:
    return reverse("draws:draw_detail", kwargs={"number": number})


def listed_numbers(response) -> list[str]:
    return [draw.number for draw in response.context["page"]]


def test_anonymous_visitors_can_read_the_draw_list(client, db):
    DrawFactory(number="434")
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert b'href="/draws/434/"' in response.content


def test_the_navigation_links_to_the_draws(client, db):
    assert b'href="/draws/"' in client.get("/").content


def test_the_list_filters_by_round_type(client, db):
    DrawFactory(number="432", category=DrawCategoryFactory(key="cec"))
    DrawFactory(number="431", category=DrawCategoryFactory(key="pnp"))
    assert listed_numbers(client.get(LIST_URL, {"family": "pnp"})) == ["431"]


def test_the_round_type_filter_spans_category_versions(client, categories):
    v1 = DrawCategory.objects.get(key="healthcare-2023-v1")
    v2 = DrawCategory.objects.get(key="healthcare-social-2025-v2")
    DrawFactory(number="300", held_on=date(2024, 1, 10), category=v1)
    DrawFactory(number="350", held_on=date(2025, 6, 10), category=v2)
    DrawFactory(number="351", held_on=date(2025, 6, 11))
    assert listed_numbers(client.get(LIST_URL, {"family": "healthcare"})) == ["350", "300"]


def test_the_list_filters_by_year(client, db):
    DrawFactory(number="1", held_on=date(2015, 1, 31))
    DrawFactory(number="434", held_on=date(2026, 8, 7))
    assert listed_numbers(client.get(LIST_URL, {"year": "2015"})) == ["1"]


def test_the_list_is_paginated_and_keeps_its_filters(client, db):
    DrawFactory.create_batch(30, category=DrawCategoryFactory(key="cec"))
    response = client.get(LIST_URL, {"family": "cec"})
    assert len(response.context["page"]) == 25
    assert b'href="?family=cec&amp;page=2"' in response.content


def test_an_unknown_filter_value_shows_every_round(client, db):
    DrawFactory.create_batch(2)
    assert len(listed_numbers(client.get(LIST_URL, {"family": "astronauts"}))) == 2


def test_the_cutoff_chart_has_one_series_per_round_type(client, db):
    DrawFactory(number="10", held_on=date(2024, 1, 10), cutoff=500)
    DrawFactory(number="11", held_on=date(2024, 1, 20), category=DrawCategoryFactory(key="pnp"))
    families = client.get(LIST_URL).context["charts"]["families"]
    assert [(f["family"], [p["crs"] for p in f["points"]]) for f in families] == [
        ("cec", [500]),
        ("pnp", [500]),
    ]


def test_the_invitations_chart_counts_every_month_including_empty_ones(client, db):
    DrawFactory(held_on=date(2024, 1, 10), invitations=1000)
    DrawFactory(held_on=date(2024, 1, 20), invitations=500)
    DrawFactory(held_on=date(2024, 3, 5), invitations=200)
    months = client.get(LIST_URL).context["charts"]["months"]
    assert months == [
        {"month": "2024-01", "invitations": 1500},
        {"month": "2024-02", "invitations": 0},
        {"month": "2024-03", "invitations": 200},
    ]


def test_the_charts_have_a_table_for_screen_readers(client, db):
    DrawFactory(held_on=date(2024, 1, 10), invitations=1000)
    content = client.get(LIST_URL).content.decode()
    assert 'id="cutoff-data"' in content and 'id="invitations-data"' in content
    assert '<caption class="visually-hidden">Invitations per month</caption>' in content
    assert "vendor/chartjs-4.6.1/chart.umd.min.js" in content


@pytest.mark.parametrize("rows", [3, 30])
def test_the_list_page_runs_the_same_queries_for_3_or_30_rounds(
    client, db, django_assert_num_queries, rows
):
    DrawFactory.create_batch(rows)
    with django_assert_num_queries(3):  # count, page of draws + categories, chart points
        client.get(LIST_URL)


@pytest.mark.parametrize("rows", [3, 30])
def test_the_list_page_signed_in_runs_the_same_queries_for_3_or_30_rounds(
    client, firm_a_consultant, django_assert_num_queries, rows
):
    DrawFactory.create_batch(rows)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), navigation roles (membership, client file), count, page,
    # chart points
    with django_assert_num_queries(6):
        client.get(LIST_URL)


def test_anonymous_visitors_can_read_a_round(client, db):
    DrawFactory(number="91a", cutoff=288)
    response = client.get(detail_url("91a"))
    assert response.status_code == 200
    assert b"Round 91a" in response.content


def test_an_unknown_round_is_not_found(client, db):
    assert client.get(detail_url("999")).status_code == 404


def test_a_round_shows_its_pool_as_a_chart_and_a_table(client, db):
    import_rounds([raw_round("434")])
    response = client.get(detail_url("434"))
    content = response.content.decode()
    assert 'id="pool-chart"' in content and 'id="pool-table"' in content
    pool = json.loads(content.split('id="pool-data" type="application/json">')[1].split("<")[0])
    assert pool[0] == {"band": "0\N{EN DASH}300", "candidates": 7683}


def test_a_round_without_a_published_pool_says_so(client, db):
    DrawFactory(number="1")
    assert b"IRCC published no pool distribution" in client.get(detail_url("1")).content


def test_a_round_links_to_the_previous_and_next_round_of_its_type(client, db):
    cec = DrawCategoryFactory(key="cec")
    DrawFactory(number="10", held_on=date(2024, 1, 10), category=cec)
    DrawFactory(number="11", held_on=date(2024, 1, 11), category=DrawCategoryFactory(key="pnp"))
    DrawFactory(number="12", held_on=date(2024, 1, 12), category=cec)
    DrawFactory(number="13", held_on=date(2024, 1, 13), category=cec)
    context = client.get(detail_url("12")).context
    assert (context["previous"].number, context["next"].number) == ("10", "13")


def test_round_91a_and_91b_are_each_others_neighbours_in_order(client, db):
    DrawFactory(number="91a", held_on=date(2018, 5, 30))
    DrawFactory(number="91b", held_on=date(2018, 5, 30))
    context = client.get(detail_url("91a")).context
    assert (context["previous"], context["next"].number) == (None, "91b")


def test_the_round_page_runs_three_queries(client, db, django_assert_num_queries):
    DrawFactory(number="434")
    with django_assert_num_queries(3):  # the draw with its category, previous, next
        client.get(detail_url("434"))


def test_a_round_before_77_without_a_tie_break_says_ircc_published_none(client, db):
    DrawFactory(number="76", held_on=date(2017, 11, 1), tie_break_at=None)
    content = client.get(detail_url("76")).content.decode()
    assert "Not published (IRCC gave none before round 77)" in content


def test_a_recent_round_without_a_tie_break_says_it_was_not_recorded(client, db):
    DrawFactory(number="900", held_on=date(2026, 8, 7), tie_break_at=None)
    content = client.get(detail_url("900")).content.decode()
    assert "Not recorded" in content
    assert "IRCC gave none" not in content


def test_the_list_says_a_recent_rounds_missing_tie_break_was_not_recorded(client, db):
    DrawFactory(number="76", held_on=date(2017, 11, 1), tie_break_at=None)
    DrawFactory(number="900", held_on=date(2026, 8, 7), tie_break_at=None)
    content = client.get(LIST_URL).content.decode()
    assert (content.count("not published"), content.count("not recorded")) == (1, 1)


def test_every_page_names_its_icon(client, db):
    assert b'<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in (
        client.get(LIST_URL).content
    )


def test_the_browsers_default_icon_address_leads_to_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, "/static/favicon.svg")


def test_the_icon_is_a_static_file():
    assert finders.find("favicon.svg") is not None


@pytest.mark.parametrize("path", ["/draws/%00/", "/draws/0/", "/draws/12x4/", "/api/v1/draws/%00/"])
def test_a_path_that_is_not_a_round_number_is_a_404_not_a_crash(client, db, path):
    assert client.get(path).status_code == 404
