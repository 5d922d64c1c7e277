"""Issue 7 end to end: staff records a draw in the admin, a real Celery worker evaluates every
client, and the client sees their standing in the portal."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from draws.models import ReevaluationRun, Standing
from tests import factories
from tests.draws.reevaluation_helpers import pool_client
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.workers import WorkerProcess, wait_for

pytestmark = pytest.mark.worker


@pytest.fixture
def worker(live_server):
    worker = WorkerProcess(name="e2e")
    yield worker
    worker.stop()


def test_a_draw_recorded_in_the_admin_reaches_every_client_and_the_portal(
    live_server, page, staff_user, worker
):
    factories.DrawCategoryFactory(key="cec", name="Canadian Experience Class")
    firm = factories.FirmFactory()
    login = factories.UserFactory(username="priya")
    clients = [pool_client(firm=firm, user=login), pool_client(firm=firm), pool_client(firm=firm)]
    held_on = timezone.localdate() - dt.timedelta(days=3)

    sign_in(page, live_server, staff_user.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/draws/draw/add/")
    page.locator("#id_number").fill("950")
    page.locator("#id_held_on").fill(held_on.isoformat())
    page.locator("#id_category").select_option(label="Canadian Experience Class")
    page.locator("#id_invitations").fill("3000")
    page.locator("#id_cutoff").fill("450")
    page.locator("#id_tie_break_at_0").fill((held_on - dt.timedelta(days=20)).isoformat())
    page.locator("#id_tie_break_at_1").fill("12:00:00")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Re-evaluation of 3 clients")

    run = ReevaluationRun.objects.get(draw__number="950")
    wait_for(
        lambda: ReevaluationRun.objects.filter(pk=run.pk, state="done").exists(),
        timeout=60,
        what="the worker to finish the run",
    )
    assert Standing.objects.filter(draw__number="950").count() == len(clients)

    page.context.clear_cookies()
    sign_in(page, live_server, "priya", PASSWORD)
    page.goto(f"{live_server.url}/portal/")
    row = (
        page.locator("#standing")
        .get_by_role("row")
        .filter(has=page.get_by_role("link", name="950", exact=True))
    )
    expect(row).to_contain_text("Would have been invited")
