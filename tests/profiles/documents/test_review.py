"""The consultant's review, and what the client sees of it in the portal."""

import datetime

import pytest
from django.urls import reverse

from profiles.documents import services
from profiles.models import DocumentItem
from tests.factories import DocumentItemFactory
from tests.profiles.documents.conftest import pdf


@pytest.fixture
def item(firm_a_client):
    item = DocumentItemFactory(client=firm_a_client.client_file)
    services.upload(item=item, files=[pdf()], by=firm_a_client)
    return item


def review(client, item, decision, reason=""):
    url = reverse("profiles:document_review", args=[item.public_id])
    prefix = f"r{item.public_id}"
    return client.post(url, {f"{prefix}-decision": decision, f"{prefix}-reason": reason})


def test_consultant_accepts_and_the_client_sees_it_accepted(
    client, firm_a_consultant, firm_a_client, item
):
    client.force_login(firm_a_consultant)
    assert review(client, item, "accept").status_code == 302
    item.refresh_from_db()
    assert item.status == DocumentItem.Status.ACCEPTED
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal_documents")).content.decode()
    assert "Accepted" in page and "1 accepted" in page


def test_a_rejection_needs_a_reason(client, firm_a_consultant, item):
    client.force_login(firm_a_consultant)
    response = review(client, item, "reject")
    assert response.status_code == 400
    assert "Say why" in response.content.decode()
    item.refresh_from_db()
    assert item.status == DocumentItem.Status.UPLOADED


def test_the_client_sees_why_a_document_was_rejected(
    client, firm_a_consultant, firm_a_client, item
):
    client.force_login(firm_a_consultant)
    review(client, item, "reject", "The photo page is cut off; scan the whole page.")
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal_documents")).content.decode()
    assert "Why it was rejected: The photo page is cut off; scan the whole page." in page
    assert "1 still needed" in page


def test_nothing_uploaded_cannot_be_accepted(client, firm_a_consultant, firm_a_client):
    empty = DocumentItemFactory(client=firm_a_client.client_file)
    client.force_login(firm_a_consultant)
    response = review(client, empty, "accept")
    assert response.status_code == 400
    assert "Nothing has been uploaded" in response.content.decode()


def test_an_item_marked_not_needed_leaves_the_clients_list(
    client, firm_a_consultant, firm_a_client
):
    police = DocumentItemFactory(client=firm_a_client.client_file, kind="police", detail="Peru")
    client.force_login(firm_a_consultant)
    review(client, police, "not_needed")
    client.force_login(firm_a_client)
    assert "Peru" not in client.get(reverse("profiles:portal_documents")).content.decode()


def test_a_new_upload_after_a_rejection_clears_the_reason(firm_a_consultant, firm_a_client, item):
    services.reject(item=item, by=firm_a_consultant, reason="Blurred")
    services.upload(item=item, files=[pdf("again.pdf")], by=firm_a_client)
    item.refresh_from_db()
    assert (item.status, item.rejection_reason) == (DocumentItem.Status.UPLOADED, "")


def test_a_document_past_its_expiry_is_asked_for_again(client, firm_a_client, item):
    DocumentItem.objects.filter(pk=item.pk).update(
        status="accepted", expires_on=datetime.date(2026, 1, 1)
    )
    assert services.expire_documents(today=datetime.date(2026, 1, 2)) == 1
    item.refresh_from_db()
    assert item.status == DocumentItem.Status.EXPIRED
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal_documents")).content.decode()
    assert "Expired" in page and "1 still needed" in page


def test_a_document_expiring_today_is_still_valid(item):
    DocumentItem.objects.filter(pk=item.pk).update(expires_on=datetime.date(2026, 1, 2))
    assert services.expire_documents(today=datetime.date(2026, 1, 2)) == 0


def test_the_client_removes_their_own_upload_before_review(client, firm_a_client, item):
    stored = item.files.get()
    client.force_login(firm_a_client)
    response = client.post(reverse("profiles:document_remove", args=[stored.public_id]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.files.count()) == (DocumentItem.Status.REQUESTED, 0)


def test_the_client_cannot_remove_an_accepted_document(
    client, firm_a_consultant, firm_a_client, item
):
    services.accept(item=item, by=firm_a_consultant)
    client.force_login(firm_a_client)
    stored = item.files.get()
    response = client.post(reverse("profiles:document_remove", args=[stored.public_id]))
    assert response.status_code == 403
    assert item.files.count() == 1
