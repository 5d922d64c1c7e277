"""Invitations by e-mail: an address that cannot become a username is a field error, not a 500."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from profiles.models import Membership
from tests.factories import ClientFactory, ConsultantFactory

pytestmark = pytest.mark.django_db

# 151 characters: valid as an e-mail address, one too many for a username (PostgreSQL refuses).
LONG_EMAIL = f"{'a' * 64}@{'b' * 63}.{'c' * 10}.example.com"


@pytest.fixture
def firm_a_admin(firm_a):
    return ConsultantFactory(membership__firm=firm_a, membership__is_firm_admin=True)


def test_inviting_a_consultant_with_an_overlong_email_is_a_field_error(client, firm_a_admin):
    assert len(LONG_EMAIL) == 151
    client.force_login(firm_a_admin)
    data = {"email": LONG_EMAIL, "first_name": "Ana", "last_name": "Costa"}
    response = client.post(reverse("profiles:firm"), data)
    assert response.status_code == 200
    assert "at most 150 characters" in " ".join(response.context["form"].errors["email"])
    assert not Membership.objects.filter(user__email=LONG_EMAIL).exists()


def test_inviting_a_client_with_an_overlong_email_says_why(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, email=LONG_EMAIL)
    client.force_login(firm_a_consultant)
    response = client.post(reverse("profiles:client_invite", args=[file.public_id]), follow=True)
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not User.objects.filter(email=LONG_EMAIL).exists()


def test_expired_invitation_page_speaks_to_consultants_too(client, db):
    response = client.get(reverse("profiles:welcome", args=["MQ", "bad-token"]))
    assert "Ask your consultant" not in response.content.decode()
    assert "whoever invited you" in response.content.decode()
