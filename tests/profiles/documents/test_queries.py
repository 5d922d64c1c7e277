"""The checklist pages and the thread run the same queries for 3 items or messages and for 30."""

import pytest
from django.urls import reverse

from profiles.documents import services
from tests.factories import DocumentItemFactory, MessageFactory
from tests.profiles.documents.conftest import pdf


@pytest.fixture
def file(firm_a_client):
    return firm_a_client.client_file


def with_items(file, user, count: int) -> None:
    for index in range(count):
        item = DocumentItemFactory(client=file, kind="police", detail=f"Country {index}")
        services.upload(item=item, files=[pdf()], by=user)


@pytest.mark.parametrize("count", [3, 30])
def test_consultants_checklist_runs_the_same_queries(
    client, firm_a_consultant, firm_a_client, file, django_assert_num_queries, count
):
    with_items(file, firm_a_client, count)
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_documents", args=[file.public_id])
    # user (the session comes from Redis), membership, client file (roles), the client, items with
    # linked facts, their files with uploaders, unread count
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_portal_checklist_runs_the_same_queries(
    client, firm_a_client, file, django_assert_num_queries, count
):
    with_items(file, firm_a_client, count)
    client.force_login(firm_a_client)
    # user (the session comes from Redis), membership, client file (roles: the own file),
    # items, files, unread count, the firm's name
    with django_assert_num_queries(7):
        assert client.get(reverse("profiles:portal_documents")).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_thread_runs_the_same_queries(
    client, firm_a_consultant, file, django_assert_num_queries, count
):
    for _ in range(count):
        MessageFactory(client=file, from_client=True)
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_messages", args=[file.public_id])
    # user (the session comes from Redis), membership, client file (roles), the client, mark read
    # (UPDATE), messages with authors, attachments
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
