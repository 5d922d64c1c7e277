"""Every date of the public input, up to 9999-12-31, is a field error in the API and the
calculator, never a 500 (issue 14, defect 2)."""

import json

import pytest
from django.urls import reverse

from tests.scoring.test_calculator_page import e2

pytestmark = pytest.mark.django_db

RESULT = {"test": "celpip", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
TEF = {"test": "tef", "listening": 300, "reading": 300, "writing": 300, "speaking": 300}
BASE = {"age": 30, "education": "bachelors", "first_language": RESULT}
FAR = ("9998-01-01", "9999-12-31")


def _with(path: str, value: str) -> dict:
    body = json.loads(json.dumps(BASE))
    body["second_language"] = {**TEF, "test_date": "2026-01-05"}
    body["spouse"] = {"education": "none", "language": {**RESULT, "test_date": "2026-01-05"}}
    if path == "birth_date":
        del body["age"]
    target, *rest = path.split(".")
    if not rest:
        body[target] = value
    elif target == "spouse":
        body["spouse"]["language"]["test_date"] = value
    else:
        body[target]["test_date"] = value
    return body


PATHS = (
    "as_of",
    "birth_date",
    "first_language.test_date",
    "second_language.test_date",
    "spouse.language.test_date",
)


@pytest.mark.parametrize("value", FAR)
@pytest.mark.parametrize("path", PATHS)
def test_a_far_date_in_the_crs_api_is_a_field_error(client, path, value):
    response = client.post(
        reverse("api-crs"), json.dumps(_with(path, value)), content_type="application/json"
    )
    assert response.status_code == 400
    assert path in response.json()


@pytest.mark.parametrize("value", FAR)
@pytest.mark.parametrize(
    "name", ["as_of", "birth_date", "first_language_test_date", "second_language_test_date"]
)
def test_a_far_date_in_the_calculator_is_a_field_error(client, name, value):
    data = e2(**{name: value})
    if name == "second_language_test_date":
        data.update(second_language_test="tef", second_language_listening="300",
                    second_language_reading="300", second_language_writing="300",
                    second_language_speaking="300")  # fmt: skip
    if name == "birth_date":
        data.pop("age")
    response = client.post(reverse("scoring:calculator"), data)
    assert response.status_code == 200
    assert response.context["form"].errors.get(name), response.context["form"].errors
