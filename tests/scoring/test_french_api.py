"""The CRS API in French: with ``Accept-Language: fr`` its messages, details and reasons are
French; keys, codes and numbers stay as they are (and English without the header)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.scoring.test_api import e2, language

URL = reverse("api-crs")


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


def post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", headers=headers)


def test_an_api_field_error_is_in_french_with_accept_language_fr(client):
    response = post(client, e2(first_language=language(listening=13)), accept_language="fr")
    assert response.status_code == 400
    assert response.json() == {
        "first_language.listening": [
            "Le résultat CELPIP en compréhension de l'oral doit être compris entre 0 et 12."
        ]
    }


def test_an_unknown_value_error_keeps_the_codes_in_english(client):
    response = post(client, e2(education="phd"), accept_language="fr-CA,fr;q=0.9")
    message = response.json()["education"][0]
    assert message.startswith("Valeur inconnue 'phd'")
    assert "bachelors" in message


def test_an_api_result_in_french_keeps_keys_and_codes_and_translates_the_details(client):
    body = post(client, e2(), accept_language="fr").json()
    assert body["total"] == 374
    line = next(line for line in body["lines"] if line["factor"] == "education")
    assert line["section"] == "core_human_capital"
    assert line["detail"] == "Baccalauréat ou autre diplôme de 3 ans ou plus"
    assert body["eligibility"]["fst"]["status"] == "no"
    assert "offre d'emploi" in body["eligibility"]["fst"]["reason"]
    assert body["rules"]["description"] == "Aucun point pour une offre d'emploi"


def test_bad_json_is_refused_in_french(client):
    response = post(client, "{", accept_language="fr")
    assert response.status_code == 400
    assert response.json()["__all__"][0].startswith("Erreur d'analyse JSON")


def test_the_api_stays_english_without_accept_language(client):
    response = post(client, e2(first_language=language(listening=13)))
    assert response.json() == {
        "first_language.listening": ["CELPIP listening must be between 0 and 12."]
    }
