"""Celery tasks: thin, idempotent, ids in and a service call out (DESIGN.md §5).

The pipeline sends these by name (``draws.reevaluation.sending``) and never imports this
module; the names (``draws.tasks.<function>``) are what the beat schedule and messages
already queued refer to, so they stay as they are whatever moves behind them.
"""

from celery import shared_task

from draws.reevaluation import notifications, rescoring, runs

# Time limits, in seconds. A chunk of 2,000 clients takes about 0.5 s and a run's dispatch a
# fraction of that, but a hung database or mail server call must not hold a worker for ever.
# The soft limit raises SoftTimeLimitExceeded inside the task: the chunk's transaction rolls
# back, the chunk stays pending with its attempt counted, and resume_stalled_runs queues it
# again (a chunk that always overruns is given up after REEVALUATION_MAX_ATTEMPTS). The hard
# limit kills the worker process if even that does not return. Both stay well below
# REEVALUATION_STALLED_AFTER (600 s), so a stuck chunk has failed before it is sent again, and
# below the broker's visibility timeout (3,600 s), after which Redis would hand a still-running
# task to a second worker.
QUICK = {"soft_time_limit": 60, "time_limit": 90}
# A re-score judges up to a chunk of clients in every draw of the last 12 months (58 draws in
# 2025: some 30 s for a full chunk of 2,000 at 0.5 s a draw); a digest renders and sends one
# e-mail per consultant and opted-in client of the draw, over SMTP.
LONGER = {"soft_time_limit": 300, "time_limit": 360}
REEVALUATE = {"queue": "reevaluate"}


@shared_task(**REEVALUATE, **QUICK)
def dispatch_runs() -> None:
    runs.dispatch_runs()


@shared_task(**REEVALUATE, **QUICK)
def evaluate_chunk(chunk_id: int) -> None:
    runs.evaluate_chunk(chunk_id=chunk_id)


@shared_task(**QUICK)
def resume_stalled_runs() -> None:
    runs.resume_stalled_runs()


@shared_task(**LONGER)
def send_draw_digests(run_id: int) -> None:
    notifications.send_draw_digests(run_id=run_id)


@shared_task(**REEVALUATE, **LONGER)
def rescore_clients(client_ids: list[int]) -> None:
    rescoring.rescore_clients(client_ids=client_ids)
