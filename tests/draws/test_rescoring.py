"""Per-client re-scoring (DESIGN.md §5): a changed file is judged again in the last 12 months of
draws, by a small task queued after the commit. Services called directly; no worker here."""

import datetime as dt

import pytest
from django.db import transaction

from draws import tasks
from draws.models import Standing
from draws.reevaluation import rescoring
from profiles import services
from profiles.signals import facts_changed
from tests import factories
from tests.draws.reevaluation_helpers import DRAW_DAY, category, pool_client

pytestmark = pytest.mark.django_db
TODAY = DRAW_DAY + dt.timedelta(days=30)


@pytest.fixture
def recent_draw(categories):
    return factories.DrawFactory(held_on=DRAW_DAY, category=category("cec"), cutoff=480)


def test_a_change_to_a_file_queues_a_rescore_of_that_client_after_commit(
    broker, firm_a, firm_a_consultant, django_capture_on_commit_callbacks
):
    client = pool_client(firm=firm_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_client(client=client, by=firm_a_consultant, data={"phone": "555"})
    assert broker.sent == [("draws.tasks.rescore_clients", ([client.pk],))]


def test_a_change_to_a_file_sends_its_rescore_from_a_single_on_commit_callback(
    broker, firm_a, firm_a_consultant, django_capture_on_commit_callbacks
):
    # profiles sends facts_changed from on_commit; the receiver sends the task there and then,
    # not from a second on_commit of its own.
    client = pool_client(firm=firm_a)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.update_client(client=client, by=firm_a_consultant, data={"phone": "555"})
    assert len(callbacks) == 1
    assert broker.names() == ["draws.tasks.rescore_clients"]


def test_the_rescore_task_runs_on_the_reevaluate_queue():
    assert tasks.rescore_clients.queue == "reevaluate"


def test_a_rolled_back_change_queues_no_rescore(
    broker, firm_a, firm_a_consultant, django_capture_on_commit_callbacks
):
    client = pool_client(firm=firm_a)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.update_client(client=client, by=firm_a_consultant, data={"phone": "555"})
        raise RuntimeError("the form failed further on")
    assert broker.sent == []


def test_an_unreachable_broker_does_not_fail_the_change(
    dead_broker, firm_a, firm_a_consultant, django_capture_on_commit_callbacks
):
    client = pool_client(firm=firm_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_client(client=client, by=firm_a_consultant, data={"phone": "555"})
    client.refresh_from_db()
    assert client.phone == "555"


def test_a_large_batch_is_queued_as_several_tasks_of_a_chunk_each(
    broker, settings, django_capture_on_commit_callbacks
):
    settings.REEVALUATION_CHUNK_SIZE = 2
    with django_capture_on_commit_callbacks(execute=True):
        facts_changed.send(sender=None, client_ids=[5, 1, 4, 2, 3, 2])
    assert [args for _, args in broker.sent] == [([1, 2],), ([3, 4],), ([5],)]


def test_a_rescore_judges_the_client_in_draws_of_the_last_12_months_only(recent_draw):
    old = factories.DrawFactory(held_on=TODAY - dt.timedelta(days=400), category=category("cec"))
    client = pool_client()
    assert rescoring.rescore_clients(client_ids=[client.pk], today=TODAY) == 1
    standing = Standing.objects.get()
    assert (standing.draw, standing.client, standing.verdict) == (recent_draw, client, "invited")
    assert not Standing.objects.filter(draw=old).exists()


def test_a_rescore_writes_at_the_draws_current_revision(recent_draw):
    type(recent_draw).objects.filter(pk=recent_draw.pk).update(revision=3)
    client = pool_client()
    rescoring.rescore_clients(client_ids=[client.pk], today=TODAY)
    assert Standing.objects.get().revision == 3


def test_a_rescore_replaces_the_clients_row_with_the_new_figures(recent_draw):
    client = pool_client()
    factories.StandingFactory(draw=recent_draw, client=client, margin=-100, verdict="below_cutoff")
    rescoring.rescore_clients(client_ids=[client.pk], today=TODAY)
    standing = Standing.objects.get()
    assert (standing.verdict, standing.margin) == ("invited", standing.crs - 480)


@pytest.mark.django_db(transaction=True)
def test_a_rescore_writes_one_row_in_each_recent_draw(categories):
    # Transactional: each draw's upsert commits on its own, as in a worker.
    draws = [
        factories.DrawFactory(held_on=DRAW_DAY - dt.timedelta(days=d), category=category("cec"))
        for d in (0, 14, 200)
    ]
    clients = [pool_client(), pool_client()]
    written = rescoring.rescore_clients(client_ids=[c.pk for c in clients], today=TODAY)
    assert written == 6
    assert Standing.objects.filter(draw__in=draws).count() == 6


def test_a_rescore_of_a_deleted_client_writes_nothing_and_does_not_fail(recent_draw):
    client = pool_client()
    gone = client.pk
    client.delete()
    rescoring.rescore_clients(client_ids=[gone], today=TODAY)
    assert not Standing.objects.exists()


def test_the_task_calls_the_service_with_the_ids(monkeypatch):
    called = []
    monkeypatch.setattr(rescoring, "rescore_clients", lambda **kwargs: called.append(kwargs))
    tasks.rescore_clients([7, 8])
    assert called == [{"client_ids": [7, 8]}]
