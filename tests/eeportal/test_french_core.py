"""The core's pages, messages and e-mails in French (issue 15): /fr/… pages, the API in the
language of Accept-Language, e-mails in their recipient's language."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy

from eeportal.languages import save_language
from eeportal.mfa.notices import tell_user
from eeportal.templatetags.eeportal_tags import dollars, in_words
from tests.factories import PASSWORD, UserFactory
from tests.scoring.test_calculator_page import e2
from tests.two_factor import enrol

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.django_db
def test_the_french_sign_in_page_says_se_connecter(client):
    page = client.get("/fr/accounts/login/").content.decode()
    assert '<h1 class="h4 mb-3">Se connecter</h1>' in page and "Mot de passe oublié?" in page
    assert "Forgot your password?" not in page


@pytest.mark.django_db
def test_the_french_code_page_after_the_password_asks_for_the_code_in_french(client):
    user = UserFactory()
    enrol(user)
    client.post("/fr/accounts/login/", {"username": user.username, "password": PASSWORD})
    page = client.get("/fr/accounts/two-factor/verify/").content.decode()
    assert "Entrez votre code" in page and "codes de récupération" in page
    assert "Enter your code" not in page


@pytest.mark.django_db
def test_the_french_security_and_set_up_pages_say_connexion_a_deux_facteurs(client):
    client.force_login(UserFactory())
    security = client.get("/fr/accounts/security/").content.decode()
    assert "Connexion à deux facteurs" in security and "Two-factor sign-in" not in security
    setup = client.get("/fr/accounts/two-factor/setup/").content.decode()
    assert "Configurer la connexion à deux facteurs" in setup
    assert "Scan" not in setup and "Type the 6-digit code" not in setup


@pytest.mark.django_db
def test_a_wrong_code_is_refused_in_french(client):
    user = UserFactory()
    enrol(user)
    client.post("/fr/accounts/login/", {"username": user.username, "password": PASSWORD})
    page = client.post("/fr/accounts/two-factor/verify/", {"code": "000000"}).content.decode()
    assert "Ce code n&#x27;est pas le bon." in page


@pytest.mark.django_db
def test_a_missing_french_page_is_a_french_404(client):
    response = client.get("/fr/nonexistent/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert "Page not found" not in response.content.decode()


@pytest.mark.django_db
def test_a_french_403_page_comes_from_a_french_address(client, firm_a_client):
    client.force_login(firm_a_client)
    response = client.get("/fr/portal/contact/")
    assert response.status_code == 403
    assert "Action non permise" in response.content.decode()


@pytest.mark.django_db
def test_the_french_glossary_names_the_systeme_de_classement_global(client):
    page = client.get("/fr/glossary/").content.decode()
    assert "Système de classement global" in page and "Glossaire" in page
    assert "Comprehensive Ranking System" not in page
    assert 'id="crs"' in page  # the anchors stay English in both languages


def test_a_term_explained_inline_in_french_uses_the_french_entry():
    with translation.override("fr"):
        html = Template('{% load eeportal_tags %}{% term "tie-break" %}').render(Context())
    assert 'href="/fr/glossary/#tie-break"' in html
    assert "règle de départage" in html and "(explication)" in html


@pytest.mark.django_db
def test_the_french_calculator_over_the_limit_answers_429_in_a_french_page(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "calculator": "1/m"}
    client.post("/fr/calculator/", e2())
    response = client.post("/fr/calculator/", e2())
    assert response.status_code == 429
    page = response.content.decode()
    assert 'lang="fr-CA"' in page and 'id="crs-too-many"' in page


@pytest.mark.django_db
def test_an_api_error_is_in_french_when_the_client_asks_for_french(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = client.post(
        "/api/v1/crs/",
        '{"age": "' + "9" * 5_000 + '"}',
        content_type="application/json",
        headers={"accept-language": "fr-CA,fr;q=0.9"},
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Le corps de la requête est trop volumineux."}
    assert response.headers["Content-Language"] == "fr"


@pytest.mark.django_db
def test_an_api_error_stays_english_without_accept_language(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = client.post(
        "/api/v1/crs/", '{"age": "' + "9" * 5_000 + '"}', content_type="application/json"
    )
    assert response.json() == {"detail": "The request body is too large."}


def test_dollars_in_french_put_the_sign_after_and_group_with_no_break_spaces():
    with translation.override("fr"):
        assert dollars(1234) == f"1{NBSP}234{NBSP}$"
        assert dollars(1234567) == f"1{NBSP}234{NBSP}567{NBSP}$"
    with translation.override("en"):
        assert dollars(1234) == "$1,234"


def test_in_words_says_the_lockout_length_in_french():
    with translation.override("fr"):
        assert in_words(timedelta(minutes=30)) == "30 minutes"
        assert in_words(timedelta(hours=1)) == "1 heure"
        assert in_words(timedelta(hours=2, minutes=1)) == "2 heures 1 minute"
    with translation.override("en"):
        assert in_words(timedelta(hours=1, minutes=30)) == "1 hour 30 minutes"


@pytest.mark.django_db
def test_the_password_reset_email_of_a_french_user_is_in_french_with_a_french_link(client):
    user = UserFactory(email="camille@example.com")
    save_language(user, "fr")
    client.post("/accounts/password_reset/", {"email": "camille@example.com"})  # English page
    [message] = mail.outbox
    assert message.subject == "Votre lien de mot de passe EE Portal"
    assert message.body.startswith(f"Bonjour {user.username},")
    assert re.search(r"http://testserver/fr/accounts/reset/\S+/", message.body)


@pytest.mark.django_db
def test_the_password_reset_email_of_an_english_user_asked_from_a_french_page_is_english(client):
    UserFactory(email="sam@example.com")
    client.post("/fr/accounts/password_reset/", {"email": "sam@example.com"})
    [message] = mail.outbox
    assert message.subject == "Your EE Portal password link"
    assert re.search(r"http://testserver/accounts/reset/\S+/", message.body)


@pytest.mark.django_db
def test_the_two_factor_change_email_of_a_french_user_is_in_french(client):

    user = UserFactory(email="lea@example.com")
    save_language(user, "fr")
    tell_user(user, gettext_lazy("two-factor sign-in was set up"))
    [message] = mail.outbox
    assert message.subject == "EE Portal: la connexion à deux facteurs a été configurée"
    assert (
        "Sur votre compte EE Portal, la connexion à deux facteurs a été configurée." in message.body
    )
    assert "/fr/accounts/password_reset/" in message.body


@pytest.mark.django_db
def test_a_two_factor_change_given_as_an_english_msgid_is_told_in_french():
    user = UserFactory(email="noe@example.com")
    save_language(user, "fr")
    tell_user(user, "new recovery codes were made")  # a caller that marked it with gettext_noop
    assert mail.outbox[0].subject == "EE Portal: de nouveaux codes de récupération ont été créés"
