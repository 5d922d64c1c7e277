"""The staff runs page (/draws/runs/), its resume button and command, and what the admin's draw
page shows of the runs."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from draws.models import ReevaluationChunk, ReevaluationRun
from tests import factories

pytestmark = pytest.mark.django_db
RUNS = reverse("draws:run_list")
RESUME = reverse("draws:run_resume")
NOT_STAFF = ["firm_a_consultant", "firm_b_consultant", "firm_a_client"]


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_staff_see_each_runs_progress_rate_and_eta(staff_client):
    factories.ReevaluationRunFactory(draw__number="434", total=4000, done=1000)
    page = staff_client.get(RUNS).content.decode()
    for text in ("Round 434", "1000 / 4000 (25%)", '<progress max="4000" value="1000"', "/s"):
        assert text in page, text
    assert "Running" in page and "Resume stalled runs" in page


def test_runs_are_listed_newest_first(staff_client):
    old = factories.ReevaluationRunFactory(created_at=timezone.now() - dt.timedelta(hours=1))
    new = factories.ReevaluationRunFactory()
    page = staff_client.get(RUNS).content.decode()
    assert page.index(f"Round {new.draw.number}") < page.index(f"Round {old.draw.number}")


def test_a_run_the_broker_never_received_says_it_waits_for_the_broker(staff_client):
    factories.ReevaluationRunFactory(state="pending", queued_at=None, started_at=None, done=0)
    page = staff_client.get(RUNS).content.decode()
    assert "waiting for the task broker; resumes automatically" in page


def test_a_finished_run_shows_its_duration_and_no_warning(staff_client):
    start = timezone.now() - dt.timedelta(minutes=2, seconds=5)
    factories.ReevaluationRunFactory(
        state="done", done=4000, started_at=start, finished_at=start + dt.timedelta(seconds=125)
    )
    page = staff_client.get(RUNS).content.decode()
    assert "2 min 5 s" in page and "waiting for the task broker" not in page


def test_the_table_polls_every_2_seconds_while_a_run_is_active(staff_client):
    factories.ReevaluationRunFactory(state="running")
    page = staff_client.get(RUNS).content.decode()
    assert 'hx-trigger="every 2s"' in page and f'hx-get="{RUNS}?"' in page


def test_the_poll_answers_with_the_table_only_and_stops_once_nothing_is_active(staff_client):
    factories.ReevaluationRunFactory(state="done", finished_at=timezone.now())
    response = staff_client.get(RUNS, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith("<div") and "<html" not in html  # the partial
    assert "hx-trigger" not in html


def test_runs_filter_by_round_number_and_state(staff_client):
    factories.ReevaluationRunFactory(draw__number="434")
    factories.ReevaluationRunFactory(draw__number="433", state="done")
    page = staff_client.get(RUNS, {"draw": "433", "state": "done"}).content.decode()
    assert "Round 433" in page and "Round 434" not in page


def test_a_bad_filter_or_page_never_fails(staff_client):
    response = staff_client.get(RUNS, {"state": "exploded", "page": "x", "draw": "'; --"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_runs_page_runs_the_same_queries_for_3_and_30_runs(
    staff_client, django_assert_num_queries, count
):
    for _ in range(count):
        factories.ReevaluationRunFactory()
    # user (the session comes from Redis), membership (roles), client file (roles), count, page of
    # runs with draws
    with django_assert_num_queries(5):
        assert staff_client.get(RUNS).status_code == 200


def test_staff_have_the_runs_page_in_the_navigation(staff_client):
    page = staff_client.get(reverse("draws:draw_list")).content.decode()
    assert f'href="{RUNS}"' in page


# --- who may see the runs (DESIGN.md §9.3) ------------------------------------------------------


@pytest.mark.parametrize("actor", NOT_STAFF)
def test_nobody_but_staff_can_see_the_runs_page(client, request, actor):
    factories.ReevaluationRunFactory(draw__number="434")
    client.force_login(request.getfixturevalue(actor))
    response = client.get(RUNS)
    assert response.status_code == 404
    assert b"Round 434" not in response.content
    assert f'href="{RUNS}"' not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("actor", NOT_STAFF)
def test_nobody_but_staff_can_resume_runs(client, request, actor, broker):
    factories.ReevaluationRunFactory(state="pending", queued_at=None)
    client.force_login(request.getfixturevalue(actor))
    assert client.post(RESUME).status_code == 404
    assert broker.sent == []


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for response in (client.get(RUNS), client.post(RESUME)):
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")


# --- resuming ----------------------------------------------------------------------------------


def _stalled_chunk() -> ReevaluationChunk:
    run = factories.ReevaluationRunFactory()
    long_ago = timezone.now() - dt.timedelta(hours=1)
    return ReevaluationChunk.objects.create(
        run=run, first_id=1, last_id=10, size=10, queued_at=long_ago
    )


def test_the_resume_button_requeues_stalled_chunks_and_says_so(staff_client, broker):
    chunk = _stalled_chunk()
    response = staff_client.post(RESUME, follow=True)
    assert ("draws.tasks.evaluate_chunk", (chunk.pk,)) in broker.sent
    assert "Re-queued 1 stalled chunk, finished 0 runs" in response.content.decode()


def test_the_resume_button_only_answers_a_post(staff_client):
    assert staff_client.get(RESUME).status_code == 405


def test_the_command_requeues_what_stalled_and_prints_it(broker):
    chunk = _stalled_chunk()
    factories.ReevaluationRunFactory(state="pending", queued_at=None, started_at=None)
    out = StringIO()
    call_command("resume_stalled_runs", "--stalled-after", "60", stdout=out)
    assert out.getvalue().strip() == (
        "Re-queued 1 stalled chunk, finished 0 runs, sent 1 pending run to the dispatcher."
    )
    assert broker.names() == ["draws.tasks.evaluate_chunk", "draws.tasks.dispatch_runs"]
    assert broker.sent[0][1] == (chunk.pk,)


def test_the_command_leaves_chunks_queued_more_recently_than_asked(broker):
    _stalled_chunk()
    out = StringIO()
    call_command("resume_stalled_runs", "--stalled-after", "7200", stdout=out)
    assert out.getvalue().startswith("Re-queued 0 stalled chunks")


def test_the_command_refuses_a_negative_delay():
    with pytest.raises(CommandError, match="0 or more"):
        call_command("resume_stalled_runs", "--stalled-after", "-5")


# --- the admin's draw page ---------------------------------------------------------------------


def test_the_admin_draw_page_shows_its_runs_live(staff_client):
    run = factories.ReevaluationRunFactory(total=4000, done=1000)
    factories.ReevaluationRunFactory()  # another draw's run
    page = staff_client.get(reverse("admin:draws_draw_change", args=[run.draw_id])).content
    page = page.decode()
    assert "Re-evaluation runs" in page and "1000 / 4000" in page
    assert f'hx-get="{RUNS}?draw={run.draw.number}"' in page and "htmx.min.js" in page
    assert page.count("<progress") == 1


def test_the_admin_page_of_an_unknown_draw_is_not_an_error(staff_client):
    response = staff_client.get(reverse("admin:draws_draw_change", args=["nonsense"]))
    assert response.status_code == 302  # the admin's own "doesn't exist" redirect


def test_a_draw_without_runs_shows_none(staff_client):
    draw = factories.DrawFactory()
    assert ReevaluationRun.objects.count() == 0
    page = staff_client.get(reverse("admin:draws_draw_change", args=[draw.pk])).content.decode()
    assert "No re-evaluation run yet" in page
