"""Uploads by the client and the consultant: what is refused, with a field error and nothing
stored, and how an accepted file is kept and served."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from profiles.documents import services
from profiles.models import DocumentFile, DocumentItem
from tests.factories import DocumentItemFactory
from tests.profiles.documents.conftest import JPEG, PDF, PNG, pdf, stored_names


@pytest.fixture
def item(firm_a_client):
    return DocumentItemFactory(client=firm_a_client.client_file)


def post(client, item, *files):
    url = reverse("profiles:document_upload", args=[item.public_id])
    return client.post(url, {f"{item.public_id}-files": list(files)})


def test_client_uploads_a_pdf_and_it_is_stored_under_a_random_name(
    client, firm_a_client, item, documents_storage
):
    client.force_login(firm_a_client)
    response = post(client, item, pdf("Passport of Ana Lima.pdf"))
    assert response.status_code == 302
    stored = DocumentFile.objects.get()
    assert stored.filename == "Passport of Ana Lima.pdf"
    assert "Ana" not in stored.storage_name and stored.storage_name.endswith(".pdf")
    assert stored_names(documents_storage) == [stored.storage_name]
    item.refresh_from_db()
    assert item.status == DocumentItem.Status.UPLOADED


def test_consultant_uploads_several_files_for_one_item(
    client, firm_a_consultant, firm_a_client, item, documents_storage
):
    client.force_login(firm_a_consultant)
    png = SimpleUploadedFile("page2.png", PNG, content_type="image/png")
    jpeg = SimpleUploadedFile("page3.jpg", JPEG, content_type="image/jpeg")
    assert post(client, item, pdf(), png, jpeg).status_code == 302
    assert sorted(item.files.values_list("content_type", flat=True)) == [
        "application/pdf", "image/jpeg", "image/png",
    ]  # fmt: skip
    assert len(stored_names(documents_storage)) == 3


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf"), "empty"),
        (pdf("script.pdf", b"#!/bin/sh\nrm -rf /\n" * 10), "not a PDF, JPEG or PNG"),
        (SimpleUploadedFile("photo.png", b"GIF89a" + b"\x00" * 30), "not a PDF, JPEG or PNG"),
    ],
    ids=["empty", "text named pdf", "gif named png"],
)
def test_a_bad_upload_is_a_field_error_and_nothing_is_stored(
    client, firm_a_client, item, documents_storage, upload, message
):
    client.force_login(firm_a_client)
    response = post(client, item, upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DocumentFile.objects.exists()
    assert stored_names(documents_storage) == []
    item.refresh_from_db()
    assert item.status == DocumentItem.Status.REQUESTED


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../etc/passwd.pdf", "may not contain"),
        ("..\\..\\secret.pdf", "may not contain"),
        ("line\nbreak.pdf", "control characters"),
        ("bell\x07.pdf", "control characters"),
        ("x" * 151 + ".pdf", "longer than 150"),
    ],
    ids=["slashes", "backslashes", "newline", "bell", "long"],
)
def test_a_name_with_a_path_or_control_characters_is_refused(
    firm_a_client, item, documents_storage, name, message
):
    """Django's upload parser already drops a name's folders and unprintable characters; the
    service refuses them whoever calls it, before anything is stored."""
    upload = pdf()
    upload._name = name  # past UploadedFile's own basename(), as another caller could pass it
    with pytest.raises(ValidationError, match=message):
        services.upload(item=item, files=[upload], by=firm_a_client)
    assert stored_names(documents_storage) == []


def test_an_oversized_file_is_refused_with_the_limit_in_words(
    client, firm_a_client, item, documents_storage, settings
):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1024 * 1024
    client.force_login(firm_a_client)
    response = post(client, item, pdf(content=PDF + b"0" * (1024 * 1024)))
    assert response.status_code == 400
    assert "the largest accepted is 1 MB" in response.content.decode()
    assert stored_names(documents_storage) == []


def test_one_bad_file_among_good_ones_stores_none(client, firm_a_client, item, documents_storage):
    client.force_login(firm_a_client)
    empty = SimpleUploadedFile("empty.pdf", b"")
    assert post(client, item, pdf(), empty).status_code == 400
    assert stored_names(documents_storage) == []


def test_download_is_an_attachment_never_cached(client, firm_a_client, item):
    client.force_login(firm_a_client)
    post(client, item, pdf('Pasaporte ñ "x";.pdf'))
    stored = DocumentFile.objects.get()
    response = client.get(reverse("profiles:document_download", args=[stored.public_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert '"' not in disposition.split("filename=")[1].strip('"')
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_missing_from_the_storage_is_a_404_not_a_500(
    client, firm_a_client, item, documents_storage
):
    stored = services.upload(item=item, files=[pdf()], by=firm_a_client)[0]
    documents_storage.delete(stored.storage_name)
    client.force_login(firm_a_client)
    url = reverse("profiles:document_download", args=[stored.public_id])
    assert client.get(url).status_code == 404


def test_the_client_page_and_the_portal_link_to_documents_and_messages(
    client, firm_a_consultant, firm_a_client
):
    file = firm_a_client.client_file
    client.force_login(firm_a_consultant)
    page = client.get(file.get_absolute_url()).content.decode()
    assert reverse("profiles:client_documents", args=[file.public_id]) in page
    assert reverse("profiles:client_messages", args=[file.public_id]) in page
    client.force_login(firm_a_client)
    portal = client.get(reverse("profiles:portal")).content.decode()
    assert reverse("profiles:portal_documents") in portal
    assert reverse("profiles:portal_messages") in portal
