"""Verdict rules at every edge (DESIGN.md §4), judged straight from client facts."""

import datetime as dt

import pytest

from draws.models import Verdict
from draws.reevaluation.verdicts import DrawContext, judge
from profiles.candidates.loader import facts_for
from tests import factories
from tests.draws.reevaluation_helpers import DRAW_DAY, SUBMITTED, category, pool_client

pytestmark = pytest.mark.django_db


def verdict_of(client, *, cutoff, key="cec", tie_break_at=None, on=DRAW_DAY):
    draw = factories.DrawFactory.build(
        held_on=on, cutoff=cutoff, tie_break_at=tie_break_at, category=category(key)
    )
    return judge(facts_for([client.pk])[client.pk], DrawContext.of(draw))


def crs_of(client) -> int:
    return verdict_of(client, cutoff=0).crs


def test_a_client_above_the_cutoff_is_invited():
    client = pool_client()
    result = verdict_of(client, cutoff=crs_of(client) - 1)
    assert (result.verdict, result.margin, result.eligible) == (Verdict.INVITED, 1, True)


def test_a_client_below_the_cutoff_is_not_invited():
    client = pool_client()
    result = verdict_of(client, cutoff=crs_of(client) + 1)
    assert (result.verdict, result.margin) == (Verdict.BELOW_CUTOFF, -1)


def test_at_the_cutoff_a_profile_submitted_before_the_tie_break_is_invited():
    client = pool_client()
    result = verdict_of(
        client, cutoff=crs_of(client), tie_break_at=SUBMITTED + dt.timedelta(seconds=1)
    )
    assert (result.verdict, result.margin) == (Verdict.INVITED, 0)


def test_at_the_cutoff_a_profile_submitted_exactly_at_the_tie_break_is_invited():
    client = pool_client()
    assert verdict_of(client, cutoff=crs_of(client), tie_break_at=SUBMITTED).verdict == "invited"


def test_at_the_cutoff_a_profile_submitted_after_the_tie_break_loses_the_tie():
    client = pool_client()
    result = verdict_of(
        client, cutoff=crs_of(client), tie_break_at=SUBMITTED - dt.timedelta(seconds=1)
    )
    assert result.verdict == Verdict.TIE_LOST


def test_at_the_cutoff_without_a_published_tie_break_the_client_is_invited():
    client = pool_client()
    assert verdict_of(client, cutoff=crs_of(client), tie_break_at=None).verdict == "invited"


def test_a_client_with_no_profile_is_not_in_the_pool():
    client = pool_client(submitted_at=None)
    result = verdict_of(client, cutoff=300)
    assert result.verdict == Verdict.NOT_IN_POOL
    assert result.reason == "No Express Entry profile submitted"


def test_a_profile_submitted_after_the_draw_is_not_in_the_pool():
    client = pool_client(submitted_at=dt.datetime(2026, 6, 11, 12, tzinfo=dt.UTC))
    assert verdict_of(client, cutoff=300).verdict == Verdict.NOT_IN_POOL


def test_a_profile_older_than_twelve_months_has_expired():
    client = pool_client(submitted_at=dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC))
    result = verdict_of(client, cutoff=300)
    assert result.verdict == Verdict.NOT_IN_POOL
    assert result.reason.startswith("Profile expired on 2026-06-01")


def test_an_expired_language_test_takes_the_client_out_of_the_pool():
    client = pool_client(
        submitted_at=dt.datetime(2026, 1, 15, tzinfo=dt.UTC), test_date=dt.date(2024, 6, 1)
    )
    result = verdict_of(client, cutoff=300)
    assert result.verdict == Verdict.NOT_IN_POOL
    assert "expired" in result.reason


def test_a_client_already_invited_earlier_is_not_in_the_pool():
    client = pool_client(ita_received_on=dt.date(2026, 5, 1))
    assert verdict_of(client, cutoff=300).verdict == Verdict.NOT_IN_POOL


def test_a_client_outside_the_category_is_not_eligible_however_high_the_score():
    client = pool_client()  # a software developer: not a healthcare occupation
    result = verdict_of(client, cutoff=100, key="healthcare-social-2026-v3")
    assert (result.verdict, result.eligible) == (Verdict.NOT_ELIGIBLE, False)
    assert result.reason


def test_a_pnp_round_needs_a_nomination():
    client = pool_client()
    assert verdict_of(client, cutoff=100, key="pnp").verdict == Verdict.NOT_ELIGIBLE


def test_a_nominated_client_scores_600_more_and_is_invited_in_a_pnp_round():
    client = pool_client(nominated_on=dt.date(2026, 3, 1), nomination_province="ON")
    result = verdict_of(client, cutoff=700, key="pnp")
    assert result.verdict == Verdict.INVITED
    assert result.crs >= 1000


def test_the_score_uses_the_rules_of_the_draw_date():
    # A job offer earned 50 points until 2025-03-24 (crs-rules.md §5) and none from 2025-03-25.
    client = pool_client(
        job_offer="other",
        submitted_at=dt.datetime(2024, 10, 1, tzinfo=dt.UTC),
        test_date=dt.date(2024, 9, 1),
    )
    before = verdict_of(client, cutoff=0, on=dt.date(2025, 3, 24)).crs
    after = verdict_of(client, cutoff=0, on=dt.date(2025, 3, 25)).crs
    assert before - after == 50
