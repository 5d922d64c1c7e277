"""The fact forms: errors the consultant can act on are shown, never left on a hidden field."""

import pytest
from django.urls import reverse

from profiles.models import Client
from tests.factories import ClientFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def now_single(firm_a):
    """A client recorded as married with a spouse's result, then changed to never married."""
    client = ClientFactory(firm=firm_a, marital_status="married")
    LanguageResultFactory(client=client, person="spouse")
    Client.objects.filter(pk=client.pk).update(marital_status="never_married")
    client.refresh_from_db()
    return client


def _post_spouse_result(client, consultant, file):
    fact = file.language_results.get()
    url = reverse("profiles:fact_edit", args=[file.public_id, "languages", fact.public_id])
    client.force_login(consultant)
    data = {"person": "spouse", "test": "celpip", "listening": 10, "reading": 10, "writing": 10,
            "speaking": 10, "test_date": fact.test_date.isoformat()}  # fmt: skip
    return client.post(url, data)


def test_editing_a_spouse_fact_of_a_now_single_client_shows_why_it_cannot_be_saved(
    client, firm_a_consultant, now_single
):
    response = _post_spouse_result(client, firm_a_consultant, now_single)
    assert response.status_code == 200
    assert "Set the marital status" in " ".join(response.context["form"].non_field_errors())
    assert "Set the marital status" in response.content.decode()
