"""A boolean is not a number in the API (issue 14, defect 8): true/false for a score, hours or
a count is a field error, not 1 or 0."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from profiles.models import Client
from tests.draws.test_api import new_draw
from tests.factories import UserFactory
from tests.profiles.test_api import NEW_CLIENT

pytestmark = pytest.mark.django_db


def _with_result(**changes) -> dict:
    return {**NEW_CLIENT, "language_results": [{**NEW_CLIENT["language_results"][0], **changes}]}


def test_a_boolean_language_score_is_a_field_error(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.post(
        reverse("api-client-list"), _with_result(speaking=False), content_type="application/json"
    )
    assert response.status_code == 400
    assert "Enter a number, not true or false." in str(response.json()["language_results"])
    assert not Client.objects.exists()


def test_a_boolean_count_on_the_file_is_a_field_error(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    body = {**NEW_CLIENT, "dependent_children": True}
    response = client.post(reverse("api-client-list"), body, content_type="application/json")
    assert response.status_code == 400
    assert "dependent_children" in response.json()


def test_a_boolean_number_of_invitations_is_a_field_error():
    api = APIClient()
    api.force_authenticate(UserFactory(is_staff=True, is_superuser=True))
    response = api.post(reverse("api-draw-list"), new_draw(invitations=True), format="json")
    assert response.status_code == 400
    assert "invitations" in response.json()
