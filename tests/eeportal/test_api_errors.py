"""API errors are JSON and in the schema (issue 14, defect 8)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _schema(client) -> dict:
    return client.get(reverse("api-schema"), {"format": "json"}).json()


def test_an_oversized_api_body_is_a_json_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = client.post(
        reverse("api-crs"), '{"age": "' + "9" * 5_000 + '"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is too large."}


def test_the_schema_documents_the_error_responses_of_a_signed_in_operation(client):
    responses = _schema(client)["paths"]["/api/v1/clients/{id}/"]["patch"]["responses"]
    assert {"400", "401", "403", "404", "429"} <= set(responses)
    assert responses["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def test_the_schema_gives_a_public_operation_no_sign_in_errors(client):
    responses = _schema(client)["paths"]["/api/v1/crs/"]["post"]["responses"]
    assert {"400", "429"} <= set(responses) and "401" not in responses
