"""The answer card (issue 12, item 1): today's score against the latest round of each kind the
client could take part in, in plain words, first on the portal and the client page."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from draws.answer import Outcome, latest_by_kind, outcome
from tests.dates import assert_one_date_format
from tests.factories import (
    ClientFactory,
    CredentialFactory,
    DrawCategoryFactory,
    DrawFactory,
    LanguageResultFactory,
    StandingFactory,
    WorkPeriodFactory,
)

pytestmark = pytest.mark.django_db

TIE = datetime(2026, 7, 1, 12, tzinfo=UTC)


def _round(cutoff=500, tie_break_at=TIE, **kwargs):
    return DrawFactory.build(cutoff=cutoff, tie_break_at=tie_break_at, **kwargs)


def test_a_score_above_the_cutoff_would_have_been_invited():
    assert outcome(501, _round(), None) == Outcome.INVITED


def test_a_score_below_the_cutoff_would_not_have_been_invited():
    assert outcome(499, _round(), TIE - timedelta(days=9)) == Outcome.BELOW


def test_at_the_cutoff_a_profile_created_before_the_tie_break_wins_it():
    assert outcome(500, _round(), TIE - timedelta(seconds=1)) == Outcome.TIE_WON


def test_at_the_cutoff_a_profile_created_after_the_tie_break_loses_it():
    assert outcome(500, _round(), TIE + timedelta(seconds=1)) == Outcome.TIE_LOST


def test_at_the_cutoff_without_a_profile_the_tie_is_lost():
    assert outcome(500, _round(), None) == Outcome.TIE_LOST


def test_at_the_cutoff_of_a_round_without_a_published_tie_break_everyone_was_invited():
    assert outcome(500, _round(tie_break_at=None), None) == Outcome.TIE_WON


def test_the_latest_round_of_each_kind_is_found_in_one_query(django_assert_num_queries):
    cec = DrawCategoryFactory()
    general = DrawCategoryFactory(key="general", name="General", family="general")
    DrawFactory(category=cec, held_on=date(2026, 5, 1))
    newest_cec = DrawFactory(category=cec, held_on=date(2026, 8, 5))
    newest_general = DrawFactory(category=general, held_on=date(2026, 6, 1))
    with django_assert_num_queries(1):  # draws numbered by kind, newest first, first of each
        latest = latest_by_kind(["cec", "general", "fsw"])
    assert latest == {"cec": newest_cec, "general": newest_general}


@pytest.fixture
def cec_file(firm_a):
    """Eligible for CEC (and so for general rounds): four years of Canadian software work."""
    file = ClientFactory(
        firm=firm_a,
        first_name="Ada",
        with_login=True,
        profile_submitted_at=timezone.now() - timedelta(days=30),
    )
    CredentialFactory(client=file)
    LanguageResultFactory(client=file)
    WorkPeriodFactory(client=file, start=date(2022, 1, 3))
    return file


def _card(client, url):
    page = client.get(url).content.decode()
    start = page.index('data-testid="answer-card"')
    return page[start : page.index("</section>", start)]


def test_the_portal_says_in_words_whether_the_client_would_have_been_invited(client, cec_file):
    DrawFactory(held_on=date(2026, 8, 5), cutoff=300)
    client.force_login(cec_file.user)
    card = _card(client, reverse("profiles:portal"))
    assert "is above the 300" in card
    assert "Canadian Experience Class round of 2026-08-05" in card
    assert "you would have been invited" in card


def test_the_portal_says_how_many_points_short_the_score_is(client, cec_file):
    DrawFactory(held_on=date(2026, 8, 5), cutoff=1000)
    client.force_login(cec_file.user)
    card = _card(client, reverse("profiles:portal"))
    assert "points below the 1000" in card
    assert "not invited" in card


def test_the_answer_card_comes_before_the_breakdown_on_the_portal(client, cec_file):
    client.force_login(cec_file.user)
    page = client.get(reverse("profiles:portal")).content.decode()
    assert page.index('data-testid="answer-card"') < page.index('aria-label="CRS breakdown"')


def test_the_consultants_page_names_the_client_in_the_card(client, cec_file, firm_a_consultant):
    DrawFactory(held_on=date(2026, 8, 5), cutoff=300)
    client.force_login(firm_a_consultant)
    card = _card(client, cec_file.get_absolute_url())
    assert "Where Ada stands today" in card
    assert "Ada would have been invited" in card


def test_a_file_without_a_profile_is_said_to_be_out_of_the_pool(client, cec_file):
    cec_file.profile_submitted_at = None
    cec_file.save(update_fields=["profile_submitted_at"])
    client.force_login(cec_file.user)
    card = _card(client, reverse("profiles:portal"))
    assert "no Express Entry profile has been submitted yet" in card


def test_a_file_meeting_no_program_is_told_it_cannot_be_in_the_pool(client, firm_a):
    file = ClientFactory(firm=firm_a, with_login=True)  # no language test: no program
    client.force_login(file.user)
    card = _card(client, reverse("profiles:portal"))
    assert 'data-testid="answer-no-program"' in card
    assert "answer-rounds" not in card


def test_terms_in_the_card_open_an_explanation(client, cec_file):
    client.force_login(cec_file.user)
    card = _card(client, reverse("profiles:portal"))
    assert 'href="/glossary/#crs"' in card
    assert 'data-bs-toggle="popover"' in card


def _history(file, rounds):
    general = DrawCategoryFactory(key="general", name="General", family="general")
    for n in range(rounds):
        draw = DrawFactory(category=general if n % 2 else DrawCategoryFactory(), cutoff=480 + n)
        StandingFactory(client=file, draw=draw, verdict="below_cutoff", crs=470, margin=-10 - n)


def _queries(client, url, captured):
    # Warmed first: the draw facts are read once per process and data revision (per_revision).
    client.get(url)
    with captured as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["portal", "client_page"])
def test_the_pages_use_as_many_queries_for_30_rounds_as_for_3(
    client, cec_file, firm_a, firm_a_consultant, page
):
    other = ClientFactory(firm=firm_a, with_login=True)
    CredentialFactory(client=other)
    LanguageResultFactory(client=other)
    WorkPeriodFactory(client=other, start=date(2022, 1, 3))
    _history(cec_file, 3)
    _history(other, 30)
    counts = []
    for file in (cec_file, other):
        if page == "portal":
            client.force_login(file.user)
            url = reverse("profiles:portal")
        else:
            client.force_login(firm_a_consultant)
            url = file.get_absolute_url()
        counts.append(_queries(client, url, CaptureQueriesContext(connection)))
    assert counts[0] == counts[1], counts


def test_the_portal_writes_every_date_one_way(client, cec_file):
    _history(cec_file, 5)
    client.force_login(cec_file.user)
    assert_one_date_format(client.get(reverse("profiles:portal")).content.decode())
