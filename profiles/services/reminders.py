"""The weekly reminder (issue 11): each consultant's next 14 days of deadlines and expiries.

Beat sends it on Monday mornings (``profiles.tasks.send_weekly_reminders``). Each consultant
gets only the files they are responsible for, in their own firm, never archived or decided;
nobody else's data reaches them. Items: ITA application deadlines (overdue ones too), profiles
expiring, and language results and ECAs expiring that cost points. A consultant with nothing
due gets no e-mail. Sending is claimed per seat by a conditional UPDATE, so a redelivered task
sends nothing twice on the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import EmailMessage, get_connection
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop

from eeportal.languages import language_of
from profiles.choices import DECIDED_STAGES, SEEKING_STAGES, Stage
from profiles.expiry import profile_expires_on, profile_expiring
from profiles.links import site_link
from profiles.models import Client, KeyDate, Membership
from profiles.models.clients import APPLICATION_DAYS

REMINDER_DAYS = 14


@dataclass(frozen=True)
class Reminder:
    on: date
    client: str
    what: str  # lazy: worded when the e-mail is written, in its reader's language
    link: str  # lazy, as ``what``


def _words(message: str, **params: object) -> str:
    """``message`` with ``params`` (dates in the active language's format), worded when shown."""

    def now() -> str:
        values = {k: date_format(v) if isinstance(v, date) else v for k, v in params.items()}
        return gettext(message) % values if values else gettext(message)

    return lazy(now, str)()


def _files(consultants: list[int]) -> QuerySet[Client]:
    # The consultant's own firm only, even if a file were ever assigned across firms.
    return (
        Client.objects.current()
        .filter(consultant_id__in=consultants, firm_id=F("consultant__membership__firm_id"))
        .exclude(stage__in=DECIDED_STAGES)
    )


def _name(client: Client) -> str:
    return f"{client.last_name}, {client.first_name}"


def reminders_by_consultant(consultants: list[int], today: date) -> dict[int, list[Reminder]]:
    """{consultant id: their reminders, by date} in three queries."""
    until = today + timedelta(days=REMINDER_DAYS)
    files = _files(consultants)
    found: dict[int, list[Reminder]] = {}

    def add(client: Client, on: date, what: str) -> None:
        # Lazy too: the path is reversed in the e-mail's language (/fr/… when French).
        link = lazy(site_link, str)("profiles:client_detail", client.public_id)
        found.setdefault(client.consultant_id, []).append(Reminder(on, _name(client), what, link))

    invited = files.filter(
        stage=Stage.ITA_RECEIVED, ita_received_on__lte=until - timedelta(days=APPLICATION_DAYS)
    )
    for client in invited:
        due = (
            gettext_noop("Application due (overdue): ITA of %(day)s")
            if client.application_due_on < today
            else gettext_noop("Application due: ITA of %(day)s")
        )
        add(client, client.application_due_on, _words(due, day=client.ita_received_on))
    seeking = files.filter(stage__in=SEEKING_STAGES)
    for client in seeking.filter(profile_expiring(today, until), ita_received_on=None):
        add(
            client,
            profile_expires_on(client.profile_submitted_at),
            _words(gettext_noop("Express Entry profile expires")),
        )
    rows = KeyDate.objects.filter(
        client__in=seeking, kind__in=[KeyDate.Kind.LANGUAGE, KeyDate.Kind.ECA],
        on__gte=today, on__lte=until,
    ).select_related("client")  # fmt: skip
    for row in rows:
        # The description is stored in English (``KeyDate``); the sentence around it is not.
        words = gettext_noop("%(what)s expires (%(points)s CRS points)")
        add(row.client, row.on, _words(words, what=row.description, points=row.points))
    for items in found.values():
        items.sort(key=lambda item: (item.on, item.client))
    return found


def send_weekly_reminders(*, today: date | None = None) -> int:
    """E-mail each consultant who signs in (an address, a password set) their reminders;
    returns the number of e-mails sent."""
    today = today or timezone.localdate()
    seats = [
        seat
        for seat in Membership.objects.filter(user__is_active=True).select_related(
            "user__language_preference"
        )
        if seat.user.email and seat.user.has_usable_password()
    ]
    found = reminders_by_consultant([seat.user_id for seat in seats], today)
    messages = []
    for seat in seats:
        items = found.get(seat.user_id)
        if not items:
            continue
        # Conditional UPDATE: a second delivery of the task the same day sends nothing.
        claimed = Membership.objects.filter(pk=seat.pk).exclude(reminded_on=today)
        if not claimed.update(reminded_on=today):
            continue
        # In the consultant's language: the items' words, the dates and the links (/fr/…).
        with translation.override(language_of(seat.user)):
            context = {"user": seat.user, "items": items, "days": REMINDER_DAYS,
                       "dashboard_url": site_link("profiles:dashboard")}  # fmt: skip
            messages.append(
                EmailMessage(
                    render_to_string("profiles/email/reminder_subject.txt", context).strip(),
                    render_to_string("profiles/email/reminder_body.txt", context),
                    to=[seat.user.email],
                )
            )
    get_connection().send_messages(messages)
    return len(messages)
