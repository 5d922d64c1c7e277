"""Celery tasks of client files: thin, a service call each (DESIGN.md §5)."""

from celery import shared_task

from profiles.models import ScoreChange
from profiles.services import refresh_all_scores


@shared_task
def nightly_rescore() -> int:
    """Beat, 03:30 Toronto time: scores that the date changed (birthdays, results, ECAs and
    profiles expiring, experience accruing), each change recorded with its reason."""
    return refresh_all_scores(kind=ScoreChange.Kind.DATE)
