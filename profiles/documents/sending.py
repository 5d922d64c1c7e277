"""Queue the message e-mail by task name, so services never import ``profiles.tasks``."""

from __future__ import annotations

import logging

from celery import current_app
from django.conf import settings

log = logging.getLogger(__name__)
NOTIFY_MESSAGE = "profiles.tasks.notify_message"


def notify_message(message_id: int) -> None:
    """Queue the e-mail about message ``message_id``; a dead broker loses the e-mail, never
    the message (it is saved and shown with the unread count either way)."""
    try:
        current_app.tasks[NOTIFY_MESSAGE].apply_async([message_id], retry=False)
    except Exception as exc:  # kombu raises OperationalError, redis-py ConnectionError, OSError
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        log.warning("Task broker unreachable; no e-mail for message %s: %s", message_id, exc)
