"""Choosing the language (issue 15): the URL says it, a first visit follows Accept-Language,
the switcher keeps the page and remembers the choice, a signed-in person's choice is saved."""

import pytest
from django.urls import reverse
from django.utils import translation

from eeportal.languages import language_of, save_language
from profiles.models import LanguagePreference
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
FRENCH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "fr-CA,fr;q=0.9,en;q=0.5"}


def test_public_pages_have_a_french_address():
    with translation.override("fr"):
        assert reverse("draws:draw_list") == "/fr/draws/"
    assert reverse("draws:draw_list") == "/draws/"


def test_the_french_address_answers_in_french(client):
    response = client.get("/fr/glossary/")
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr-CA">' in response.content.decode()


def test_an_english_browser_stays_on_the_english_page(client):
    response = client.get("/glossary/", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="en-CA">' in response.content.decode()


def test_a_first_visit_from_a_french_browser_goes_to_the_french_page(client):
    response = client.get("/draws/?year=2025", **FRENCH_BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/fr/draws/?year=2025"
    assert "Accept-Language" in response["Vary"]


def test_a_form_posted_to_an_english_address_is_not_redirected(client):
    response = client.post(reverse("scoring:calculator"), {}, **FRENCH_BROWSER)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_the_api_answers_in_the_language_the_client_asks_for(client):
    response = client.get("/api/v1/draws/?page=999", **FRENCH_BROWSER)
    assert response.status_code == 404
    assert response["Content-Language"] == "fr"
    assert "Page non valide" in response.json()["detail"]


def test_the_switcher_links_to_the_same_page_in_the_other_language(client):
    page = client.get("/draws/?year=2025").content.decode()
    assert 'href="/language/fr/?next=%2Fdraws%2F%3Fyear%3D2025"' in page
    assert 'hreflang="fr-CA" href="http://testserver/fr/draws/"' in page


def test_switching_keeps_the_page_and_its_query(client):
    response = client.get("/language/fr/", {"next": "/draws/?year=2025"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/draws/?year=2025"


def test_switching_back_to_english_drops_the_prefix(client):
    response = client.get("/language/en/", {"next": "/fr/draws/"})
    assert response["Location"] == "/draws/"


def test_a_chosen_language_beats_the_browsers(client):
    client.get("/language/en/", {"next": "/draws/"})
    response = client.get("/draws/", **FRENCH_BROWSER)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_switching_refuses_to_send_anyone_to_another_site(client):
    response = client.get("/language/fr/", {"next": "https://evil.example/draws/"})
    assert response["Location"] == "/fr/"


def test_an_unknown_language_falls_back_to_english(client):
    response = client.get("/language/xx/", {"next": "/fr/draws/"})
    assert response["Location"] == "/draws/"


def test_a_signed_in_persons_switch_is_saved(client, firm_a_client):
    client.force_login(firm_a_client)
    client.get("/language/fr/", {"next": reverse("profiles:portal")})
    assert LanguagePreference.objects.get(user=firm_a_client).language == "fr"


def test_a_saved_choice_follows_the_person_to_a_new_device(client, firm_a_client):
    save_language(firm_a_client, "fr")
    client.post(reverse("login"), {"username": firm_a_client.username, "password": PASSWORD})
    response = client.get(reverse("profiles:portal"))
    assert response.status_code == 302
    assert response["Location"] == "/fr/portal/"


def test_signing_in_on_the_french_page_saves_french(client, firm_a_client):
    client.post("/fr/accounts/login/", {"username": firm_a_client.username, "password": PASSWORD})
    assert language_of(firm_a_client) == "fr"


def test_a_person_who_never_chose_reads_english():
    assert language_of(None) == "en"


def test_an_htmx_request_is_answered_where_it_was_sent(client, firm_a_consultant):
    save_language(firm_a_consultant, "fr")
    client.force_login(firm_a_consultant)
    session = client.session
    session["ee_language"] = "fr"
    session.save()
    response = client.get(reverse("profiles:client_list"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
