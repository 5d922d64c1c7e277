"""The client list of a large firm (issue 16): the trigram search, total sort orders, and the
count capped at ``COUNT_CAP`` with the end of the list still reachable. Timings are bench/firm.py's;
these tests check what the changes must keep true."""

import pytest
from django.db import connection
from django.urls import reverse

from profiles import pagination
from profiles.filters import ClientFilter
from profiles.models import Client
from profiles.pagination import CappedPaginator, MoreThan
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm exists on PostgreSQL only"
)


def _names(response) -> list[str]:
    return [f"{c.first_name} {c.last_name}" for c in response.context["page"].object_list]


def _list(client, **query):
    response = client.get(reverse("profiles:client_list"), query)
    assert response.status_code == 200
    return response


@pytest.fixture
def signed_in(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    return client


def test_search_finds_a_client_by_part_of_the_last_name(signed_in, firm_a):
    ClientFactory(firm=firm_a, first_name="Olena", last_name="Kovalenko")
    ClientFactory(firm=firm_a, first_name="Wei", last_name="Wang")
    assert _names(_list(signed_in, q="valen")) == ["Olena Kovalenko"]


def test_search_finds_a_client_by_part_of_the_first_name_whatever_the_case(signed_in, firm_a):
    ClientFactory(firm=firm_a, first_name="Chinedu", last_name="Okafor")
    ClientFactory(firm=firm_a, first_name="Wei", last_name="Wang")
    assert _names(_list(signed_in, q="INED")) == ["Chinedu Okafor"]


def test_search_finds_a_client_by_part_of_the_email(signed_in, firm_a):
    ClientFactory(firm=firm_a, first_name="Ana", last_name="Silva", email="ana.s.7731@mail.ca")
    ClientFactory(firm=firm_a, first_name="Ana", last_name="Costa", email="costa@mail.ca")
    assert _names(_list(signed_in, q="s.7731@")) == ["Ana Silva"]


def test_search_of_two_words_needs_both(signed_in, firm_a):
    ClientFactory(firm=firm_a, first_name="Mei", last_name="Chen")
    ClientFactory(firm=firm_a, first_name="Mei", last_name="Tanaka")
    ClientFactory(firm=firm_a, first_name="Kenji", last_name="Tanaka")
    assert _names(_list(signed_in, q="tanaka, mei")) == ["Mei Tanaka"]


def test_search_never_lists_another_firms_clients(signed_in, firm_a, firm_b):
    ClientFactory(firm=firm_a, first_name="Aisha", last_name="Haddad")
    ClientFactory(firm=firm_b, first_name="Aisha", last_name="Haddadi", email="aisha@b.example")
    assert _names(_list(signed_in, q="hadda")) == ["Aisha Haddad"]
    api = signed_in.get(reverse("api-client-list"), {"q": "aisha"}).json()
    assert [row["last_name"] for row in api["results"]] == ["Haddad"]


def test_search_with_few_matches_keeps_the_lists_order(signed_in, firm_a):
    """The matches are sorted apart from the index (``off_the_indexes``), in the same order."""
    for first, last, crs in (("Zara", "Sato", 300), ("Hugo", "Sato", 500), ("Ana", "Sato", 400)):
        ClientFactory(firm=firm_a, first_name=first, last_name=last, current_crs=crs)
    assert _names(_list(signed_in, q="sato")) == ["Ana Sato", "Hugo Sato", "Zara Sato"]
    by_crs = _list(signed_in, q="sato", ordering="-crs")
    assert [c.current_crs for c in by_crs.context["page"].object_list] == [500, 400, 300]


@postgresql_only
def test_search_reads_the_trigram_index_on_postgresql(firm_a_consultant, firm_a):
    ClientFactory.create_batch(3, firm=firm_a)
    # The search's own condition, without the list's others (a partial index would do).
    queryset = ClientFilter().search(Client.objects.order_by(), "q", "kovalenko")
    with connection.cursor() as cursor:
        # A test table has a handful of rows, which PostgreSQL would rather read whole, or
        # through a sort index; only the trigram index can then answer.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    assert "client_search_trgm" in plan


@pytest.mark.parametrize("ordering", ["crs", "-crs", "name", "-name", "profile", "added"])
def test_each_sort_pages_through_every_file_once(signed_in, firm_a, monkeypatch, ordering):
    """Ties (the same score, the same surname) are broken by the id, so no page repeats a file
    of another or skips one."""
    monkeypatch.setattr("profiles.views.clients.PAGE_SIZE", 4)
    files = [
        ClientFactory(firm=firm_a, last_name="Li", first_name="Jin", current_crs=470)
        for _ in range(9)
    ]
    seen = []
    for number in (1, 2, 3):
        seen += list(_list(signed_in, ordering=ordering, page=number).context["page"])
    assert sorted(c.pk for c in seen) == sorted(c.pk for c in files)
    assert len({c.pk for c in seen}) == len(files)


def test_crs_sort_breaks_ties_by_the_id_in_the_sorts_direction(signed_in, firm_a):
    low = ClientFactory(firm=firm_a, current_crs=400)
    tied = [ClientFactory(firm=firm_a, current_crs=480) for _ in range(3)]
    rows = list(_list(signed_in, ordering="-crs").context["page"])
    assert [c.pk for c in rows] == [c.pk for c in reversed(tied)] + [low.pk]


def test_filters_and_sort_together_keep_only_the_matching_files(signed_in, firm_a):
    ClientFactory(firm=firm_a, last_name="Kept", current_crs=480, eligible_for=" cec ")
    ClientFactory(firm=firm_a, last_name="Low", current_crs=420, eligible_for=" cec ")
    ClientFactory(firm=firm_a, last_name="Other", current_crs=490, eligible_for=" fsw ")
    response = _list(signed_in, crs_min=450, eligible="cec", ordering="-crs")
    assert [c.last_name for c in response.context["page"]] == ["Kept"]


def test_count_above_the_cap_is_shown_as_more_than(signed_in, firm_a, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CAP", 5)
    monkeypatch.setattr("profiles.views.clients.PAGE_SIZE", 2)
    ClientFactory.create_batch(7, firm=firm_a)
    response = _list(signed_in)
    assert isinstance(response.context["page"].paginator.count, MoreThan)
    assert "5+ clients" in response.content.decode()
    assert "Page 1 of 3+" in response.content.decode()
    assert len(response.context["page"].object_list) == 2


def test_pages_past_the_cap_count_exactly_and_the_last_page_ends_the_list(
    signed_in, firm_a, monkeypatch
):
    monkeypatch.setattr(pagination, "COUNT_CAP", 7)
    monkeypatch.setattr("profiles.views.clients.PAGE_SIZE", 5)
    files = [ClientFactory(firm=firm_a, last_name=f"Name{n:02}") for n in range(12)]
    first = _list(signed_in).context["page"]
    assert str(first.paginator.count) == "7+" and first.has_next()
    second = _list(signed_in, page=2).context["page"]  # 10 rows in: past the cap of 7
    assert second.paginator.count == 12 and second.paginator.num_pages == 3
    last = _list(signed_in, page=3).context["page"]
    assert [c.pk for c in last] == [c.pk for c in files[10:]]
    assert not last.has_next()
    assert [c.pk for c in _list(signed_in, page=99).context["page"]] == [c.pk for c in files[10:]]


def test_api_count_is_null_above_the_cap_and_last_page_is_exact(signed_in, firm_a, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CAP", 3)
    monkeypatch.setattr(pagination.CappedPageNumberPagination, "page_size", 2)
    ClientFactory.create_batch(5, firm=firm_a)
    body = signed_in.get(reverse("api-client-list")).json()
    assert (body["count"], body["more_than"], len(body["results"])) == (None, 3, 2)
    assert body["next"]
    last = signed_in.get(reverse("api-client-list"), {"page": "last"}).json()
    assert (last["count"], len(last["results"]), last["next"]) == (5, 1, None)
    assert "more_than" not in last


def test_api_count_is_exact_up_to_the_cap(signed_in, firm_a):
    ClientFactory.create_batch(3, firm=firm_a)
    body = signed_in.get(reverse("api-client-list")).json()
    assert body["count"] == 3 and "more_than" not in body


def test_capped_paginator_counts_exactly_up_to_the_cap(firm_a):
    ClientFactory.create_batch(4, firm=firm_a)
    files = Client.objects.filter(firm=firm_a)
    assert CappedPaginator(files, 2, cap=4).count == 4
    over = CappedPaginator(files, 2, cap=3).count
    assert isinstance(over, MoreThan) and str(over) == "3+" and over > 3
