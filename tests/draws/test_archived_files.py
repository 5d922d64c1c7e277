"""Archived files leave the re-evaluation and the digests (issue 11); restored, they return."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from draws.models import ReevaluationRun, Standing
from draws.reevaluation import runs
from draws.reevaluation.notifications import send_draw_digests
from draws.reevaluation.rescoring import rescore_clients
from profiles import services
from tests import factories
from tests.draws.reevaluation_helpers import DRAW_DAY, category, pool_client, record_cec_draw

pytestmark = pytest.mark.django_db


def _run(run: ReevaluationRun) -> ReevaluationRun:
    runs.reevaluate_draw(run_id=run.pk)
    for chunk_id in run.chunks.values_list("pk", flat=True):
        runs.evaluate_chunk(chunk_id=chunk_id)
    run.refresh_from_db()
    return run


def test_a_run_neither_counts_nor_evaluates_archived_files(firm_a_consultant):
    kept, shelved = pool_client(), pool_client()
    services.archive_client(client=shelved, by=firm_a_consultant)
    run = _run(record_cec_draw().run)
    assert (run.total, run.done) == (1, 1)
    assert list(Standing.objects.values_list("client_id", flat=True)) == [kept.pk]


def test_an_archived_file_is_not_re_scored_against_recent_draws(firm_a_consultant):
    shelved = pool_client()
    record_cec_draw()
    services.archive_client(client=shelved, by=firm_a_consultant)
    assert rescore_clients(client_ids=[shelved.pk], today=DRAW_DAY) == 0


def test_the_digest_leaves_out_archived_files_and_links_to_the_dashboard(
    firm_a, firm_a_consultant, settings
):
    settings.SITE_URL = "https://portal.example.com"
    draw = factories.DrawFactory(
        held_on=timezone.localdate() - dt.timedelta(days=1), category=category("cec"), cutoff=500
    )
    run = ReevaluationRun.objects.create(draw=draw, revision=1, state="done", total=2, done=2)
    kept = factories.ClientFactory(firm=firm_a, last_name="Kept")
    shelved = factories.ClientFactory(firm=firm_a, last_name="Shelved")
    for file in (kept, shelved):
        factories.StandingFactory(draw=draw, client=file, revision=1)
    services.archive_client(client=shelved, by=firm_a_consultant)
    send_draw_digests(run_id=run.pk)
    (digest,) = mail.outbox
    assert "Kept" in digest.body and "Shelved" not in digest.body
    assert "https://portal.example.com/dashboard/" in digest.body
