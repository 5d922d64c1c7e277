"""Deleting a client file removes its stored documents and attachments from the storage
(DESIGN.md §10), once the deletion has committed."""

from profiles import services as profile_services
from profiles.documents import services
from tests.factories import ClientFactory, DocumentItemFactory
from tests.profiles.documents.conftest import pdf, stored_names


def test_deleting_a_file_removes_its_documents_from_the_storage(
    firm_a_client, firm_a_consultant, documents_storage, django_capture_on_commit_callbacks
):
    file = firm_a_client.client_file
    item = DocumentItemFactory(client=file)
    services.upload(item=item, files=[pdf(), pdf("two.pdf")], by=firm_a_client)
    services.send_message(client=file, by=firm_a_consultant, body="See", files=[pdf("a.pdf")])
    assert len(stored_names(documents_storage)) == 3
    with django_capture_on_commit_callbacks(execute=True):
        profile_services.delete_client(client=file, by=firm_a_consultant)
    assert stored_names(documents_storage) == []


def test_deleting_one_file_keeps_the_other_files_documents(
    firm_a, firm_a_client, firm_a_consultant, documents_storage, django_capture_on_commit_callbacks
):
    other = ClientFactory(firm=firm_a)
    kept = services.upload(
        item=DocumentItemFactory(client=other), files=[pdf()], by=firm_a_consultant
    )[0]
    services.upload(
        item=DocumentItemFactory(client=firm_a_client.client_file), files=[pdf()], by=firm_a_client
    )
    with django_capture_on_commit_callbacks(execute=True):
        profile_services.delete_client(client=firm_a_client.client_file, by=firm_a_consultant)
    assert stored_names(documents_storage) == [kept.storage_name]


def test_removing_an_uploaded_file_removes_it_from_the_storage(
    firm_a_client, firm_a_consultant, documents_storage, django_capture_on_commit_callbacks
):
    item = DocumentItemFactory(client=firm_a_client.client_file)
    stored = services.upload(item=item, files=[pdf()], by=firm_a_client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_file(document=stored, by=firm_a_consultant)
    assert stored_names(documents_storage) == []
    item.refresh_from_db()
    assert item.status == "requested"
