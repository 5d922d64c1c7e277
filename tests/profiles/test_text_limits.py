"""Free text has a limit (issue 14, defect 7): a 100,000-character address is a field error
through the client's own API, the consultant's API and the form, and nothing is stored."""

import pytest
from django.urls import reverse

from profiles.models import Client
from profiles.models.clients import TEXT_LIMIT
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db
HUGE = "x" * 100_000


def test_a_client_cannot_store_a_huge_address_through_their_api(client, firm_a):
    file = ClientFactory(firm=firm_a, with_login=True, contact_updates_allowed=True)
    client.force_login(file.user)
    response = client.patch(reverse("api-me"), {"address": HUGE}, content_type="application/json")
    assert response.status_code == 400
    assert "address" in response.json()
    assert Client.objects.get(pk=file.pk).address == ""


def test_a_consultant_cannot_store_a_huge_address_through_the_api(client, firm_a_consultant):
    file = ClientFactory(firm=firm_a_consultant.membership.firm)
    client.force_login(firm_a_consultant)
    response = client.patch(
        reverse("api-client-detail", args=[file.public_id]),
        {"address": HUGE},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "address" in response.json()


def test_an_address_at_the_limit_is_kept(client, firm_a_consultant):
    file = ClientFactory(firm=firm_a_consultant.membership.firm)
    client.force_login(firm_a_consultant)
    response = client.patch(
        reverse("api-client-detail", args=[file.public_id]),
        {"address": "y" * TEXT_LIMIT},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert len(Client.objects.get(pk=file.pk).address) == TEXT_LIMIT
