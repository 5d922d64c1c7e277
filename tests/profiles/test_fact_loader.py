"""``facts_for`` reads the same facts whichever way the clients are named (plain SQL for a range
or ids, the ORM for a queryset)."""

import datetime as dt

import pytest
from django.utils import timezone

from profiles.candidates.loader import facts_for
from profiles.models import Client
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def files() -> list[Client]:
    """A married client with a spouse's facts, a client with nothing recorded, and an archived
    file, in one firm."""
    firm = factories.FirmFactory()
    married = factories.ClientFactory(
        firm=firm,
        marital_status="married",
        profile_submitted_at=dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC),
    )
    factories.CredentialFactory(client=married)
    factories.CredentialFactory(client=married, person="spouse", level="masters", in_canada=False)
    factories.LanguageResultFactory(client=married, test_date=dt.date(2026, 1, 5))
    factories.LanguageResultFactory(client=married, person="spouse", test="ielts", listening=7.5)
    factories.WorkPeriodFactory(client=married, end=dt.date(2025, 6, 30))
    bare = factories.ClientFactory(firm=firm)
    archived = factories.ClientFactory(firm=firm, archived_at=timezone.now())
    return [married, bare, archived]


def test_a_range_of_ids_reads_the_same_facts_as_a_queryset(files):
    ids = sorted(c.pk for c in files[:2])
    by_queryset = facts_for(Client.objects.filter(pk__in=ids))
    assert facts_for(range(ids[0], ids[-1] + 1)) == by_queryset


def test_a_list_of_ids_reads_the_same_facts_as_a_queryset(files):
    ids = [c.pk for c in files[:2]]
    assert facts_for(ids) == facts_for(Client.objects.filter(pk__in=ids))


def test_a_range_or_list_of_ids_leaves_archived_files_out(files):
    ids = [c.pk for c in files]
    assert set(facts_for(ids)) == set(facts_for(range(min(ids), max(ids) + 1))) == set(ids[:2])
