"""What a file stands to lose and when (``profiles.key_dates``), computed with the engine, and
stored by ``services.key_dates`` for the dashboard, the badges and the reminders."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from profiles.candidates.loader import facts_for
from profiles.key_dates import key_days
from profiles.models import KeyDate
from profiles.services.key_dates import refresh_key_dates
from scoring.engine import score_totals
from tests.factories import ClientFactory, CredentialFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 15)


def _facts(client):
    return facts_for([client.pk])[client.pk]


def test_a_birthday_from_30_on_costs_the_age_grids_difference(firm_a):
    # crs-rules.md §2.1, without a spouse: age 32 earns 94, age 33 earns 88.
    client = ClientFactory(firm=firm_a, birth_date=date(1993, 7, 1))
    LanguageResultFactory(client=client, test_date=date(2026, 1, 10))
    (birthday,) = [d for d in key_days(_facts(client), TODAY) if d.kind == "birthday"]
    assert (birthday.on, birthday.description, birthday.points) == (date(2026, 7, 1), "Turns 33", 6)


def test_a_birthday_in_the_twenties_costs_nothing_and_is_left_out(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(2001, 7, 1))
    assert [d for d in key_days(_facts(client), TODAY) if d.kind == "birthday"] == []


def test_no_birthday_counts_once_invited_the_age_on_the_ita_date_stays(firm_a):
    client = ClientFactory(
        firm=firm_a, birth_date=date(1993, 7, 1),
        profile_submitted_at=timezone.make_aware(timezone.datetime(2025, 9, 1, 10)),
        ita_received_on=date(2026, 5, 1),
    )  # fmt: skip
    assert [d for d in key_days(_facts(client), TODAY) if d.kind == "birthday"] == []


def test_a_result_expiring_costs_what_the_engine_says_it_earns_that_day(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(1995, 1, 20))
    CredentialFactory(client=client)
    LanguageResultFactory(client=client, test_date=date(2024, 8, 1))  # expires 2026-08-01
    facts = _facts(client)
    (expiry,) = [d for d in key_days(facts, TODAY) if d.kind == "language"]
    day, eve = date(2026, 8, 1), date(2026, 7, 31)
    before, after = (score_totals(facts.candidate(on), on).total for on in (eve, day))
    assert (expiry.on, expiry.points) == (day, before - after)
    assert expiry.description == "CELPIP result of 2024-08-01" and expiry.points > 100


def test_an_expired_result_replaced_by_a_newer_one_costs_nothing(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(1995, 1, 20))
    LanguageResultFactory(client=client, test_date=date(2023, 3, 1))  # expired 2025-03-01
    LanguageResultFactory(client=client, test_date=date(2025, 9, 1))
    languages = [d for d in key_days(_facts(client), TODAY) if d.kind == "language"]
    assert [d.description for d in languages] == ["CELPIP result of 2025-09-01"]


def test_an_expired_eca_costs_the_education_it_no_longer_proves(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(1995, 1, 20))
    CredentialFactory(client=client, level="masters", in_canada=False, length_years=2,
                      eca_date=date(2021, 3, 1))  # fmt: skip
    LanguageResultFactory(client=client, test_date=date(2026, 1, 10))
    (eca,) = [d for d in key_days(_facts(client), TODAY) if d.kind == "eca"]
    assert eca.on == date(2026, 3, 1) and eca.points > 0
    assert eca.description.startswith("ECA for the Master's")


def test_the_spouses_result_counts_only_for_an_accompanying_spouse(firm_a):
    client = ClientFactory(firm=firm_a, marital_status="married", spouse_accompanying=False)
    LanguageResultFactory(client=client, person="spouse", test_date=date(2025, 1, 10))
    assert [d for d in key_days(_facts(client), TODAY) if "Spouse" in d.description] == []


def test_the_refresh_stores_the_rows_and_the_earliest_expiry_of_each_kind(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(1995, 1, 20))
    LanguageResultFactory(client=client, test_date=date(2024, 8, 1))
    assert refresh_key_dates(facts=facts_for([client.pk]), on=TODAY) == 1
    client.refresh_from_db()
    assert client.language_expires_on == date(2026, 8, 1) and client.eca_expires_on is None
    assert KeyDate.objects.get(client=client, kind="language").points > 0


def test_a_refresh_that_changes_nothing_only_reads(firm_a, django_assert_num_queries):
    client = ClientFactory(firm=firm_a, birth_date=date(1995, 1, 20))
    LanguageResultFactory(client=client, test_date=date(2024, 8, 1))
    facts = facts_for([client.pk])
    refresh_key_dates(facts=facts, on=TODAY)
    with django_assert_num_queries(1):  # the stored rows
        assert refresh_key_dates(facts=facts, on=TODAY) == 0


def test_editing_a_file_refreshes_its_key_dates(firm_a, firm_a_consultant):
    from profiles import services

    client = ClientFactory(firm=firm_a)
    services.add_fact(
        client=client, model=LanguageResultFactory._meta.model, by=firm_a_consultant,
        data={"test": "celpip", "listening": 9, "reading": 9, "writing": 9, "speaking": 9,
              "test_date": timezone.localdate() - timedelta(days=100)},
    )  # fmt: skip
    client.refresh_from_db()
    (row,) = KeyDate.objects.filter(client=client, kind="language")
    assert client.language_expires_on == row.on > timezone.localdate()
