"""How a client would have fared: counts over a factory history of stored standings."""

import datetime
from datetime import UTC, date

import pytest
from django.template.loader import render_to_string

from draws.estimates import backtest_of
from draws.estimates.backtest import RoundStanding, backtest
from tests import factories

ON = date(2026, 8, 7)


def round_on(held_on: date, *, family: str = "cec", cutoff: int = 500):
    category = factories.DrawCategoryFactory(
        key=family, name=family.upper(), kind="program", family=family
    )
    return factories.DrawFactory(held_on=held_on, category=category, cutoff=cutoff)


def stand(client, held_on: date, verdict: str, *, margin: int = 10, family: str = "cec"):
    draw = round_on(held_on, family=family)
    eligible = verdict in ("invited", "tie_lost", "below_cutoff")
    return factories.StandingFactory(
        draw=draw, client=client, verdict=verdict, margin=margin, eligible=eligible
    )


@pytest.fixture
def history(db):
    """A client whose profile, submitted on 2025-03-01, expired on 2026-03-01 and was not
    renewed; before it, rounds of other kinds, a tie-break loss and rounds below the cut-off."""
    client = factories.ClientFactory(
        profile_submitted_at=datetime.datetime(2025, 3, 1, 15, tzinfo=UTC)
    )
    stand(client, date(2025, 2, 1), "not_in_pool", margin=-30)  # before the profile
    stand(client, date(2025, 5, 1), "invited")  # since the profile, not the last 12 months
    stand(client, date(2025, 7, 1), "below_cutoff", margin=-5)
    stand(client, date(2025, 9, 3), "invited")  # the last 12 months start 2025-08-08
    stand(client, date(2025, 10, 1), "below_cutoff", margin=-4)
    stand(client, date(2025, 11, 12), "tie_lost", margin=0)
    stand(client, date(2025, 12, 10), "invited", margin=2)
    stand(client, date(2026, 1, 7), "not_eligible", family="french")
    stand(client, date(2026, 2, 6), "not_eligible", family="healthcare")
    stand(client, date(2026, 3, 3), "not_in_pool", margin=8)  # expired on 2026-03-01
    stand(client, date(2026, 7, 7), "not_in_pool", margin=12)
    return client


def test_the_last_12_months_count_only_the_rounds_the_client_could_take_part_in(history):
    tally = backtest_of(history, on=ON).last_year
    # 2025-09-03 invited, 10-01 below, 11-12 tie lost, 12-10 invited: 2 of 4.
    assert (tally.invited, tally.took_part) == (2, 4)
    assert (tally.tie_lost, tally.below_cutoff) == (1, 1)
    # Not counted: two rounds of other kinds, two after the profile expired.
    assert (tally.not_eligible, tally.not_in_pool, tally.cant_tell) == (2, 2, 0)
    assert tally.rounds == 8


def test_since_the_profile_was_submitted_counts_from_its_date(history):
    result = backtest_of(history, on=ON)
    tally = result.since_submitted
    assert result.submitted_on == date(2025, 3, 1)
    # 2025-05-01 invited and 2025-07-01 below join the four rounds of the last 12 months.
    assert (tally.invited, tally.took_part) == (3, 6)
    assert (tally.not_eligible, tally.not_in_pool) == (2, 2)  # 2025-02-01 is before it


def test_a_lost_tie_break_is_a_round_taken_part_in_but_not_invited_in(history):
    result = backtest_of(history, on=ON)
    tied = [s for s in result.took_part if s.verdict == "tie_lost"]
    assert [s.held_on for s in tied] == [date(2025, 11, 12)]
    assert result.last_year.invited == 2  # not 3: at the cut-off, with a later profile


def test_the_chart_has_the_cutoffs_of_the_rounds_taken_part_in_and_every_score(history):
    chart = backtest_of(history, on=ON).chart
    (cec,) = chart["kinds"]  # the French and healthcare rounds were not open
    assert cec["label"] == "Canadian Experience Class"
    assert [p["invited"] for p in cec["points"]] == [True, False, True, False, False, True]
    assert len(chart["score"]) == 10  # every standing from the profile's date on
    assert chart["score"][-1] == {"date": "2026-07-07", "crs": 512}


def test_a_client_without_a_profile_has_only_the_last_12_months(db):
    client = factories.ClientFactory()
    stand(client, date(2026, 6, 1), "not_in_pool")
    result = backtest_of(client, on=ON)
    assert result.since_submitted is None
    assert (result.last_year.took_part, result.last_year.not_in_pool) == (0, 1)


def test_cant_tell_verdicts_are_listed_apart_and_never_counted():
    standings = [
        RoundStanding("1", date(2026, 5, 1), "cec", "CEC", 500, 510, "cant_tell"),
        RoundStanding("2", date(2026, 6, 1), "cec", "CEC", 500, 510, "invited"),
    ]
    tally = backtest(standings=standings, on=ON, submitted_on=None).last_year
    assert (tally.invited, tally.took_part, tally.cant_tell) == (1, 1, 1)


@pytest.mark.parametrize("rounds", [3, 30])
def test_the_backtest_takes_one_query_whatever_the_history(db, django_assert_num_queries, rounds):
    client = factories.ClientFactory(profile_submitted_at=datetime.datetime(2025, 9, 1, tzinfo=UTC))
    for i in range(rounds):
        stand(client, date(2025, 9, 2) + datetime.timedelta(days=10 * i), "invited")
    with django_assert_num_queries(1):  # the standings with their draws and kinds
        result = backtest_of(client, on=ON)
    assert result.last_year.took_part == rounds


def test_the_include_says_the_counts_in_plain_words(history):
    html = render_to_string(
        "draws/includes/backtest.html", {"backtest": backtest_of(history, on=ON), "own": True}
    )
    text = " ".join(html.split())
    assert (
        "In the last 12 months, you would have been invited in <strong>2 of the 4 rounds"
        "</strong> you could take part in." in text
    )
    assert "In 1 of them you had exactly the cut-off score and lost the tie-break." in text
    assert "2 rounds you were not eligible for" in text
    assert "2 held when you were not in the pool" in text
    assert 'id="backtest-data"' in html
    assert "/methods/#backtest" in html


def test_the_include_speaks_of_the_client_on_the_consultants_page(history):
    html = render_to_string(
        "draws/includes/backtest.html", {"backtest": backtest_of(history, on=ON), "own": False}
    )
    text = " ".join(html.split())
    assert "the client would have been invited" in text
    assert "Since the client's profile was submitted on 2025-03-01" in text
