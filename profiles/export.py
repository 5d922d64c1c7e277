"""A client's whole file as data (PIPEDA, Québec's Law 25): what the client downloads from the
portal and a consultant for a file of their firm. Everything kept about the person, in one
object: the file and its facts, the score history, the standings in each round, the stages,
the documents (names and dates; the files themselves download one by one) and the messages.
A fixed number of queries whatever the size of the file."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from profiles.models import Client
from profiles.serializers import ClientSerializer


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _rows(queryset, *fields: str) -> list[dict]:
    return [{k: _iso(v) for k, v in row.items()} for row in queryset.values(*fields)]


def file_export(client: Client) -> dict:
    """The file of ``client`` as JSON-ready data."""
    file = ClientSerializer(client).data
    return {
        "exported_at": timezone.now().isoformat(),
        "file": file,
        "score_history": _rows(
            client.score_changes.order_by("changed_on", "pk"),
            "changed_on", "crs_before", "crs_after", "kind", "reason",
        ),
        "standings": _rows(
            client.standings.order_by("draw__held_on", "draw__sequence"),
            "draw__number", "draw__held_on", "crs", "verdict", "margin", "reason",
        ),
        "stage_changes": _rows(
            client.stage_changes.order_by("pk"), "stage", "on", "reason",
        ),
        "documents": _rows(
            client.document_items.order_by("pk"),
            "kind", "person", "person_name", "detail", "status", "rejection_reason", "due_on",
            "expires_on",
        ),
        "document_files": _rows(
            client.document_files.order_by("pk"), "filename", "content_type", "size",
            "uploaded_at",
        ),
        "messages": _rows(
            client.messages.order_by("sent_at", "pk"), "from_client", "body", "sent_at",
        ),
    }  # fmt: skip
