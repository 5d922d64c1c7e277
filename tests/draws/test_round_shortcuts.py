"""``judge`` works out only the programs a round reads (``LazyEligibility``); every kind of round
must store what working out all three programs first stores (issue 16)."""

import datetime as dt

import pytest

from draws.reevaluation import verdicts
from draws.reevaluation.verdicts import DrawContext, judge
from profiles.candidates.loader import facts_for
from scoring.categories import category_by_key
from scoring.eligibility import eligibility
from tests import factories
from tests.draws.reevaluation_helpers import DRAW_DAY, SUBMITTED, pool_client

pytestmark = pytest.mark.django_db

KINDS = ["general", "cec", "fsw", "fst", "pnp", "french-2023-v1", "healthcare-social-2026-v3"]


def _worker_abroad():
    """Not CEC-eligible: four years as a developer outside Canada, CELPIP 9, bachelor's."""
    client = factories.ClientFactory(profile_submitted_at=SUBMITTED, settlement_funds=50_000)
    factories.CredentialFactory(client=client)
    factories.LanguageResultFactory(client=client, test_date=dt.date(2026, 1, 5))
    factories.WorkPeriodFactory(client=client, start=dt.date(2020, 1, 6), in_canada=False)
    return client


def _clients():
    return [pool_client(), _worker_abroad(), pool_client(test_date=dt.date(2023, 1, 5))]


def _context(kind: str) -> DrawContext:
    category = None if kind in KINDS[:5] else kind
    return DrawContext(
        on=DRAW_DAY,
        cutoff=450,
        tie_break_at=None,
        kind="category" if category else kind,
        category=category_by_key(category) if category else None,
    )


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_round_stores_what_working_out_every_program_stores(kind, monkeypatch):
    clients = _clients()
    facts = facts_for([c.pk for c in clients])
    ctx = _context(kind)
    shortcut = [judge(facts[c.pk], ctx) for c in clients]
    monkeypatch.setattr(verdicts, "LazyEligibility", eligibility)
    full = [judge(facts[c.pk], ctx) for c in clients]
    assert shortcut == full
    assert [type(j.reason) for j in shortcut] == [type(j.reason) for j in full]
