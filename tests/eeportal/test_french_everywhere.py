"""Every main page renders in French with no English interface string left (issue 15): the
public pages, the consultant's and the client's, forms, sign-in, two-factor and error pages,
on the demo data (a full dashboard, a rich client file, the real draw history)."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from draws.categories import sync_categories
from draws.models import Draw, DrawCategory
from profiles.models import Client, DocumentFile, Firm, Message
from tests.french_text import english_left, interface_texts


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo once for the module (it loads 435 rounds); removed after, as a transactional
    test would."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())
        yield
        call_command("flush", interactive=False, verbosity=0)
        # What the migrations seeded, as the other tests expect to find it.
        sync_categories(DrawCategory)


# Names of products, as their makers write them.
PRODUCTS = ["1Password", "Google Authenticator", "Microsoft Authenticator"]


def _data() -> list[str]:
    """What a page shows that is data, not interface."""
    values: list[str] = []
    values += Draw.objects.values_list("ircc_name", flat=True)
    values += Draw.objects.values_list("programs", flat=True)  # as IRCC publishes them
    values += Firm.objects.values_list("name", flat=True)
    for first, last, email, phone, spouse in Client.objects.values_list(
        "first_name", "last_name", "email", "phone", "spouse_name"
    ):
        values += [f"{first} {last}", f"{last}, {first}", first, last, email, phone, spouse]
    for username, first, last, email in User.objects.values_list(
        "username", "first_name", "last_name", "email"
    ):
        values += [username, f"{first} {last}", first, last, email]
    values += Message.objects.values_list("body", flat=True)
    values += DocumentFile.objects.values_list("filename", flat=True)
    # Only values of several words can hold an English word; a single-word one ("client", a
    # username) must not be cut out of the interface text around it.
    return PRODUCTS + [v for v in values if v and " " in v.strip()]


def _french(client, path: str) -> str:
    response = client.get(path, follow=True)
    assert response.status_code in (200, 403, 404), (path, response.status_code)
    assert response["Content-Language"] == "fr", path
    return response.content.decode()


def _assert_french(html: str, path: str) -> None:
    assert interface_texts(html), f"{path} shows nothing"
    left = english_left(html, _data())
    assert not left, f"English left on {path}:\n  " + "\n  ".join(left[:15])


def _priya() -> Client:
    return Client.objects.get(user__username="client")


PUBLIC = [
    "/fr/",
    "/fr/calculator/",
    "/fr/draws/",
    "/fr/draws/434/",
    "/fr/methods/",
    "/fr/glossary/",
    "/fr/accounts/login/",
    "/fr/accounts/password_reset/",
    "/fr/no-such-page/",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_are_all_french(demo, db, client, path):
    _assert_french(_french(client, path), path)


def test_a_calculator_result_is_all_french(demo, db, client):
    profile = {
        "age": "31", "education": "masters", "canadian_education": "none",
        "first_language_test": "celpip", "first_language_listening": "10",
        "first_language_reading": "9", "first_language_writing": "9",
        "first_language_speaking": "10", "canadian_experience_years": "2",
        "foreign_experience_years": "3", "job_offer": "none", "marital_status": "single",
    }  # fmt: skip
    response = client.post("/fr/calculator/", profile)
    _assert_french(response.content.decode(), "/fr/calculator/ (result)")


CONSULTANT = [
    "/fr/dashboard/",
    "/fr/clients/",
    "/fr/clients/{id}/",
    "/fr/clients/{id}/edit/",
    "/fr/clients/{id}/documents/",
    "/fr/clients/{id}/messages/",
    "/fr/clients/{id}/export/",
    "/fr/clients/new/",
    "/fr/clients/import/",
    "/fr/firm/",
    "/fr/firm/access/",
    "/fr/accounts/security/",
    "/fr/accounts/two-factor/setup/",
    "/fr/accounts/password_change/",
]


@pytest.mark.parametrize("path", CONSULTANT)
def test_the_consultants_pages_are_all_french(demo, db, client, path):
    client.force_login(User.objects.get(username="consultant"))
    path = path.format(id=_priya().public_id)
    _assert_french(_french(client, path), path)


CLIENT = [
    "/fr/portal/",
    "/fr/portal/documents/",
    "/fr/portal/messages/",
    "/fr/portal/contact/",
    "/fr/portal/my-file/",
]


@pytest.mark.parametrize("path", CLIENT)
def test_the_clients_pages_are_all_french(demo, db, client, path):
    client.force_login(User.objects.get(username="client"))
    _assert_french(_french(client, path), path)


def test_the_staff_pages_are_all_french(demo, db, client):
    client.force_login(User.objects.get(username="staff"))
    _assert_french(_french(client, "/fr/draws/runs/"), "/fr/draws/runs/")


def test_a_refusal_is_all_french(demo, db, client):
    client.force_login(User.objects.get(username="consultant"))
    html = _french(client, "/fr/draws/runs/")
    _assert_french(html, "/fr/draws/runs/ (refused)")
