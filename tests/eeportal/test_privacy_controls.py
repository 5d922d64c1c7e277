"""No-store on personal pages, a Permissions-Policy, 12-character passwords and the idle sign-out
of staff and consultants (issue 14, controls)."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from eeportal.middleware import SEEN_KEY
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_a_consultant_client_page_is_never_stored(client, firm_a_consultant):
    file = ClientFactory(firm=firm_a_consultant.membership.firm)
    client.force_login(firm_a_consultant)
    response = client.get(file.get_absolute_url())
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_portal_and_the_own_api_are_never_stored(client, firm_a_client):
    client.force_login(firm_a_client)
    for url in (reverse("profiles:portal"), reverse("api-me")):
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_public_pages_may_be_cached(client):
    assert "no-store" not in client.get(reverse("home")).get("Cache-Control", "")


def test_every_page_sends_a_permissions_policy(client):
    assert "camera=()" in client.get(reverse("home"))["Permissions-Policy"]


def test_a_password_of_eleven_characters_is_refused():
    with pytest.raises(ValidationError):
        validate_password("kx7!qz9#wm2")
    validate_password("kx7!qz9#wm2p")


def _age_session(client, seconds: int) -> None:
    session = client.session
    session[SEEN_KEY] = int(time.time()) - seconds
    session.save()


def test_a_consultant_idle_past_the_timeout_is_signed_out(client, firm_a_consultant, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(firm_a_consultant)
    _age_session(client, 601)
    response = client.get(reverse("profiles:client_list"))
    assert response.status_code == 302 and reverse("login") in response.url
    assert "_auth_user_id" not in client.session


def test_a_consultant_active_within_the_timeout_stays_signed_in(
    client, firm_a_consultant, settings
):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(firm_a_consultant)
    _age_session(client, 599)
    assert client.get(reverse("profiles:client_list")).status_code == 200


def test_staff_idle_past_the_timeout_are_signed_out(client, staff_user, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(staff_user)
    _age_session(client, 700)
    assert client.get(reverse("admin:index")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_client_is_not_signed_out_for_idling(client, firm_a_client, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(firm_a_client)
    _age_session(client, 10_000)
    assert client.get(reverse("profiles:portal")).status_code == 200
