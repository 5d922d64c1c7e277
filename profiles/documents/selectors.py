"""Reads of documents and messages, scoped by who asks (DESIGN.md §6): every lookup goes
through ``clients_visible_to``, so another firm's document, or another client's, is a 404 by
the same rule as its file, whatever id is guessed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, QuerySet

from profiles.models import Client, DocumentFile, DocumentItem, Message
from profiles.selectors import clients_visible_to

AnyUser = User | AnonymousUser


def items_visible_to(*, user: AnyUser) -> QuerySet[DocumentItem]:
    return DocumentItem.objects.filter(client__in=clients_visible_to(user=user))


def files_visible_to(*, user: AnyUser) -> QuerySet[DocumentFile]:
    return DocumentFile.objects.filter(client__in=clients_visible_to(user=user))


def checklist_of(*, client: Client) -> list[DocumentItem]:
    """The file's items with their files and linked facts (two queries, however many)."""
    files = Prefetch("files", queryset=DocumentFile.objects.select_related("uploaded_by"))
    items = client.document_items.select_related("language_result", "credential")
    return list(items.prefetch_related(files))


def thread_of(*, client: Client, limit: int = 200) -> list[Message]:
    """The file's thread, oldest first (its newest ``limit`` messages), in two queries."""
    newest = client.messages.select_related("author").order_by("-sent_at", "-pk")[:limit]
    return list(newest.prefetch_related("attachments"))[::-1]


def unread_count(*, client: Client, for_client: bool) -> int:
    """Messages the other side wrote that this side has not opened yet."""
    return client.messages.filter(from_client=not for_client, read_at=None).count()


@dataclass(frozen=True)
class Progress:
    accepted: int
    waiting: int  # uploaded, not reviewed yet
    missing: int  # requested, rejected or expired
    overdue: int


def progress_of(items: list[DocumentItem], today: date) -> Progress:
    Status = DocumentItem.Status
    return Progress(
        accepted=sum(item.status == Status.ACCEPTED for item in items),
        waiting=sum(item.status == Status.UPLOADED for item in items),
        missing=sum(item.missing for item in items),
        overdue=sum(item.overdue_on(today) for item in items),
    )
