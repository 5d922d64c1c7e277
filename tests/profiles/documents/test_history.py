"""The file history records uploads, reviews, removals and messages: who and when, never a
message's text."""

from profiles.documents import services
from profiles.selectors import client_history
from tests.factories import DocumentItemFactory
from tests.profiles.documents.conftest import pdf


def test_uploads_reviews_removals_and_messages_are_in_the_file_history(
    firm_a_client, firm_a_consultant
):
    file = firm_a_client.client_file
    item = DocumentItemFactory(client=file)
    stored = services.upload(item=item, files=[pdf("scan.pdf")], by=firm_a_client)[0]
    services.reject(item=item, by=firm_a_consultant, reason="Blurred")
    services.remove_file(document=stored, by=firm_a_consultant)
    services.send_message(client=file, by=firm_a_client, body="Private words")
    rows = [(c.kind, c.who) for c in client_history(client=file) if c.what != "Client file"]
    consultant = firm_a_consultant.get_full_name() or firm_a_consultant.username
    client_name = firm_a_client.get_full_name() or firm_a_client.username
    assert rows[:4] == [
        ("message sent", client_name),
        ("removed", consultant),
        ("rejected", consultant),
        ("file uploaded", client_name),
    ]
    assert "Private words" not in repr(client_history(client=file))


def test_a_rejections_reason_is_in_the_history(firm_a_client, firm_a_consultant):
    item = DocumentItemFactory(client=firm_a_client.client_file)
    services.upload(item=item, files=[pdf()], by=firm_a_client)
    services.reject(item=item, by=firm_a_consultant, reason="Expired passport")
    change = next(c for c in client_history(client=item.client) if c.kind == "rejected")
    assert ("reason", "—", "Expired passport") in change.changes
