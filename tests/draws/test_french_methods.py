"""The methods page and the estimates' sentences in French."""

import html
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from draws.estimates.outlook import RoundFact, outlook
from draws.templatetags.draws_format import sentences


@pytest.fixture(autouse=True)
def back_to_english():
    # A request to /fr/ leaves French active in this thread; the next test must not inherit it.
    yield
    translation.activate("en")


def test_the_french_methods_page_explains_the_estimates_in_french(client, db):
    with translation.override("fr"):
        url = reverse("draws:methods")
    page = html.unescape(client.get(url).content.decode())
    assert url == "/fr/methods/"
    assert '<h1 class="h3">Notre méthode d\'estimation</h1>' in page
    assert "Three estimates help you" not in page
    assert "Place dans le bassin" in page and "Ce que ces estimations ne peuvent pas savoir" in page
    assert "Exemple détaillé : ronde 434" in page
    main = page[page.index("<main") : page.index("</main>")]
    assert "note minimale" in main and "cut-off" not in main


def test_an_outlooks_reasoning_reads_in_french_with_french_dates_and_numbers():
    rounds = [
        RoundFact("1", date(2026, 3, 1), "cec", 480),
        RoundFact("2", date(2026, 5, 1), "cec", 520),
    ]
    found = outlook(score=500, rounds=rounds, on=date(2026, 8, 7), open_kinds={"cec"})
    with translation.override("fr"):
        said = sentences(found.reasoning_texts)
        chance = str(translation.gettext(found.horizons[0].text.msgid))
    assert said.startswith("Au cours des 12 mois précédant le 7 août 2026, il y a eu 2 rondes")
    assert (
        "1 had a cut-off" not in said and "; 1 avaient une note minimale inférieure à 500" in said
    )
    assert "%" in chance
    assert found.reasoning.startswith("In the 12 months to 2026-08-07, 2 rounds of the kinds open")
