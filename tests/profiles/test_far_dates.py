"""No date a user can type, up to 9999-12-31, breaks a client file's form or API: each gets a
field error (issue 14, defect 2). Every date field of the file and of its facts is tried."""

import pytest
from django.db import models
from django.urls import reverse

from profiles.fields import CLIENT_FIELDS, FACT_FIELDS
from profiles.models import Client
from tests.profiles.test_api import NEW_CLIENT

pytestmark = pytest.mark.django_db

FAR = ("9998-01-01", "9999-12-31")
NESTED = {"EducationCredential": "credentials", "LanguageTestResult": "language_results",
          "WorkPeriod": "work_periods"}  # fmt: skip


def _date_fields(model, names):
    return [n for n in names if isinstance(model._meta.get_field(n), models.DateField)]


CASES = [("client", name) for name in _date_fields(Client, CLIENT_FIELDS)] + [
    (NESTED[model.__name__], name)
    for model, names in FACT_FIELDS.items()
    for name in _date_fields(model, names)
]


def _payload(where: str, name: str, value: str) -> dict:
    body = {
        **NEW_CLIENT,
        **{key: [dict(row) for row in NEW_CLIENT[key]] for key in NESTED.values()},
    }
    if where == "client":
        body[name] = value if name != "profile_submitted_at" else f"{value}T12:00:00Z"
    else:
        body[where][0][name] = value
    return body


@pytest.mark.parametrize("value", FAR)
@pytest.mark.parametrize(("where", "name"), CASES)
def test_a_far_date_in_the_api_is_a_field_error(client, firm_a_consultant, where, name, value):
    client.force_login(firm_a_consultant)
    response = client.post(
        reverse("api-client-list"), _payload(where, name, value), content_type="application/json"
    )
    assert response.status_code == 400, (name, response.status_code)
    assert name in str(response.json())
    assert not Client.objects.exists()
