"""Verdicts keep "can't tell" apart from "not eligible", and a client who meets no program is
not in the pool at all (issue 12, item 7)."""

import datetime as dt

import pytest

from draws.models import Verdict
from draws.reevaluation.verdicts import DrawContext, judge
from profiles.candidates.loader import facts_for
from tests import factories
from tests.draws.reevaluation_helpers import DRAW_DAY, SUBMITTED, category

pytestmark = pytest.mark.django_db


def verdict_of(client, *, key="general", cutoff=100):
    draw = factories.DrawFactory.build(held_on=DRAW_DAY, cutoff=cutoff, category=category(key))
    return judge(facts_for([client.pk])[client.pk], DrawContext.of(draw))


def in_pool(**fields):
    return factories.ClientFactory(profile_submitted_at=SUBMITTED, **fields)


def abroad_engineer(**fields):
    """Four years as a developer abroad, a foreign master's with an ECA, CLB 9: FSW only."""
    client = in_pool(**fields)
    factories.CredentialFactory(
        client=client, level="masters", in_canada=False, eca_date=dt.date(2024, 1, 10)
    )
    factories.LanguageResultFactory(client=client, test_date=dt.date(2026, 1, 5))
    factories.WorkPeriodFactory(
        client=client, start=dt.date(2021, 1, 4), end=dt.date(2024, 12, 31), in_canada=False
    )
    return client


def test_a_client_with_no_work_history_recorded_is_cant_tell_in_a_general_round():
    client = in_pool()
    factories.CredentialFactory(client=client)
    factories.LanguageResultFactory(client=client, test_date=dt.date(2026, 1, 5))
    result = verdict_of(client)
    assert (result.verdict, result.eligible) == (Verdict.CANT_TELL, False)
    assert "No work history recorded" in result.reason


def test_a_client_who_meets_no_program_is_not_in_the_pool():
    client = in_pool()
    factories.CredentialFactory(client=client)
    factories.LanguageResultFactory(
        client=client, test_date=dt.date(2026, 1, 5), listening=4, reading=4, writing=4, speaking=4
    )
    factories.WorkPeriodFactory(client=client)
    result = verdict_of(client)
    assert result.verdict == Verdict.NOT_IN_POOL
    assert result.reason.startswith("Meets no Express Entry program")


def test_a_client_in_the_pool_failing_the_round_program_stays_not_eligible():
    client = abroad_engineer(settlement_funds=50_000)
    assert verdict_of(client, key="cec").verdict == Verdict.NOT_ELIGIBLE


def test_fsw_without_funds_recorded_is_cant_tell_in_an_fsw_round():
    result = verdict_of(abroad_engineer(), key="fsw")
    assert result.verdict == Verdict.CANT_TELL
    assert "No settlement funds recorded" in result.reason


def test_fsw_with_funds_below_the_table_meets_no_program_and_leaves_the_pool():
    # Married with two children: a family of 4 needs $28,362 (table of 2025-07-07).
    client = abroad_engineer(
        settlement_funds=20_000, marital_status="married", dependent_children=2
    )
    result = verdict_of(client, key="fsw")
    assert result.verdict == Verdict.NOT_IN_POOL
    assert "$28,362 needed for a family of 4" in result.reason


def test_fsw_with_enough_funds_is_judged_on_the_score():
    client = abroad_engineer(settlement_funds=30_000, marital_status="married")
    assert verdict_of(client, key="fsw").verdict == Verdict.INVITED
