"""CSV imports as jobs: the page stores the upload and a Celery worker imports it (issue 14).

``start_import`` saves the upload and queues the task by name once the request's transaction
commits; ``run_import`` is the task's body. The import itself is ``import_clients_csv``, all or
nothing as before: its rows are written and the job marked done in one transaction, so a worker
killed halfway leaves nothing half-imported and the task, delivered again, starts clean. Rows
read so far go to the cache (Redis in production), not the database, because the job's own
row is locked until that transaction ends.
"""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from uuid import UUID

from celery import current_app
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from eeportal.languages import language_of
from profiles.models import ClientImport, Firm

from .csv_duplicates import SkippedRow
from .csv_import import ImportRejected, import_clients_csv

log = logging.getLogger(__name__)
RUN_CLIENT_IMPORT = "profiles.tasks.run_client_import"


def start_import(
    *, firm: Firm, by: User, upload: UploadedFile, import_duplicates: bool
) -> ClientImport:
    """Store ``upload`` (already checked against the size cap) and queue its import."""
    job = ClientImport.objects.create(
        firm=firm,
        created_by=by,
        file_name=(upload.name or "")[:255],
        import_duplicates=import_duplicates,
        content=b"".join(upload.chunks()),
    )
    transaction.on_commit(lambda: _queue(job))
    return job


def _queue(job: ClientImport) -> None:
    try:
        current_app.tasks[RUN_CLIENT_IMPORT].apply_async(
            [str(job.pk)], kwargs={"language": translation.get_language()}, retry=False
        )
    except Exception as exc:  # kombu OperationalError, redis-py ConnectionError, OSError
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        log.warning("Task broker unreachable; import %s not queued: %s", job.pk, exc)
        _fail(
            job.pk, gettext("The import could not be queued (the task queue is down). Try again.")
        )


def progress_key(job_id: UUID | str) -> str:
    return f"client-import:{job_id}:rows"


def rows_read(job: ClientImport) -> int | None:
    """Rows read so far by the worker running ``job``, or None before it starts."""
    return cache.get(progress_key(job.pk))


def run_import(job_id: UUID | str, language: str | None = None) -> str:
    """Import the job's file; returns its final status. A job already finished is left as is."""
    ClientImport.objects.filter(pk=job_id, status=ClientImport.Status.QUEUED).update(
        status=ClientImport.Status.RUNNING, started_at=timezone.now()
    )
    try:
        with transaction.atomic():
            # Locked: the same task delivered twice waits here, then finds the job finished.
            job = ClientImport.objects.select_for_update().filter(pk=job_id).first()
            if job is None or job.finished:
                return job.status if job else "missing"
            _import(job, language)
            return job.status
    except Exception:
        log.exception("Import %s failed", job_id)  # the id only: rows are personal data
        with translation.override(language):
            _fail(
                job_id, gettext("The import stopped on an unexpected error; nothing was imported.")
            )
        raise
    finally:
        cache.delete(progress_key(job_id))


def _import(job: ClientImport, language: str | None) -> None:
    key = progress_key(job.pk)
    try:
        # The worker has no request: the problems are stored in the language of the page the
        # file was uploaded from (else the uploader's saved choice), and shown as stored.
        with translation.override(language or language_of(job.created_by)):
            result = import_clients_csv(
                firm=job.firm,
                by=job.created_by,
                file=io.BytesIO(bytes(job.content)),
                import_duplicates=job.import_duplicates,
                progress=lambda rows: cache.set(key, rows, timeout=3600),
            )
    except ImportRejected as rejected:
        job.status = ClientImport.Status.REJECTED
        job.problems = [
            {"line": p.line, "column": p.column, "message": p.message} for p in rejected.problems
        ]
    else:
        job.status = ClientImport.Status.DONE
        job.created_count = len(result.created)
        job.skipped = [_skipped(row) for row in result.skipped]
    job.content = b""
    job.finished_at = timezone.now()
    job.save()


def _skipped(row: SkippedRow) -> dict:
    return {
        "line": row.line,
        "name": row.name,
        "matches": [{"file": str(m.client.public_id), "on": m.on} for m in row.matches],
        "same_as_line": row.same_as_line,
    }


def _fail(job_id: UUID | str, message: str) -> None:
    ClientImport.objects.filter(pk=job_id).exclude(
        status__in=[ClientImport.Status.DONE, ClientImport.Status.REJECTED]
    ).update(
        status=ClientImport.Status.FAILED,
        problems=[{"line": 0, "column": "file", "message": message}],
        content=b"",
        finished_at=timezone.now(),
    )


def forget_old_imports(*, now=None) -> int:
    """Delete jobs older than ``CLIENT_IMPORT_KEEP_DAYS`` (their outcome names people)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CLIENT_IMPORT_KEEP_DAYS)
    deleted, _ = ClientImport.objects.filter(created_at__lt=cutoff).delete()
    return deleted
