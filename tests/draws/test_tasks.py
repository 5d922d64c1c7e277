"""The pipeline's tasks: registered under the names beat and queued messages use, sent by name
without the pipeline importing ``draws.tasks``, and bounded in time."""

import datetime as dt

import pytest
from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded

from draws import tasks
from draws.models import ReevaluationChunk, Standing
from draws.reevaluation import runs, sending
from tests.draws.reevaluation_helpers import pool_client, record_cec_draw
from tests.test_import_graph import import_graph, project_files

PIPELINE_TASKS = [*sending.TASK_NAMES, "draws.tasks.resume_stalled_runs"]


@pytest.mark.parametrize("name", sending.TASK_NAMES)
def test_a_task_sent_by_name_is_the_task_object_itself_with_its_queue_and_options(name):
    # The same object (shared_task hands out a proxy to it), so apply_async routes it exactly
    # as before the pipeline sent by name.
    task = getattr(tasks, name.rsplit(".", 1)[1])._get_current_object()
    assert current_app.tasks[name] is task


def test_the_beat_schedule_names_a_registered_task(settings):
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        if entry["task"].startswith("draws."):
            assert entry["task"] in current_app.tasks


def test_no_pipeline_module_imports_the_tasks_module():
    graph = import_graph(project_files())
    importers = sorted(name for name, targets in graph.items() if "draws.tasks" in targets)
    assert importers == ["draws.apps"]


@pytest.mark.parametrize("name", PIPELINE_TASKS)
def test_every_pipeline_task_gives_up_before_resume_would_send_it_again(name, settings):
    task = current_app.tasks[name]
    assert 0 < task.soft_time_limit < task.time_limit < settings.REEVALUATION_STALLED_AFTER


@pytest.mark.django_db
def test_a_chunk_past_its_soft_time_limit_writes_nothing_and_is_requeued_by_resume(
    broker, monkeypatch
):
    pool_client()
    run = record_cec_draw().run
    runs.reevaluate_draw(run_id=run.pk)
    chunk = run.chunks.get()

    def overrun(**kwargs):
        raise SoftTimeLimitExceeded

    monkeypatch.setattr(runs, "judge_clients", overrun)
    with pytest.raises(SoftTimeLimitExceeded):
        runs.evaluate_chunk(chunk_id=chunk.pk)
    chunk = ReevaluationChunk.objects.get(pk=chunk.pk)
    assert (chunk.done_at, chunk.attempts, Standing.objects.count()) == (None, 1, 0)
    broker.sent.clear()
    runs.resume_stalled_runs(stalled_after=dt.timedelta(0))
    assert broker.sent == [("draws.tasks.evaluate_chunk", (chunk.pk,))]
