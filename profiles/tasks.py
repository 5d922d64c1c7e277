"""Celery tasks of client files: thin, a service call each (DESIGN.md §5)."""

from celery import shared_task

from profiles.documents import notifications
from profiles.documents import services as documents
from profiles.models import ScoreChange
from profiles.services import import_jobs, refresh_all_scores, reminders, retention


@shared_task
def nightly_rescore() -> int:
    """Beat, 03:30 Toronto time: scores that the date changed (birthdays, results, ECAs and
    profiles expiring, experience accruing), each change recorded with its reason."""
    return refresh_all_scores(kind=ScoreChange.Kind.DATE)


@shared_task
def send_weekly_reminders() -> int:
    """Beat, Monday 07:00 Toronto time: each consultant's next 14 days of deadlines and
    expiries (``services.reminders``)."""
    return reminders.send_weekly_reminders()


@shared_task
def notify_message(message_id: int) -> int:
    """A message arrived: e-mail the other side a link to it (``documents.notifications``)."""
    return notifications.send_message_email(message_id=message_id)


@shared_task
def expire_documents() -> int:
    """Beat, nightly: documents past their expiry are asked for again."""
    return documents.expire_documents()


@shared_task
def run_client_import(job_id: str, language: str | None = None) -> str:
    """A CSV import queued by the import page (``services.import_jobs``), in ``language``."""
    return import_jobs.run_import(job_id, language)


@shared_task
def forget_old_client_imports() -> int:
    """Beat, nightly: import jobs past ``CLIENT_IMPORT_KEEP_DAYS`` are deleted."""
    return import_jobs.forget_old_imports()


@shared_task
def purge_archived_files() -> int:
    """Beat, nightly: erase the files archived longer than ``ARCHIVED_RETENTION_DAYS``."""
    return retention.purge_archived_files()
