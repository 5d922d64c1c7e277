"""Standing per draw on the consultant's client page and in the portal (``standings_panel``):
newest draws first, ten a page, in a fixed number of queries; only the scoped client's rows."""

import datetime as dt

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from draws.panels import standings_panel
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_a(firm_a):
    return factories.ClientFactory(firm=firm_a, first_name="Ada", last_name="Target")


def standings(client, count: int, **fields) -> list:
    return [
        factories.StandingFactory(
            client=client,
            draw=factories.DrawFactory(held_on=dt.date(2025, 1, 1) + dt.timedelta(days=7 * i)),
            **fields,
        )
        for i in range(count)
    ]


def render_section(client, query: str = "") -> str:
    return standings_panel(RequestFactory().get(f"/?{query}"), client)


def test_consultant_sees_each_draw_with_cutoff_crs_margin_and_verdict(
    client, firm_a_consultant, file_a
):
    draw = factories.DrawFactory(number="434", held_on=dt.date(2026, 8, 7), cutoff=470)
    factories.StandingFactory(
        client=file_a, draw=draw, margin=-12, verdict="below_cutoff", reason="Eligible: CEC"
    )
    client.force_login(firm_a_consultant)
    page = client.get(file_a.get_absolute_url()).content.decode()
    for text in ("2026-08-07", ">434</a>", "470", "458", "\u221212", "Below the cut-off"):
        assert text in page, text


def test_the_newest_draw_comes_first(file_a):
    older, newer = standings(file_a, 2)
    html = render_section(file_a)
    assert html.index(f">{newer.draw.number}</a>") < html.index(f">{older.draw.number}</a>")


def test_the_verdict_reason_is_visible_text_not_a_hover_tooltip(file_a):
    factories.StandingFactory(client=file_a, verdict="not_in_pool", reason="Profile expired")
    html = render_section(file_a)
    assert '<div class="small text-body-secondary standing-reason">Profile expired</div>' in html
    assert 'data-bs-toggle="tooltip"' not in html


def test_each_verdict_has_its_own_badge_colour(file_a):
    for verdict in ("invited", "tie_lost", "below_cutoff", "not_eligible", "not_in_pool"):
        factories.StandingFactory(client=file_a, verdict=verdict)
    html = render_section(file_a)
    for badge in ("text-bg-success", "text-bg-warning", "text-bg-danger", "text-bg-secondary"):
        assert badge in html, badge


def test_a_row_of_an_older_revision_says_it_is_being_recomputed(file_a):
    standing = factories.StandingFactory(client=file_a)
    type(standing.draw).objects.filter(pk=standing.draw_id).update(revision=2)
    assert "being recomputed after a correction" in render_section(file_a)


def test_ten_draws_a_page_with_a_link_to_older_draws(file_a):
    rows = standings(file_a, 12)
    first = render_section(file_a)
    assert first.count("<tr>") == 11  # header + 10
    assert "standings_page=2#standing" in first and "Older draws" in first
    second = render_section(file_a, "standings_page=2")
    assert second.count("<tr>") == 3
    assert f">{rows[0].draw.number}</a>" in second


@pytest.mark.parametrize("page", ["abc", "-1", "9999", "1e9"])
def test_a_bad_page_number_never_fails(client, firm_a_consultant, file_a, page):
    standings(file_a, 3)
    client.force_login(firm_a_consultant)
    response = client.get(file_a.get_absolute_url(), {"standings_page": page})
    assert response.status_code == 200


def test_a_file_without_standings_says_none_were_evaluated_yet(file_a):
    assert "No draw has been evaluated for this file yet" in render_section(file_a)


@pytest.mark.parametrize("count", [3, 30])
def test_the_section_runs_two_queries_for_3_or_30_draws(file_a, django_assert_num_queries, count):
    standings(file_a, count)
    with django_assert_num_queries(2):  # count, page of standings with draw and round type
        render_section(file_a)


def _page_queries(client, url) -> int:
    # Warmed first: the draw facts are read once per process and data revision (per_revision).
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_client_page_runs_as_many_queries_for_30_draws_as_for_3(
    client, firm_a_consultant, file_a
):
    client.force_login(firm_a_consultant)
    standings(file_a, 3)
    with_3 = _page_queries(client, file_a.get_absolute_url())
    standings(file_a, 27)
    assert _page_queries(client, file_a.get_absolute_url()) == with_3


# --- who sees whose standings (DESIGN.md §9.3) --------------------------------------------------


def test_a_consultant_of_another_firm_cannot_see_the_standings(client, firm_b_consultant, file_a):
    factories.StandingFactory(client=file_a, draw=factories.DrawFactory(number="4242"))
    client.force_login(firm_b_consultant)
    response = client.get(file_a.get_absolute_url())
    assert response.status_code == 404
    assert b"4242" not in response.content


def test_a_client_cannot_open_another_clients_standings_of_the_same_firm(
    client, firm_a_client, file_a
):
    client.force_login(firm_a_client)
    assert client.get(file_a.get_absolute_url()).status_code == 404


def test_a_client_sees_only_their_own_standings_in_the_portal(client, firm_a_client, file_a):
    factories.StandingFactory(client=file_a, draw=factories.DrawFactory(number="4242"))
    own = factories.StandingFactory(client=firm_a_client.client_file, verdict="tie_lost")
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal")).content.decode()
    assert f">{own.draw.number}</a>" in page and "lost the tie-break" in page
    assert "4242" not in page
    assert "date, under the rules in force then" in page and ">CRS<" in page
