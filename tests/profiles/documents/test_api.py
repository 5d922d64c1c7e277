"""The documents and messages API: three actors, guessed ids, fixed query counts."""

import uuid

import pytest
from django.urls import reverse

from profiles.documents import services
from tests.factories import ClientFactory, DocumentItemFactory, MessageFactory
from tests.profiles.documents.conftest import pdf


@pytest.fixture
def file(firm_a_client):
    return firm_a_client.client_file


def consultant_urls(public_id):
    return [
        reverse("api-client-documents", args=[public_id]),
        reverse("api-client-messages", args=[public_id]),
    ]


def test_the_firms_consultant_reads_the_checklist_with_download_links(
    client, firm_a_consultant, firm_a_client, file
):
    item = DocumentItemFactory(client=file)
    stored = services.upload(item=item, files=[pdf()], by=firm_a_client)[0]
    client.force_login(firm_a_consultant)
    body = client.get(reverse("api-client-documents", args=[file.public_id])).json()
    assert body[0]["status"] == "uploaded"
    assert body[0]["files"][0]["download"] == f"/documents/files/{stored.public_id}/"
    assert "storage_name" not in body[0]["files"][0]


def test_another_firms_consultant_gets_404_by_api(client, firm_b_consultant, file):
    client.force_login(firm_b_consultant)
    for url in consultant_urls(file.public_id) + consultant_urls(uuid.uuid4()):
        assert client.get(url).status_code == 404, url


def test_a_client_cannot_use_the_consultants_endpoints(client, firm_a_client, file):
    client.force_login(firm_a_client)
    for url in consultant_urls(file.public_id):
        assert client.get(url).status_code == 403


def test_the_client_reads_only_their_own_thread(client, firm_a, firm_a_client, file):
    MessageFactory(client=file, body="For you")
    other = ClientFactory(firm=firm_a, with_login=True)
    MessageFactory(client=other, body="Not for you")
    client.force_login(firm_a_client)
    bodies = [m["body"] for m in client.get(reverse("api-me-messages")).json()]
    assert bodies == ["For you"]


@pytest.mark.parametrize("count", [3, 30])
def test_the_documents_api_runs_the_same_queries(
    client, firm_a_consultant, firm_a_client, file, django_assert_num_queries, count
):
    for index in range(count):
        item = DocumentItemFactory(client=file, detail=str(index))
        services.upload(item=item, files=[pdf()], by=firm_a_client)
    client.force_login(firm_a_consultant)
    # user (the session comes from Redis), membership, client file (roles), the file, items, their
    # files
    with django_assert_num_queries(6):
        body = client.get(reverse("api-client-documents", args=[file.public_id])).json()
    assert len(body) == count


@pytest.mark.parametrize("count", [3, 30])
def test_the_own_messages_api_runs_the_same_queries(
    client, firm_a_client, file, django_assert_num_queries, count
):
    for _ in range(count):
        MessageFactory(client=file)
    client.force_login(firm_a_client)
    # user (the session comes from Redis), membership, client file (roles: the own file),
    # messages, attachments
    with django_assert_num_queries(5):
        assert len(client.get(reverse("api-me-messages")).json()) == count
