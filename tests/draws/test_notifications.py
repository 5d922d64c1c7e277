"""Digest e-mails after a run: one per consultant per draw, a line for each opted-in client."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from draws.models import Draw, ReevaluationRun, Standing
from draws.reevaluation.notifications import send_draw_digests
from tests import factories
from tests.draws.reevaluation_helpers import category

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_run(firm_a):
    draw = factories.DrawFactory(
        held_on=timezone.localdate() - dt.timedelta(days=1), category=category("cec"), cutoff=500
    )
    return ReevaluationRun.objects.create(
        draw=draw, revision=1, state=ReevaluationRun.State.DONE, total=4, done=4
    )


def stand(run, client, crs, verdict):
    return Standing.objects.create(
        draw=run.draw, client=client, crs=crs, eligible=True, margin=crs - run.draw.cutoff,
        verdict=verdict, revision=1, evaluated_at=timezone.now(),
    )  # fmt: skip


def test_a_consultant_gets_one_digest_with_the_invited_and_near_misses(
    finished_run, firm_a, firm_a_consultant
):
    invited = factories.ClientFactory(firm=firm_a, last_name="Invited")
    near = factories.ClientFactory(firm=firm_a, last_name="Near")
    far = factories.ClientFactory(firm=firm_a, last_name="Far")
    stand(finished_run, invited, 510, "invited")
    stand(finished_run, near, 491, "below_cutoff")
    stand(finished_run, far, 470, "below_cutoff")
    send_draw_digests(run_id=finished_run.pk)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Invited" in body and "Near" in body and "Far" not in body
    assert mail.outbox[0].to == [firm_a_consultant.email]


def test_another_firms_consultant_hears_nothing_of_these_clients(
    finished_run, firm_a, firm_b_consultant
):
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    assert all(firm_b_consultant.email not in m.to for m in mail.outbox)


def test_a_client_who_opted_in_gets_their_own_line(finished_run, firm_a):
    client = factories.ClientFactory(firm=firm_a, notifications_opt_in=True, email="me@example.com")
    stand(finished_run, client, 505, "invited")
    send_draw_digests(run_id=finished_run.pk)
    assert [m.to for m in mail.outbox] == [["me@example.com"]]
    assert "your CRS on that date was 505" in mail.outbox[0].body


def test_a_client_who_did_not_opt_in_gets_nothing(finished_run, firm_a):
    stand(
        finished_run, factories.ClientFactory(firm=firm_a, email="me@example.com"), 505, "invited"
    )
    send_draw_digests(run_id=finished_run.pk)
    assert mail.outbox == []


def test_digests_are_sent_once_however_often_the_task_runs(finished_run, firm_a, firm_a_consultant):
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    send_draw_digests(run_id=finished_run.pk)
    assert len(mail.outbox) == 1


def test_an_old_draw_re_evaluated_after_an_import_sends_nothing(
    finished_run, firm_a, firm_a_consultant
):
    finished_run.draw.held_on = dt.date(2016, 1, 6)
    finished_run.draw.save()
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    assert send_draw_digests(run_id=finished_run.pk) == 0


def test_the_digest_writes_the_invitations_with_a_thousands_separator(
    finished_run, firm_a, firm_a_consultant
):
    Draw.objects.filter(pk=finished_run.draw_id).update(invitations=1000)
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    assert "1,000 invitations" in mail.outbox[0].body


def test_a_consultant_who_has_not_set_a_password_yet_gets_no_digest(
    finished_run, firm_a, firm_a_consultant
):
    firm_a_consultant.set_unusable_password()  # invited, link not used yet
    firm_a_consultant.save()
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    assert mail.outbox == []


def test_a_deactivated_consultant_gets_no_digest(finished_run, firm_a, firm_a_consultant):
    firm_a_consultant.is_active = False
    firm_a_consultant.save()
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    assert mail.outbox == []
