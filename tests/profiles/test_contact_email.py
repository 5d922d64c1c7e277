"""A client's new contact e-mail counts only once confirmed from that address (issue 14,
defect 7): the link goes to the new address, carries no address, and works only for its file."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from profiles.models import Client
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_file(firm_a):
    return ClientFactory(
        firm=firm_a, with_login=True, contact_updates_allowed=True, email="old@example.com"
    )


def _ask(client, own_file, email="new@example.com"):
    client.force_login(own_file.user)
    return client.patch(reverse("api-me"), {"email": email}, content_type="application/json")


def _link() -> str:
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def test_a_new_email_waits_and_a_link_goes_to_it(client, own_file):
    response = _ask(client, own_file)
    assert response.status_code == 200
    stored = Client.objects.get(pk=own_file.pk)
    assert (stored.email, stored.pending_email) == ("old@example.com", "new@example.com")
    assert mail.outbox[-1].to == ["new@example.com"]
    assert "new@example.com" not in _link() and "new%40example.com" not in _link()


def test_opening_the_link_makes_the_new_email_the_file_email(client, own_file):
    _ask(client, own_file)
    client.get(_link())
    stored = Client.objects.get(pk=own_file.pk)
    assert (stored.email, stored.pending_email) == ("new@example.com", "")


def test_the_link_of_another_file_changes_nothing(client, own_file, firm_a):
    _ask(client, own_file)
    link = _link()
    other = ClientFactory(firm=firm_a, with_login=True, email="b@example.com",
                          pending_email="new@example.com")  # fmt: skip
    client.force_login(other.user)
    client.get(link)
    assert Client.objects.get(pk=other.pk).email == "b@example.com"


def test_a_tampered_link_changes_nothing(client, own_file):
    _ask(client, own_file)
    client.get(_link().rstrip("/") + "x/")
    assert Client.objects.get(pk=own_file.pk).email == "old@example.com"


def test_a_second_request_replaces_the_first_and_the_first_link_stops_working(client, own_file):
    _ask(client, own_file)
    first = _link()
    _ask(client, own_file, "other@example.com")
    client.get(first)
    assert Client.objects.get(pk=own_file.pk).email == "old@example.com"


def test_the_portal_form_says_where_the_link_went(client, own_file):
    client.force_login(own_file.user)
    response = client.post(
        reverse("profiles:portal_contact"),
        {"email": "new@example.com", "phone": "", "address": ""},
        follow=True,
    )
    assert "We sent a link to new@example.com" in response.content.decode()
    assert Client.objects.get(pk=own_file.pk).email == "old@example.com"
