"""Each role lands on its own page after signing in (issue 11); ``next`` still wins; the public
home stays for anonymous visitors; the invitation link signs the client in."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from profiles import services
from tests.factories import PASSWORD, ClientFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")


def _sign_in(client, user, **query):
    url = LOGIN + (f"?next={query['next']}" if query else "")
    return client.post(url, {"username": user.username, "password": PASSWORD})


@pytest.mark.parametrize(
    ("actor", "home"),
    [
        ("firm_a_consultant", "profiles:dashboard"),
        ("firm_a_client", "profiles:portal"),
        ("staff_user", "draws:run_list"),
    ],
)
def test_signing_in_lands_each_role_on_its_own_page(client, request, actor, home):
    response = _sign_in(client, request.getfixturevalue(actor))
    assert response.status_code == 302 and response.url == reverse(home)


def test_next_still_decides_where_a_consultant_lands(client, firm_a_consultant):
    response = _sign_in(client, firm_a_consultant, next=reverse("profiles:client_list"))
    assert response.url == reverse("profiles:client_list")


def test_an_unsafe_next_is_ignored_for_the_role_home(client, firm_a_consultant):
    response = _sign_in(client, firm_a_consultant, next="https://evil.example.com/")
    assert response.url == reverse("profiles:dashboard")


def test_the_public_home_stays_for_anonymous_visitors(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200 and b"Where does each client stand" in response.content


def test_a_signed_in_consultant_visiting_the_home_goes_to_the_dashboard(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    assert client.get(reverse("home")).url == reverse("profiles:dashboard")


def test_the_invitation_link_signs_the_client_in_on_the_portal(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, email="mateo@example.com")
    services.invite_client(client=file, by=firm_a_consultant, site_url="http://testserver")
    link = re.search(r"http://testserver(/welcome/\S+)", mail.outbox[-1].body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session first
    response = client.post(
        form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("profiles:portal")
    assert response.context["user"] == file.user
