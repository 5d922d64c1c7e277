"""A fresh password (or code) before exporting all clients, erasing a file or changing 2FA."""

import pytest
from django.urls import reverse

from eeportal.mfa.reauth import PROVED_KEY
from profiles.models import Client
from tests.factories import PASSWORD, ClientFactory
from tests.two_factor import app_code, app_of, enrol


def _stale(client):
    session = client.session
    session[PROVED_KEY] = 0
    session.save()


@pytest.fixture
def stale_consultant(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    _stale(client)
    return firm_a_consultant


def test_exporting_all_clients_asks_for_the_password_again_after_a_while(client, stale_consultant):
    response = client.get(reverse("profiles:client_export"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("reauth"))
    assert "next=%2Fclients%2Fexport.csv" in response.url


def test_the_right_password_goes_back_to_the_export(client, stale_consultant):
    export = reverse("profiles:client_export")
    response = client.post(reverse("reauth"), {"password": PASSWORD, "next": export})
    assert response.url == export
    assert client.get(export).status_code == 200


def test_a_wrong_password_is_refused_and_the_export_stays_closed(client, stale_consultant):
    response = client.post(reverse("reauth"), {"password": "not it", "next": "/clients/"})
    assert response.status_code == 200
    assert b"That password is not right" in response.content
    assert client.get(reverse("profiles:client_export")).status_code == 302


def test_an_empty_confirmation_asks_for_the_password(client, stale_consultant):
    response = client.post(reverse("reauth"), {"password": ""})
    assert b"Enter your password" in response.content


def test_erasing_a_file_with_a_stale_password_erases_nothing(client, stale_consultant, firm_a):
    file = ClientFactory(firm=firm_a)
    response = client.post(reverse("profiles:client_delete", args=[file.public_id]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("reauth"))
    assert Client.objects.filter(pk=file.pk).exists()


def test_erasing_another_firms_file_is_a_404_before_any_password_question(
    client, stale_consultant, firm_b
):
    file = ClientFactory(firm=firm_b)
    response = client.post(reverse("profiles:client_delete", args=[file.public_id]))
    assert response.status_code == 404


def test_a_client_asking_for_the_firm_export_gets_a_404(client, firm_a_client):
    client.force_login(firm_a_client)
    _stale(client)
    assert client.get(reverse("profiles:client_export")).status_code == 404


def test_a_code_from_the_app_also_confirms(client, firm_a_consultant):
    enrol(firm_a_consultant)
    client.force_login(firm_a_consultant)
    device = app_of(firm_a_consultant)
    client.post(reverse("mfa:verify"), {"code": app_code(device)})
    _stale(client)
    code = app_code(app_of(firm_a_consultant), steps_ahead=1)
    response = client.post(reverse("reauth"), {"code": code, "next": "/clients/export.csv"})
    assert response.url == "/clients/export.csv"


def test_the_confirmation_page_needs_a_signed_in_user(client, db):
    response = client.get(reverse("reauth"))
    assert response.url.startswith(reverse("login"))
