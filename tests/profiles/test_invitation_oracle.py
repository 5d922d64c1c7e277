"""Inviting an address that another firm's user has says nothing a firm could learn from
(issue 14, defect 3): the answer is the one of a sent invitation, and the address's owner is
told instead. Within the firm the clash is still named."""

import pytest
from django.core import mail
from django.urls import reverse

from profiles.models import Client, Membership
from tests.factories import ClientFactory, ConsultantFactory

pytestmark = pytest.mark.django_db


def _invite_file(client, consultant, email):
    file = ClientFactory(firm=consultant.membership.firm, email=email)
    client.force_login(consultant)
    response = client.post(reverse("profiles:client_invite", args=[file.public_id]), follow=True)
    return file, response.content.decode()


def test_inviting_a_client_with_another_firms_address_answers_as_sent(
    client, firm_a_consultant, firm_b_consultant
):
    taken = firm_b_consultant.email
    file, page = _invite_file(client, firm_a_consultant, taken)
    assert f"Invitation e-mailed to {taken}." in page
    assert "already" not in page.lower()
    assert Client.objects.get(pk=file.pk).user is None


def test_the_owner_of_the_address_is_told_and_learns_no_more_than_the_firm_name(
    client, firm_a_consultant, firm_b_consultant
):
    _invite_file(client, firm_a_consultant, firm_b_consultant.email)
    (notice,) = mail.outbox
    assert notice.to == [firm_b_consultant.email]
    assert firm_a_consultant.membership.firm.name in notice.body
    assert "http" not in notice.body  # no link: there is nothing to accept


def test_an_address_of_the_own_firm_is_still_named(client, firm_a_consultant, firm_a_admin):
    _, page = _invite_file(client, firm_a_consultant, firm_a_admin.email)
    assert "Another account of your firm uses this e-mail address." in page
    assert not mail.outbox


def test_inviting_a_consultant_with_another_firms_address_answers_as_sent(
    client, firm_a_admin, firm_b_consultant
):
    client.force_login(firm_a_admin)
    response = client.post(
        reverse("profiles:firm"),
        {"email": firm_b_consultant.email, "first_name": "X", "last_name": "Y"},
        follow=True,
    )
    assert f"Invitation e-mailed to {firm_b_consultant.email}." in response.content.decode()
    assert Membership.objects.filter(firm=firm_a_admin.membership.firm).count() == 1
    assert ConsultantFactory._meta.model.objects.filter(email=firm_b_consultant.email).count() == 1
