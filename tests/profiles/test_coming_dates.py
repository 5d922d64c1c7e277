"""The "Coming dates" of the client page and the portal: every projected score is the site's
own score of the client on that date (crs-rules.md §9: results last 2 years, ECAs 5, profiles 1).
"""

import random
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from profiles.candidates.assessment import assess
from profiles.candidates.coming_dates import coming_dates
from profiles.candidates.loader import facts_for, facts_from_values
from profiles.synthetic import synthetic_client
from scoring.advice import upcoming_events
from scoring.engine import score
from tests.factories import (
    ClientFactory,
    CredentialFactory,
    LanguageResultFactory,
    WorkPeriodFactory,
)

pytestmark = pytest.mark.django_db

ON = date(2026, 11, 25)


def _events(client, on=ON):
    return assess(facts_for([client.pk])[client.pk], on).events


def _event(client, words):
    return next(event for event in _events(client) if words in event.description)


@pytest.fixture
def sofia(firm_a):
    """A foreign master's whose ECA turns 5 on 2027-05-09: education then counts for nothing."""
    client = ClientFactory(firm=firm_a, first_name="Sofia", birth_date=date(1992, 1, 20))
    CredentialFactory(
        client=client, level="masters", in_canada=False, length_years=2,
        completed_on=date(2019, 6, 1), eca_date=date(2022, 5, 9),
    )  # fmt: skip
    LanguageResultFactory(client=client, test="ielts", listening=8, reading=7, writing=7,
                          speaking=7, test_date=date(2026, 3, 1))  # fmt: skip
    return client


def test_eca_expiry_shows_the_score_without_the_credential(sofia):
    expiry = _event(sofia, "ECA")
    assert expiry.date == date(2027, 5, 9)
    facts = facts_for([sofia.pk])[sofia.pk]
    assert expiry.total_after == score(facts.candidate(expiry.date), expiry.date).total
    assert expiry.change < 0


def test_expiring_result_is_projected_with_the_clients_other_valid_result(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(1994, 3, 2))
    LanguageResultFactory(client=client, test="celpip", listening=10, reading=10, writing=10,
                          speaking=10, test_date=date(2025, 3, 1))  # fmt: skip
    LanguageResultFactory(client=client, test="celpip", listening=9, reading=9, writing=9,
                          speaking=9, test_date=date(2026, 6, 1))  # fmt: skip
    expiry = _event(client, "result of 2025-03-01 expires")
    facts = facts_for([client.pk])[client.pk]
    assert expiry.total_after == score(facts.candidate(expiry.date), expiry.date).total
    assert expiry.total_after > 0  # the CLB 9 result still counts after the CLB 10 one expires


def test_profile_expiry_is_listed_with_the_score_that_day(firm_a):
    submitted = timezone.make_aware(datetime(2026, 3, 2, 10, 15))
    client = ClientFactory(firm=firm_a, profile_submitted_at=submitted)
    expiry = _event(client, "Express Entry profile expires")
    assert expiry.date == date(2027, 3, 2)
    assert expiry.total_after is not None


def test_years_of_canadian_experience_completing_are_listed(firm_a):
    client = ClientFactory(firm=firm_a)
    WorkPeriodFactory(client=client, start=date(2025, 6, 1))
    LanguageResultFactory(client=client)
    assert _event(client, "2 years of Canadian experience").change > 0


def test_spouse_result_expiry_is_listed(firm_a):
    client = ClientFactory(firm=firm_a, marital_status="married")
    LanguageResultFactory(client=client)
    LanguageResultFactory(client=client, person="spouse", test_date=date(2025, 1, 10))
    assert _event(client, "Spouse's").date == date(2027, 1, 10)


def test_every_projected_score_is_the_clients_score_on_that_date(firm_a):
    """Property: for varied synthetic clients, each event's total_after is what the site
    computes for that client on that date."""
    rng = random.Random(20261125)
    checked = 0
    for _ in range(60):
        values, facts = synthetic_client(rng, firm=firm_a, today=ON, email_domain="example.com")
        client_facts = facts_from_values(values, facts)
        for event in assess(client_facts, ON).events:
            expected = score(client_facts.candidate(event.date), event.date).total
            assert event.total_after == expected, (values, event)
            before = event.date - timedelta(days=1)
            assert event.change == expected - score(client_facts.candidate(before), before).total
            checked += 1
    assert checked > 60


def test_every_day_the_score_moves_is_listed(firm_a):
    """Property: walking day by day over the horizon, each change of the client's score falls
    on a listed date (rule changes aside: none are scheduled after ON)."""
    rng = random.Random(5)  # its first client once had a year of experience listed a day late
    for _ in range(20):
        values, facts = synthetic_client(rng, firm=firm_a, today=ON, email_domain="example.com")
        client_facts = facts_from_values(values, facts)
        listed = {event.date for event in assess(client_facts, ON).events}
        day, total = ON, score(client_facts.candidate(ON), ON).total
        while day < ON + timedelta(days=730):
            day += timedelta(days=1)
            moved, total = total, score(client_facts.candidate(day), day).total
            assert moved == total or day in listed, (values, day)


# Why the client pages do not project one fixed candidate through time, as the calculator does
# with the one candidate it is given (scoring.advice.upcoming_events): a client's file holds
# more than that candidate, and each day's score must be the one the re-evaluation will store,
# the score of ``facts.candidate(day)``.


def test_a_fixed_candidate_would_miss_the_eca_expiry_that_the_clients_facts_see(sofia):
    facts = facts_for([sofia.pk])[sofia.pk]
    expiry_day = date(2027, 5, 9)
    fixed = {event.date for event in upcoming_events(facts.candidate(ON), ON)}
    assert expiry_day not in fixed  # the engine scores the education it is given, ECA or not
    expiry = next(event for event in coming_dates(facts, ON) if event.date == expiry_day)
    assert expiry.total_after == score(facts.candidate(expiry_day), expiry_day).total
    assert expiry.change < 0


def test_a_fixed_candidate_would_score_an_expiring_result_as_if_no_other_were_valid(firm_a):
    client = ClientFactory(firm=firm_a, birth_date=date(1994, 3, 2))
    LanguageResultFactory(client=client, test="celpip", listening=10, reading=10, writing=10,
                          speaking=10, test_date=date(2025, 3, 1))  # fmt: skip
    LanguageResultFactory(client=client, test="celpip", listening=9, reading=9, writing=9,
                          speaking=9, test_date=date(2026, 6, 1))  # fmt: skip
    facts = facts_for([client.pk])[client.pk]
    day = date(2027, 3, 1)
    truth = score(facts.candidate(day), day).total  # the CLB 9 result counts from that day
    fixed = next(event for event in upcoming_events(facts.candidate(ON), ON) if event.date == day)
    assert fixed.total_after < truth
    clients = next(event for event in coming_dates(facts, ON) if event.date == day)
    assert clients.total_after == truth
