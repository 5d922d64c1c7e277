"""The public methods page, and the place include that links to it."""

from django.template.loader import render_to_string
from django.urls import reverse

from draws import pool as pool_bands
from draws.estimates.place import place
from tests import factories
from tests.draws.estimates.round_434 import AS_OF, POOL


def test_the_methods_page_opens_without_signing_in(client, db):
    response = client.get(reverse("draws:methods"))
    assert response.status_code == 200
    assert reverse("draws:methods") == "/methods/"


def test_the_methods_page_shows_every_formula(client, db):
    html = client.get(reverse("draws:methods")).content.decode()
    for anchor in ('id="place"', 'id="backtest"', 'id="outlook"', 'id="limits"'):
        assert anchor in html
    assert (
        "share = (e<sup>T</sup> \N{MINUS SIGN} e<sup>T·c</sup>) ÷ (e<sup>T</sup> \N{MINUS SIGN} 1)"
        in html
    )
    assert "invited in N of M rounds" in html
    assert "P = 1 \N{MINUS SIGN} e<sup>\N{MINUS SIGN}λt</sup>" in html


def test_the_methods_page_works_round_434_with_the_estimates_own_figures(client, db):
    text = " ".join(client.get(reverse("draws:methods")).content.decode().split())
    assert "round 434, distribution of 2026-08-03" in text
    # The code's figures for 485, 544 and 650 (tests/draws/estimates/test_place.py by hand).
    assert "<strong>39,204 to 39,596</strong>" in text
    assert "<strong>4,354 to 11,535</strong>" in text
    assert "<strong>0 to 500</strong>" in text
    assert "12,890 \N{MULTIPLICATION SIGN} 5 ÷ 10 = 6,445.0" in text


def test_the_methods_page_names_the_latest_distribution_held(client, db):
    factories.DrawFactory(number="434", pool=POOL, pool_as_of=AS_OF)
    text = " ".join(client.get(reverse("draws:methods")).content.decode().split())
    assert "(of 2026-08-03, published with round 434)" in text


def test_the_place_include_shows_a_dated_range_and_the_method_link():
    found = place(pool_bands.ranks(POOL), 544, as_of=AS_OF, round_number="434")
    html = " ".join(render_to_string("draws/includes/place.html", {"place": found}).split())
    assert "About 4,300 to 11,600</strong> candidates" in html
    assert "2026-08-03, published with round 434" in html
    assert "100 points wide, so the range is wide" in html
    assert "/methods/#place" in html


def test_the_place_include_says_when_there_is_no_distribution():
    html = render_to_string("draws/includes/place.html", {"place": None})
    assert "No pool distribution" in html
