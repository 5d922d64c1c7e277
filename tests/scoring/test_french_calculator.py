"""The calculator page in French (/fr/calculator/): its form, a result's breakdown, eligibility
and advice, and the engine's field errors, all in Canadian French with French dates."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.scoring.test_calculator_page import e2

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def french_url() -> str:
    with translation.override("fr"):
        return reverse("scoring:calculator")


def test_the_french_calculator_url_has_the_fr_prefix():
    assert french_url() == "/fr/calculator/"


def test_the_french_calculator_page_labels_its_form_in_french(client):
    content = client.get(french_url()).content.decode()
    assert "Calculateur SCG" in content
    assert "Plus haut niveau de scolarité" in content
    assert "Première langue officielle" in content
    assert "Fonds d'établissement" in content
    assert "Highest level of education" not in content
    assert "Calculate</button>" not in content


def test_the_french_form_lists_education_levels_in_french(client):
    content = client.get(french_url()).content.decode()
    assert "Baccalauréat ou autre diplôme de 3 ans ou plus" in content
    assert "Bachelor&#x27;s degree" not in content


def test_a_french_result_breakdown_names_factors_and_answers_in_french(client):
    content = client.post(french_url(), e2(), headers=HTMX).content.decode()
    assert 'id="crs-total">374<' in content
    assert "Facteurs de base / capital humain" in content
    assert "Niveau de scolarité" in content
    assert "Baccalauréat ou autre diplôme de 3 ans ou plus" in content
    assert "30 ans" in content
    assert "CELPIP L9 R9 W9 S9 = NCLC 9/9/9/9" in content
    assert "Aucune offre d&#x27;emploi" in content
    assert "Core / human capital" not in content
    assert "No job offer" not in content


def test_a_french_result_writes_the_scoring_date_in_french_and_keeps_it_iso_for_machines(client):
    content = client.post(french_url(), e2(), headers=HTMX).content.decode()
    assert '<time datetime="2026-11-25">25 novembre 2026</time>' in content


def test_french_eligibility_names_the_programs_as_ircc_does(client):
    content = client.post(french_url(), e2(), headers=HTMX).content.decode()
    assert "Programme des travailleurs qualifiés (fédéral)" in content
    assert "Catégorie de l&#x27;expérience canadienne" in content
    assert "Federal Skilled Worker" not in content


def test_french_advice_says_what_would_raise_the_score_in_french(client):
    content = client.post(french_url(), e2(), headers=HTMX).content.decode()
    assert "Ce qui ferait augmenter la note" in content
    assert "Français: NCLC 9 dans les quatre compétences" in content


def test_a_settlement_funds_amount_reads_in_french_format(client):
    data = e2(settlement_funds="12000", family_size="2", canadian_experience_years="0")
    data["foreign_experience_years"] = "3"
    content = client.post(french_url(), data, headers=HTMX).content.decode()
    # "12 000 $" with no-break spaces, not "$12,000".
    assert "12\xa0000\xa0$" in content
    assert "$12,000" not in content


def test_an_expired_result_is_flagged_in_french(client):
    data = e2(first_language_test_date="2024-11-25")
    content = client.post(french_url(), data, headers=HTMX).content.decode()
    assert "Expiré:" in content
    assert "première langue officielle" in content
    assert "ne rapporte aucun point" in content


def test_an_out_of_range_score_is_refused_in_french(client):
    content = client.post(
        french_url(), e2(first_language_listening="13"), headers=HTMX
    ).content.decode()
    message = "Le résultat CELPIP en compréhension de l&#x27;oral doit être compris entre 0 et 12."
    assert message in content
    assert "must be between" not in content


def test_the_field_errors_sent_to_the_script_are_french_too(client):
    content = client.post(
        french_url(), e2(first_language_listening="13"), headers=HTMX
    ).content.decode()
    errors = re.search(r'id="calculator-errors"[^>]*>(.*?)</script>', content, re.S).group(1)
    assert "compris entre 0 et 12" in errors.encode().decode("unicode_escape")


def test_the_english_page_is_unchanged_by_the_translation(client):
    # A French request leaves French active in this thread: name the English URL explicitly.
    with translation.override("en"):
        url = reverse("scoring:calculator")
    content = client.post(url, e2(), headers=HTMX).content.decode()
    assert "Core / human capital" in content
    assert "Bachelor&#x27;s degree or other 3+-year credential" in content
    assert '<time datetime="2026-11-25">2026-11-25</time>' in content
