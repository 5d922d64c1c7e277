"""The client's answer by API (issue 12, item 6): the client's own and the consultant's per
file, the same figures as the answer card, scoped like every client read."""

import uuid
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ClientFactory,
    CredentialFactory,
    DrawFactory,
    LanguageResultFactory,
    StandingFactory,
    WorkPeriodFactory,
)

pytestmark = pytest.mark.django_db

POOL = {
    "601-1200": 500,
    "501-600": 19705,
    "451-500": 73099,
    "491-500": 12939,
    "481-490": 12890,
    "471-480": 16368,
    "461-470": 16057,
    "451-460": 14845,
    "401-450": 60905,
    "441-450": 13595,
    "431-440": 13267,
    "421-430": 11942,
    "411-420": 11326,
    "401-410": 10775,
    "351-400": 50107,
    "301-350": 17101,
    "0-300": 7683,
    "total": 229100,
}  # fmt: skip  (round 434's published distribution, of 2026-08-03)


@pytest.fixture
def cec_file(firm_a):
    file = ClientFactory(
        firm=firm_a, with_login=True, profile_submitted_at=timezone.now() - timedelta(days=30)
    )
    CredentialFactory(client=file)
    LanguageResultFactory(client=file)
    WorkPeriodFactory(client=file, start=date(2022, 1, 3))
    return file


def _outlook(client, file):
    return reverse("api-client-outlook", args=[file.public_id])


def test_a_client_reads_their_own_answer(client, cec_file):
    today = timezone.localdate()
    draw = DrawFactory(held_on=today - timedelta(days=10), cutoff=300, pool=POOL,
                       pool_as_of=date(2026, 8, 3))  # fmt: skip
    StandingFactory(client=cec_file, draw=draw, verdict="invited", crs=480, margin=180)
    client.force_login(cec_file.user)
    body = client.get(reverse("api-me-outlook")).json()
    cec = next(row for row in body["rounds"] if row["kind"] == "cec")
    assert (cec["round"], cec["cutoff"], cec["outcome"]) == (draw.number, 300, "invited")
    assert body["place"]["as_of"] == "2026-08-03"
    assert body["place"]["higher_low"] <= body["place"]["higher_high"]
    assert [h["months"] for h in body["outlook"]["horizons"]] == [3, 6, 12]
    assert body["backtest"]["last_12_months"]["invited"] == 1
    assert body["methods"].endswith("/methods/")


def test_a_consultant_reads_the_answer_of_a_file_of_their_firm(client, cec_file, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(_outlook(client, cec_file))
    assert response.status_code == 200
    assert response.json()["score"] > 0


def test_another_firms_consultant_gets_a_404(client, cec_file, firm_b_consultant):
    client.force_login(firm_b_consultant)
    assert client.get(_outlook(client, cec_file)).status_code == 404


def test_a_guessed_id_gets_a_404(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    url = reverse("api-client-outlook", args=[uuid.uuid4()])
    assert client.get(url).status_code == 404


def test_a_client_cannot_read_a_file_by_id_even_their_own(client, cec_file):
    client.force_login(cec_file.user)
    assert client.get(_outlook(client, cec_file)).status_code in (403, 404)


def test_another_client_reads_only_their_own_answer(client, cec_file, firm_a):
    other = ClientFactory(firm=firm_a, with_login=True)
    client.force_login(other.user)
    body = client.get(reverse("api-me-outlook")).json()
    assert body["meets_no_program"] is True and body["place"] is None


def test_anonymous_callers_are_refused(client, cec_file):
    assert client.get(reverse("api-me-outlook")).status_code in (401, 403)
    assert client.get(_outlook(client, cec_file)).status_code in (401, 403)


def test_the_schema_lists_both_outlook_endpoints(client, db):
    schema = client.get(reverse("api-schema")).content.decode()
    assert "/api/v1/me/outlook/" in schema and "/api/v1/clients/{id}/outlook/" in schema
    assert "higher_low" in schema and "horizons" in schema


def test_the_answer_takes_as_many_queries_for_30_rounds_as_for_3(
    client, cec_file, firm_a, firm_a_consultant, django_assert_max_num_queries
):
    other = ClientFactory(firm=firm_a)
    for file, rounds in ((cec_file, 3), (other, 30)):
        for _ in range(rounds):
            StandingFactory(client=file, draw=DrawFactory(), verdict="below_cutoff")
    client.force_login(firm_a_consultant)
    # session, user and membership, the file, its facts (3), latest round per kind, latest
    # distribution, last year's rounds, standings
    for file in (cec_file, other):
        with django_assert_max_num_queries(12):
            assert client.get(_outlook(client, file)).status_code == 200
