"""The file's thread: unread counts per side, the e-mail to the other side (a link, never
the text), the client's opt-out, and attachments through the upload rules."""

from unittest import mock

import pytest
from celery import current_app
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from profiles.documents import notifications, services
from profiles.documents.selectors import unread_count
from profiles.documents.sending import NOTIFY_MESSAGE
from profiles.models import Message
from tests.profiles.documents.conftest import pdf, stored_names


@pytest.fixture
def file(firm_a_client, firm_a_consultant):
    file = firm_a_client.client_file
    file.consultant = firm_a_consultant
    file.save(update_fields=["consultant"])
    return file


@pytest.fixture(autouse=True)
def queued():
    """The e-mail task as queued (by name) when the message commits."""
    with mock.patch("profiles.documents.services.notify_message") as notify:
        yield notify


def test_a_clients_message_is_unread_for_the_firm_until_opened(
    client, firm_a_client, firm_a_consultant, file, django_capture_on_commit_callbacks
):
    client.force_login(firm_a_client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("profiles:portal_messages"), {"body": "Here is my passport."})
    client.force_login(firm_a_consultant)
    documents = client.get(reverse("profiles:client_documents", args=[file.public_id]))
    assert "1 unread" in documents.content.decode()
    thread = client.get(reverse("profiles:client_messages", args=[file.public_id]))
    assert "Here is my passport." in thread.content.decode()
    assert not Message.objects.filter(read_at=None).exists()


def test_the_firms_unread_count_leaves_out_its_own_messages(firm_a_consultant, file):
    services.send_message(client=file, by=firm_a_consultant, body="Send your ECA")
    assert unread_count(client=file, for_client=False) == 0
    assert unread_count(client=file, for_client=True) == 1


def test_sending_queues_the_e_mail_once_the_message_is_saved(
    firm_a_client, file, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send_message(client=file, by=firm_a_client, body="Hello")
    queued.assert_called_once_with(message.pk)


def test_the_consultant_is_e_mailed_a_link_without_the_text(firm_a_client, firm_a_consultant, file):
    message = services.send_message(client=file, by=firm_a_client, body="My secret ECA number")
    assert notifications.send_message_email(message_id=message.pk) == 1
    sent = mail.outbox[-1]
    assert sent.to == [firm_a_consultant.email]
    assert "secret" not in sent.body and file.last_name not in sent.body + sent.subject
    assert f"/clients/{file.public_id}/messages/" in sent.body


def test_the_client_is_e_mailed_unless_they_opted_out(firm_a_client, firm_a_consultant, file):
    message = services.send_message(client=file, by=firm_a_consultant, body="Please sign")
    assert notifications.send_message_email(message_id=message.pk) == 1
    assert mail.outbox[-1].to == [firm_a_client.email]
    assert "Please sign" not in mail.outbox[-1].body
    services.set_message_emails(client=file, by=firm_a_client, on=False)
    again = services.send_message(client=file, by=firm_a_consultant, body="Reminder")
    assert notifications.send_message_email(message_id=again.pk) == 0


def test_no_e_mail_for_a_message_already_read(firm_a_client, file):
    message = services.send_message(client=file, by=firm_a_client, body="Hi")
    services.mark_read(client=file, by_client=False)
    assert notifications.send_message_email(message_id=message.pk) == 0


def test_the_client_turns_message_e_mails_off_in_the_portal(client, firm_a_client, file):
    client.force_login(firm_a_client)
    client.post(reverse("profiles:portal_message_emails"), {})
    file.refresh_from_db()
    assert file.message_emails is False


def test_an_attachment_is_stored_and_downloadable_by_the_other_side(
    client, firm_a_client, firm_a_consultant, file
):
    client.force_login(firm_a_client)
    client.post(reverse("profiles:portal_messages"), {"body": "", "files": [pdf("letter.pdf")]})
    attachment = Message.objects.get().attachments.get()
    client.force_login(firm_a_consultant)
    url = reverse("profiles:document_download", args=[attachment.public_id])
    assert client.get(url).status_code == 200


def test_a_bad_attachment_sends_nothing_and_stores_nothing(
    client, firm_a_client, file, documents_storage
):
    client.force_login(firm_a_client)
    fake = SimpleUploadedFile("letter.pdf", b"just text, not a pdf")
    response = client.post(reverse("profiles:portal_messages"), {"body": "Hi", "files": [fake]})
    assert response.status_code == 400
    assert "not a PDF, JPEG or PNG" in response.content.decode()
    assert not Message.objects.exists() and stored_names(documents_storage) == []


def test_an_empty_message_is_a_field_error(client, firm_a_client, file):
    client.force_login(firm_a_client)
    response = client.post(reverse("profiles:portal_messages"), {"body": "   "})
    assert response.status_code == 400
    assert "Write a message or attach a file." in response.content.decode()


def test_the_e_mail_task_is_registered_under_the_name_it_is_sent_by():
    assert NOTIFY_MESSAGE in current_app.tasks
