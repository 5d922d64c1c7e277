"""Tasks sent by name: the pipeline queues work without importing ``draws.tasks``, which
imports the pipeline (the circle reevaluation ↔ tasks ↔ rescoring this module replaced).

The task object is looked up in the Celery app by name, so its own options (the
``reevaluate`` queue, ``acks_late``) and eager mode without Redis apply exactly as if it had
been imported. ``DrawsConfig.ready`` imports ``draws.tasks``, so every process has them.
"""

from __future__ import annotations

import logging

from celery import current_app
from django.conf import settings

log = logging.getLogger(__name__)

# The names are the ones registered today: the beat schedule and messages already queued in
# Redis refer to them, so they must not follow a module move.
DISPATCH_RUNS = "draws.tasks.dispatch_runs"
EVALUATE_CHUNK = "draws.tasks.evaluate_chunk"
RESCORE_CLIENTS = "draws.tasks.rescore_clients"
SEND_DRAW_DIGESTS = "draws.tasks.send_draw_digests"
TASK_NAMES = (DISPATCH_RUNS, EVALUATE_CHUNK, RESCORE_CLIENTS, SEND_DRAW_DIGESTS)


def send(name: str, *args: object, **options: object) -> bool:
    """Send task ``name`` now; False when the broker cannot be reached.

    ``retry=False``: on the request path a dead broker must fail in a second, not stall the
    page. Nothing is lost: ``resume_stalled_runs`` (beat, every minute) sends it again.
    """
    task = current_app.tasks[name]
    try:
        task.apply_async(args, retry=False, **options)
    except Exception as exc:  # kombu raises OperationalError, redis-py ConnectionError, OSError
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        log.warning("Task broker unreachable; %s stays pending: %s", name, exc)
        return False
    return True
