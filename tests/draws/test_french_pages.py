"""The draw pages in French, under /fr/."""

import html
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import DrawCategoryFactory, DrawFactory


@pytest.fixture(autouse=True)
def back_to_english():
    # A request to /fr/ leaves French active in this thread; the next test must not inherit it.
    yield
    translation.activate("en")


def french(name: str, **kwargs) -> str:
    with translation.override("fr"):
        return reverse(name, **kwargs)


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_french_draw_list_is_under_fr_and_speaks_of_rondes(client, db):
    DrawFactory(number="434", held_on=date(2026, 8, 7), invitations=3000)
    page = text(client.get(french("draws:draw_list")))
    assert "Rondes d'invitations d'Entrée express" in page
    assert "Note minimale (SCG)" in page and "Minimum CRS" not in page
    assert 'href="/fr/draws/434/"' in page


def test_the_french_draw_list_writes_dates_and_numbers_the_french_way(client, db):
    DrawFactory(number="434", held_on=date(2026, 8, 7), invitations=20784)
    page = text(client.get(french("draws:draw_list")))
    assert "7 août 2026" in page
    assert "20\N{NO-BREAK SPACE}784" in page


def test_the_french_draw_page_says_note_minimale_and_regle_de_departage(client, db):
    DrawFactory(
        number="434",
        held_on=date(2026, 8, 7),
        tie_break_at=datetime(2026, 7, 3, 21, 35, 13, tzinfo=UTC),
    )
    page = text(client.get(french("draws:draw_detail", kwargs={"number": "434"})))
    assert "Ronde 434" in page and "Note minimale (SCG)" in page
    assert "Règle de départage" in page and "Tie-breaking rule" not in page
    assert "3 juillet 2026" in page


def test_a_round_type_is_named_with_irccs_french_name(client, db):
    cec = DrawCategoryFactory(key="cec", name="Canadian Experience Class")
    DrawFactory(number="433", category=cec)
    page = text(client.get(french("draws:draw_detail", kwargs={"number": "433"})))
    assert "Catégorie de l'expérience canadienne" in page


def test_the_french_draw_page_shows_irccs_french_round_name_when_it_has_one(client, db):
    DrawFactory(
        number="434",
        ircc_name="Transport Occupations, 2026-Version 2",
        name_fr="Professions dans le domaine des transports, 2026-version 2",
    )
    english_page = text(client.get(reverse("draws:draw_detail", kwargs={"number": "434"})))
    french_page = text(client.get(french("draws:draw_detail", kwargs={"number": "434"})))
    assert "Professions dans le domaine des transports, 2026-version 2" in french_page
    assert "Transport Occupations, 2026-Version 2" in english_page
    assert "2026-version 2" not in english_page


def test_the_english_draw_page_is_unchanged(client, db):
    DrawFactory(number="434", held_on=date(2026, 8, 7), invitations=3000)
    page = text(client.get(reverse("draws:draw_detail", kwargs={"number": "434"})))
    assert "Minimum CRS" in page and "2026-08-07" in page and "3,000" in page
