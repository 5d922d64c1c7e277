"""Celery tasks: thin, idempotent, ids in and a service call out (DESIGN.md §5)."""

from celery import shared_task

REEVALUATE = {"queue": "reevaluate"}


@shared_task(**REEVALUATE)
def dispatch_runs() -> None:
    from draws import reevaluation

    reevaluation.dispatch_runs()


@shared_task(**REEVALUATE)
def evaluate_chunk(chunk_id: int) -> None:
    from draws import reevaluation

    reevaluation.evaluate_chunk(chunk_id=chunk_id)


@shared_task
def resume_stalled_runs() -> None:
    from draws import reevaluation

    reevaluation.resume_stalled_runs()


@shared_task
def send_draw_digests(run_id: int) -> None:
    from draws import notifications

    notifications.send_draw_digests(run_id=run_id)


@shared_task(**REEVALUATE)
def rescore_clients(client_ids: list[int]) -> None:
    from draws import rescoring

    rescoring.rescore_clients(client_ids=client_ids)
