"""Digests and client e-mails go out in each recipient's language."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from draws.models import ReevaluationRun, Standing
from draws.reevaluation.notifications import send_draw_digests
from eeportal.languages import save_language
from tests import factories
from tests.draws.reevaluation_helpers import category

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_run(firm_a):
    draw = factories.DrawFactory(
        held_on=timezone.localdate() - dt.timedelta(days=1),
        category=category("cec"),
        cutoff=500,
        invitations=3000,
    )
    return ReevaluationRun.objects.create(
        draw=draw, revision=1, state=ReevaluationRun.State.DONE, total=1, done=1
    )


def stand(run, client, crs, verdict):
    return Standing.objects.create(
        draw=run.draw, client=client, crs=crs, eligible=True, margin=crs - run.draw.cutoff,
        verdict=verdict, revision=1, evaluated_at=timezone.now(),
    )  # fmt: skip


def test_a_consultant_who_chose_french_gets_the_digest_in_french_with_fr_links(
    finished_run, firm_a, firm_a_consultant
):
    save_language(firm_a_consultant, "fr")
    stand(finished_run, factories.ClientFactory(firm=firm_a, last_name="Tremblay"), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    (digest,) = mail.outbox
    assert digest.subject.startswith(f"Ronde {finished_run.draw.number} (")
    assert "Bonjour" in digest.body and "(Catégorie de l'expérience canadienne)" not in digest.body
    assert "Catégorie de l'expérience canadienne" in digest.body
    assert "3\N{NO-BREAK SPACE}000 invitations" in digest.body
    assert "Tremblay : SCG 510 (+10), aurait été invité" in digest.body
    assert "/fr/" in digest.body and "Hello" not in digest.body


def test_a_consultant_without_a_preference_gets_the_digest_in_english(
    finished_run, firm_a, firm_a_consultant
):
    stand(finished_run, factories.ClientFactory(firm=firm_a), 510, "invited")
    send_draw_digests(run_id=finished_run.pk)
    (digest,) = mail.outbox
    assert digest.subject.startswith(f"Round {finished_run.draw.number} (")
    assert "Hello" in digest.body and "3,000 invitations" in digest.body
    assert "/fr/" not in digest.body


def test_a_client_who_chose_french_gets_their_e_mail_in_french(finished_run, firm_a):
    client = factories.ClientFactory(firm=firm_a, with_login=True, notifications_opt_in=True)
    save_language(client.user, "fr")
    stand(finished_run, client, 505, "invited")
    send_draw_digests(run_id=finished_run.pk)
    (message,) = mail.outbox
    assert message.subject == f"Ronde {finished_run.draw.number} d'Entrée express : votre résultat"
    assert "votre note SCG à cette date était de 505 (+5 par rapport à la note minimale)" in (
        message.body
    )
    assert "courriel d'IRCC" in message.body


def test_a_client_without_a_preference_gets_their_e_mail_in_english(finished_run, firm_a):
    client = factories.ClientFactory(firm=firm_a, notifications_opt_in=True, email="c@example.com")
    stand(finished_run, client, 505, "invited")
    send_draw_digests(run_id=finished_run.pk)
    (message,) = mail.outbox
    assert message.subject == f"Express Entry round {finished_run.draw.number}: your standing"
    assert "your CRS on that date was 505 (+5 against the cut-off)" in message.body


def test_french_digests_keep_the_query_count(
    finished_run, firm_a, firm_a_consultant, django_assert_max_num_queries
):
    save_language(firm_a_consultant, "fr")
    for n in range(5):
        client = factories.ClientFactory(firm=firm_a, with_login=True, notifications_opt_in=True)
        save_language(client.user, "fr")
        stand(finished_run, client, 505 + n, "invited")
    # The run, the claim, the standings with their users' languages, the consultants: however
    # many recipients.
    with django_assert_max_num_queries(6):
        assert send_draw_digests(run_id=finished_run.pk) == 6
