"""Draw times are unambiguous: one date format per page and the zone next to every time; a
finished run says how long it took; no margin for a round the client could not be invited in."""

import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from draws.panels import standings_panel
from tests import factories
from tests.dates import assert_one_date_format

pytestmark = pytest.mark.django_db
UTC_TIE_BREAK = dt.datetime(2026, 8, 7, 18, 1, 56, tzinfo=dt.UTC)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def round_434():
    cec = factories.DrawCategoryFactory(key="cec")
    factories.DrawFactory(number="433", held_on=dt.date(2026, 8, 1), category=cec)
    factories.DrawFactory(number="435", held_on=dt.date(2026, 8, 20), category=cec)
    return factories.DrawFactory(
        number="434", held_on=dt.date(2026, 8, 17), category=cec, tie_break_at=UTC_TIE_BREAK,
        ran_at=dt.datetime(2026, 8, 17, 14, 0, tzinfo=dt.UTC), pool_as_of=dt.date(2026, 8, 16),
    )  # fmt: skip


def test_a_round_page_writes_every_date_one_way_and_every_time_with_its_zone(client, round_434):
    assert_one_date_format(client.get(round_434.get_absolute_url()).content.decode())


def test_a_round_page_gives_the_tie_break_in_utc(client, round_434):
    page = client.get(round_434.get_absolute_url()).content.decode()
    assert "submitted before 2026-08-07 18:01:56 UTC" in page


def test_the_draw_list_gives_tie_breaks_with_their_zone(client, round_434):
    page = client.get(reverse("draws:draw_list")).content.decode()
    assert "2026-08-07 18:01:56 UTC" in page
    assert_one_date_format(page)


def test_the_runs_page_gives_start_and_finish_times_with_their_zone(staff_client):
    start = dt.datetime(2026, 8, 17, 18, 0, tzinfo=dt.UTC)
    factories.ReevaluationRunFactory(
        state="done", done=4000, started_at=start, finished_at=start + dt.timedelta(seconds=5)
    )
    page = staff_client.get(reverse("draws:run_list")).content.decode()
    assert "2026-08-17 14:00:00 EDT" in page  # 18:00 UTC, in Toronto's summer time
    assert_one_date_format(page)


def test_a_finished_run_says_how_long_it_took_not_so_far(staff_client):
    start = timezone.now() - dt.timedelta(minutes=1)
    factories.ReevaluationRunFactory(
        state="done", done=4000, started_at=start, finished_at=start + dt.timedelta(seconds=0.1)
    )
    page = staff_client.get(reverse("draws:run_list")).content.decode()
    assert "took 0.1 s" in page
    assert "so far" not in page


def test_a_running_run_says_how_long_so_far(staff_client):
    factories.ReevaluationRunFactory(state="running")
    page = staff_client.get(reverse("draws:run_list")).content.decode()
    assert "s so far" in page
    assert "took" not in page


@pytest.mark.parametrize("verdict", ["not_eligible", "not_in_pool"])
def test_a_round_the_client_could_not_be_invited_in_shows_no_margin(verdict):
    standing = factories.StandingFactory(
        eligible=False, verdict=verdict, margin=153, reason="Not eligible: no Canadian work"
    )
    html = standings_panel(RequestFactory().get("/"), standing.client)
    assert "+153" not in html
    assert "no margin: not eligible or not in the pool" in html


def test_a_round_the_client_was_eligible_for_shows_the_margin():
    standing = factories.StandingFactory(margin=153, verdict="invited")
    assert "+153" in standings_panel(RequestFactory().get("/"), standing.client)
