"""After a draw is saved (admin, API), staff are told whether its re-evaluation was queued or
whether the task broker could not be reached. The run is queued when the save commits, so the
end-to-end tests here are transactional; the notice itself is tested without."""

import datetime as dt

import pytest
from django.contrib import messages
from django.urls import reverse
from rest_framework.test import APIClient

from draws.models import Draw, ReevaluationRun
from draws.reevaluation import notices
from tests import factories
from tests.draws.reevaluation_helpers import record_cec_draw

ADD_URL = reverse("admin:draws_draw_add")
API_LIST = reverse("api-draw-list")


@pytest.mark.django_db
def test_the_notice_counts_the_clients_once_the_broker_took_the_run(
    categories, broker, django_capture_on_commit_callbacks
):
    factories.ClientFactory.create_batch(3)
    with django_capture_on_commit_callbacks(execute=True):
        recorded = record_cec_draw()
    assert notices.notice(recorded) == (
        messages.SUCCESS,
        "Draw saved. Re-evaluation of 3 clients queued.",
    )


@pytest.mark.django_db
def test_the_notice_warns_when_the_broker_could_not_be_reached(
    categories, dead_broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recorded = record_cec_draw()
    assert notices.notice(recorded) == (messages.WARNING, notices.BROKER_DOWN)
    assert ReevaluationRun.objects.get().queued_at is None  # resume_stalled_runs sends it later


@pytest.mark.django_db
def test_a_correction_that_cannot_change_who_is_invited_says_so(categories):
    record_cec_draw()
    assert notices.notice(record_cec_draw(ircc_name="Canadian Experience Class (renamed)")) == (
        messages.SUCCESS,
        "Draw saved. The correction does not change who is invited.",
    )


@pytest.mark.django_db
def test_saving_the_same_figures_again_says_nothing_changed(categories):
    record_cec_draw()
    assert notices.notice(record_cec_draw()) == (
        messages.INFO,
        "Draw saved. Nothing changed, so nothing is re-evaluated.",
    )


@pytest.mark.django_db
def test_the_api_status_of_a_run_is_read_fresh_from_the_database(categories):
    recorded = record_cec_draw()
    ReevaluationRun.objects.update(queued_at=dt.datetime.now(dt.UTC))
    assert notices.status(recorded.run) == {
        "run": recorded.run.pk,
        "state": "pending",
        "queued": True,
    }
    assert notices.status(None) is None


# --- end to end: the save commits, then the notice -----------------------------------------------


def admin_form(**changes) -> dict:
    data = {
        "number": "435", "held_on": "2026-08-17",
        "category": factories.DrawCategoryFactory(key="pnp").pk, "invitations": "442",
        "cutoff": "760", "tie_break_at_0": "2026-08-07", "tie_break_at_1": "18:01:56",
        "ran_at_0": "", "ran_at_1": "", "ircc_name": "Provincial Nominee Program",
        "programs": "", "ircc_url": "", "pool_as_of": "", "pool": "",
    }  # fmt: skip
    return data | changes


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def shown_messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in response.context["messages"]]


@pytest.mark.django_db(transaction=True)
def test_saving_a_draw_in_the_admin_says_how_many_clients_are_queued(staff_client, broker):
    factories.ClientFactory.create_batch(2)
    response = staff_client.post(ADD_URL, admin_form(), follow=True)
    assert shown_messages(response) == [
        ("success", "Draw saved. Re-evaluation of 2 clients queued.")
    ]
    assert broker.names() == ["draws.tasks.dispatch_runs"]


@pytest.mark.django_db(transaction=True)
def test_saving_a_draw_in_the_admin_with_the_broker_down_warns_and_keeps_the_draw(
    staff_client, dead_broker
):
    response = staff_client.post(ADD_URL, admin_form(), follow=True)
    assert shown_messages(response) == [("warning", notices.BROKER_DOWN)]
    assert Draw.objects.filter(number="435").exists()
    assert ReevaluationRun.objects.get().state == "pending"


@pytest.fixture
def staff_api(staff_user):
    api = APIClient()
    api.force_authenticate(staff_user)
    return api


def api_draw(**changes) -> dict:
    factories.DrawCategoryFactory(key="pnp")
    body = {"number": "435", "held_on": "2026-08-17", "category": "pnp", "invitations": 442,
            "cutoff": 760, "tie_break_at": "2026-08-07T18:01:56Z"}  # fmt: skip
    return body | changes


@pytest.mark.django_db(transaction=True)
def test_recording_a_draw_through_the_api_answers_with_its_queued_run(staff_api, broker):
    body = staff_api.post(API_LIST, api_draw(), format="json").json()
    run = ReevaluationRun.objects.get()
    assert body["reevaluation"] == {"run": run.pk, "state": "pending", "queued": True}


@pytest.mark.django_db(transaction=True)
def test_the_api_says_when_the_run_could_not_be_queued(staff_api, dead_broker):
    response = staff_api.post(API_LIST, api_draw(), format="json")
    assert response.status_code == 201
    assert response.json()["reevaluation"]["queued"] is False


@pytest.mark.django_db
def test_a_correction_that_reruns_nothing_answers_with_no_reevaluation(staff_api):
    factories.DrawFactory(number="434", held_on=dt.date(2026, 8, 7))
    url = reverse("api-draw-detail", kwargs={"number": "434"})
    body = staff_api.patch(url, {"ircc_name": "Renamed"}, format="json").json()
    assert body["reevaluation"] is None


@pytest.mark.django_db
def test_reading_draws_shows_no_reevaluation_member(staff_api):
    factories.DrawFactory()
    assert "reevaluation" not in staff_api.get(API_LIST).json()["results"][0]


@pytest.mark.django_db
def test_the_reevaluation_member_is_documented_in_the_schema(staff_api):
    schema = staff_api.get(reverse("api-schema"), {"format": "json"}).json()
    recorded = schema["components"]["schemas"]["RecordedDraw"]["properties"]["reevaluation"]
    assert recorded["readOnly"] is True
    status = schema["components"]["schemas"]["ReevaluationStatus"]["properties"]
    assert set(status) == {"run", "state", "queued"}
