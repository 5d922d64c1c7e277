"""The dashboard counts documents overdue and expiring (before the application deadline)."""

import datetime

from django.utils import timezone

from profiles.dashboard import dashboard_for
from tests.factories import ClientFactory, DocumentItemFactory


def section(user):
    board = dashboard_for(user=user, whole_firm=True)
    return next(s for s in board.sections if s.key == "documents")


def test_overdue_and_expiring_documents_are_counted(firm_a, firm_a_consultant):
    today = timezone.localdate()
    file = ClientFactory(firm=firm_a)
    DocumentItemFactory(client=file, due_on=today - datetime.timedelta(days=3))
    DocumentItemFactory(
        client=file, status="accepted", expires_on=today + datetime.timedelta(days=30)
    )
    DocumentItemFactory(client=file, due_on=today + datetime.timedelta(days=3))  # not yet due
    DocumentItemFactory(
        client=file, status="accepted", expires_on=today + datetime.timedelta(days=400)
    )
    found = section(firm_a_consultant)
    assert [(t.label, t.value) for t in found.summary] == [
        ("Documents overdue", 1),
        ("Documents expiring", 1),
    ]
    assert found.items[0].urgent and "overdue" in found.items[0].what


def test_an_expired_document_is_counted_as_expiring_until_replaced(firm_a, firm_a_consultant):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    DocumentItemFactory(client=ClientFactory(firm=firm_a), status="accepted", expires_on=yesterday)
    assert section(firm_a_consultant).summary[1].value == 1


def test_another_firms_documents_are_not_counted(firm_a, firm_b_consultant):
    DocumentItemFactory(
        client=ClientFactory(firm=firm_a), due_on=timezone.localdate() - datetime.timedelta(1)
    )
    assert section(firm_b_consultant).total == 0
