"""Files archived longer than the retention period are erased (issue 14, PIPEDA principle
4.5.3: personal information no longer needed is destroyed). Nightly, from beat.

``ARCHIVED_RETENTION_DAYS`` counts from ``archived_at``; 0 turns the purge off. Each file goes
through ``delete_client`` (its own transaction), so the ``Erasure`` line says "retention" with
no actor, and a failure halfway keeps the files already erased erased.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from profiles.models import Client, Erasure

from .clients import delete_client

BATCH_SIZE = 200


def purge_archived_files(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Erase every file archived before the retention period; returns how many."""
    days = settings.ARCHIVED_RETENTION_DAYS
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    due = Client.objects.filter(archived_at__lt=cutoff).order_by("pk")
    erased = 0
    # Batches read again each round (the erased files are gone from the query): a file
    # restored meanwhile is no longer picked, and 100,000 archived files are never loaded at once.
    while batch := list(due[:batch_size]):
        for client in batch:
            delete_client(client=client, by=None, reason=Erasure.Reason.RETENTION)
        erased += len(batch)
    return erased
