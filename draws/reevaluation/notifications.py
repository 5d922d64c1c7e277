"""Digest e-mails after a run (DESIGN.md §1): sent by a Celery task, never on the request path.

Each consultant gets one e-mail per draw listing the firm's clients who would have been invited
or who missed by 10 points or fewer (archived files left out), with a link to their dashboard;
each client who opted in gets their own line. Each e-mail is written in its recipient's language
(``language_of``: a client without a sign-in has no saved choice and gets the site's default).
Only draws held recently are announced: importing the 2015 history must not send 400 e-mails.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from draws.models import ReevaluationRun, Standing, Verdict
from eeportal.languages import language_of
from profiles.links import site_link
from profiles.models import Membership

NEAR_MISS = 10


def newsworthy(run: ReevaluationRun) -> Q:
    return Q(draw_id=run.draw_id) & (
        Q(verdict=Verdict.INVITED)
        | Q(verdict__in=[Verdict.BELOW_CUTOFF, Verdict.TIE_LOST], margin__gte=-NEAR_MISS)
    )


def send_draw_digests(*, run_id: int) -> int:
    """Send the run's digests once (a redelivered task sends nothing); returns e-mails sent."""
    run = ReevaluationRun.objects.select_related("draw__category").get(pk=run_id)
    recent = timezone.localdate() - timedelta(days=settings.REEVALUATION_NOTIFY_WITHIN_DAYS)
    if run.state != ReevaluationRun.State.DONE or run.draw.held_on < recent:
        return 0
    # Claimed by a conditional UPDATE: two deliveries of this task must not both send.
    if not ReevaluationRun.objects.filter(pk=run_id, notified_at=None).update(
        notified_at=timezone.now()
    ):
        return 0
    standings = (
        Standing.objects.filter(newsworthy(run), client__archived_at=None)
        .select_related("client__firm", "client__user__language_preference")
        .order_by("client__firm_id", "-crs", "client__last_name")
    )
    messages = []
    by_firm = {
        firm_id: list(rows) for firm_id, rows in groupby(standings, lambda s: s.client.firm_id)
    }
    consultants = Membership.objects.filter(
        firm_id__in=by_firm, user__is_active=True
    ).select_related("user__language_preference", "firm")
    for membership in consultants:
        # Only consultants who can sign in: no client names go to a closed login, or to an
        # invited one whose password is not set yet (the seat is not taken up).
        if membership.user.email and membership.user.has_usable_password():
            messages.append(_consultant_digest(run, membership, by_firm[membership.firm_id]))
    for rows in by_firm.values():
        for standing in rows:
            client = standing.client
            address = (client.user.email if client.user else "") or client.email
            if client.notifications_opt_in and address:
                messages.append(_client_line(run, standing, address))
    get_connection().send_messages(messages)
    return len(messages)


def _consultant_digest(run, membership, rows) -> EmailMessage:
    # Subject, body and the dashboard link (/fr/…) all in the consultant's language.
    with translation.override(language_of(membership.user)):
        context = {"draw": run.draw, "run": run, "rows": rows, "firm": membership.firm,
                   "user": membership.user, "near_miss": NEAR_MISS,
                   "dashboard_url": site_link("profiles:dashboard")}  # fmt: skip
        return EmailMessage(
            render_to_string("draws/email/digest_subject.txt", context).strip(),
            render_to_string("draws/email/digest_body.txt", context),
            to=[membership.user.email],
        )


def _client_line(run, standing, address: str) -> EmailMessage:
    context = {"draw": run.draw, "standing": standing, "client": standing.client}
    with translation.override(language_of(standing.client.user)):
        return EmailMessage(
            render_to_string("draws/email/client_subject.txt", context).strip(),
            render_to_string("draws/email/client_body.txt", context),
            to=[address],
        )
