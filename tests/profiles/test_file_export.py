"""The whole file, downloaded (PIPEDA, Law 25): by the client from the portal, by a consultant
for a file of their firm, never by anyone else; JSON and a readable page; never cached."""

import json

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_file(firm_a):
    client = factories.ClientFactory(firm=firm_a, with_login=True, first_name="Ana")
    factories.LanguageResultFactory(client=client)
    factories.WorkPeriodFactory(client=client)
    factories.ScoreChangeFactory(client=client)
    factories.StandingFactory(client=client)
    return client


def test_the_client_downloads_their_whole_file_as_json(client, full_file):
    client.force_login(full_file.user)
    response = client.get(reverse("profiles:portal_export_json"))
    assert response["Content-Disposition"] == 'attachment; filename="my-ee-portal-file.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["file"]["first_name"] == "Ana"
    assert len(data["file"]["language_results"]) == 1
    assert (len(data["score_history"]), len(data["standings"])) == (1, 1)


def test_the_client_reads_their_file_on_a_page(client, full_file):
    client.force_login(full_file.user)
    page = client.get(reverse("profiles:portal_export")).content.decode()
    assert "Everything we keep about you" in page and "Standings in each round" in page


def test_a_consultant_exports_a_file_of_their_firm(client, full_file, firm_a_consultant):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_export_json", args=[full_file.public_id])
    response = client.get(url)
    assert response.status_code == 200
    assert str(full_file.public_id) in response["Content-Disposition"]
    assert "Ana" not in response["Content-Disposition"]


@pytest.mark.parametrize("name", ["profiles:client_export", "profiles:client_export_json"])
def test_another_firm_gets_a_404_for_the_export(client, full_file, firm_b_consultant, name):
    client.force_login(firm_b_consultant)
    assert client.get(reverse(name, args=[full_file.public_id])).status_code == 404


def test_a_client_cannot_export_a_file_through_the_consultant_address(client, full_file):
    other = factories.ClientFactory(firm=full_file.firm, with_login=True)
    client.force_login(other.user)
    url = reverse("profiles:client_export_json", args=[full_file.public_id])
    assert client.get(url).status_code in (403, 404)


def test_the_export_runs_the_same_queries_for_one_and_ten_rounds(
    client, full_file, firm_a_consultant, django_assert_max_num_queries
):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_export_json", args=[full_file.public_id])
    client.get(url)
    for _ in range(9):
        factories.StandingFactory(client=full_file)
        factories.ScoreChangeFactory(client=full_file)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
