"""Three actors (DESIGN.md §9.3): another firm's consultant and another client get a 404 for
every document page, download, upload, review and thread of firm A's client, guessed ids too."""

import uuid

import pytest
from django.urls import reverse

from profiles.documents import services
from tests.factories import ClientFactory, DocumentItemFactory, MessageFactory
from tests.profiles.documents.conftest import pdf


@pytest.fixture
def file(firm_a_client):
    return firm_a_client.client_file


@pytest.fixture
def item(file):
    return DocumentItemFactory(client=file)


@pytest.fixture
def stored(item, firm_a_client):
    return services.upload(item=item, files=[pdf()], by=firm_a_client)[0]


@pytest.fixture
def other_client(firm_a):
    """Another client of the same firm, with their own login."""
    return ClientFactory(firm=firm_a, with_login=True).user


def consultant_urls(file, item, stored):
    return [
        ("get", reverse("profiles:client_documents", args=[file.public_id])),
        ("get", reverse("profiles:client_messages", args=[file.public_id])),
        ("post", reverse("profiles:client_messages", args=[file.public_id])),
        ("post", reverse("profiles:documents_generate", args=[file.public_id])),
        ("post", reverse("profiles:documents_add", args=[file.public_id])),
        ("post", reverse("profiles:document_review", args=[item.public_id])),
        ("post", reverse("profiles:document_dates", args=[item.public_id])),
        ("post", reverse("profiles:document_remove", args=[stored.public_id])),
    ]


def shared_urls(item, stored):
    return [
        ("get", reverse("profiles:document_download", args=[stored.public_id])),
        ("post", reverse("profiles:document_upload", args=[item.public_id])),
    ]


def test_another_firms_consultant_gets_404_everywhere(
    client, firm_b_consultant, file, item, stored
):
    client.force_login(firm_b_consultant)
    for method, url in consultant_urls(file, item, stored) + shared_urls(item, stored):
        assert getattr(client, method)(url).status_code == 404, url


def test_another_client_gets_404_for_the_documents_of_a_file_not_theirs(
    client, other_client, file, item, stored
):
    client.force_login(other_client)
    for method, url in consultant_urls(file, item, stored) + shared_urls(item, stored):
        assert getattr(client, method)(url).status_code == 404, url


def test_another_clients_portal_shows_none_of_the_files_documents_or_messages(
    client, other_client, file, item, stored
):
    MessageFactory(client=file, body="Your passport expires soon")
    client.force_login(other_client)
    for name in ("profiles:portal_documents", "profiles:portal_messages"):
        page = client.get(reverse(name)).content.decode()
        assert str(item.public_id) not in page and "passport expires" not in page


def test_the_client_cannot_review_their_own_documents(client, firm_a_client, item, stored):
    client.force_login(firm_a_client)
    url = reverse("profiles:document_review", args=[item.public_id])
    assert client.post(url, {f"r{item.public_id}-decision": "accept"}).status_code == 404
    item.refresh_from_db()
    assert item.status == "uploaded"


def test_guessed_ids_are_404(client, firm_a_consultant, firm_a_client):
    guess = uuid.uuid4()
    for user in (firm_a_consultant, firm_a_client):
        client.force_login(user)
        for name in ("document_download", "document_upload", "document_review"):
            kwarg = "file_id" if name == "document_download" else "item_id"
            url = reverse(f"profiles:{name}", kwargs={kwarg: guess})
            method = client.get if name == "document_download" else client.post
            assert method(url).status_code == 404, url


def test_the_own_firm_and_the_client_may_download(client, firm_a_consultant, firm_a_client, stored):
    url = reverse("profiles:document_download", args=[stored.public_id])
    for user in (firm_a_consultant, firm_a_client):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_a_signed_out_visitor_is_sent_to_sign_in(client, stored):
    url = reverse("profiles:document_download", args=[stored.public_id])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
