"""Query counts of the client list page and API: the same for 3 clients and for 30
(DESIGN.md §8, §9.11). The CRS shown is the stored ``current_crs``, never scored per row.
"""

import pytest
from django.urls import reverse

from tests.factories import ClientFactory, CredentialFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db


def _clients(firm, count: int) -> None:
    for _ in range(count):
        client = ClientFactory(firm=firm, last_name="Adams", current_crs=450, eligible_for=" cec ")
        CredentialFactory(client=client)
        LanguageResultFactory(client=client)


@pytest.mark.parametrize("count", [3, 30])
def test_client_list_page_runs_the_same_queries_for_3_and_30_clients(
    client, firm_a, firm_a_consultant, django_assert_num_queries, count
):
    _clients(firm_a, count)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership (roles), client file (roles), count, page of
    # clients
    with django_assert_num_queries(5):
        response = client.get(reverse("profiles:client_list"), {"ordering": "-crs"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_filtered_client_list_page_adds_no_query(
    client, firm_a, firm_a_consultant, django_assert_num_queries, count
):
    _clients(firm_a, count)
    client.force_login(firm_a_consultant)
    filters = {"q": "adam", "crs_min": 400, "eligible": "cec", "language_expires_within": 700}
    # user (the session comes from Redis), membership (roles), client file (roles), how many the
    # search finds (at most 5,001: a few are sorted, many read off the name index), count, page of
    # clients
    with django_assert_num_queries(6):
        response = client.get(reverse("profiles:client_list"), filters)
    assert len(response.context["page"].object_list) == min(count, 25)


@pytest.mark.parametrize("count", [3, 30])
def test_client_list_api_runs_the_same_queries_for_3_and_30_clients(
    client, firm_a, firm_a_consultant, django_assert_num_queries, count
):
    _clients(firm_a, count)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership (roles), client file (roles), count, page of
    # clients, then one prefetch each: credentials, language results, work periods
    with django_assert_num_queries(8):
        response = client.get(reverse("api-client-list"), {"ordering": "name"})
    assert len(response.json()["results"]) == count
