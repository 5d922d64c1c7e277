"""The e-mail to the other side when a message arrives: a link, never the message's text
(an inbox is not the portal: the text and any names stay behind the sign-in)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from eeportal.languages import language_of
from profiles.models import Message


def _recipients(message: Message) -> list[User]:
    client = message.client
    if message.from_client:
        consultant = client.consultant
        if consultant:
            people = [consultant]
        else:
            seats = client.firm.memberships.select_related("user__language_preference")
            people = [seat.user for seat in seats]
        return [user for user in people if user and user.email]
    login = client.user
    if login is None or not login.email or not client.message_emails:
        return []
    return [login]


def _link(message: Message) -> str:
    """The thread's page, in the active language (/fr/… when French)."""
    client = message.client
    if message.from_client:
        path = reverse("profiles:client_messages", kwargs={"public_id": client.public_id})
    else:
        path = reverse("profiles:portal_messages")
    return settings.SITE_URL.rstrip("/") + path


def send_message_email(*, message_id: int) -> int:
    """E-mail the other side of the thread about ``message_id``; how many were sent. Safe to
    run twice: it sends nothing once the message has been read."""
    message = Message.objects.select_related(
        "client__consultant__language_preference", "client__user__language_preference"
    ).filter(pk=message_id, read_at=None)
    message = message.first()
    if message is None:
        return 0
    people = _recipients(message)
    # One e-mail per language, each in its readers' language (a firm may have both).
    by_language: dict[str, list[str]] = {}
    for user in people:
        by_language.setdefault(language_of(user), []).append(user.email)
    sent = 0
    for language, emails in by_language.items():
        with translation.override(language):
            context = {"link": _link(message), "to_client": not message.from_client}
            subject = render_to_string("profiles/email/message_subject.txt", context).strip()
            body = render_to_string("profiles/email/message_body.txt", context)
        sent += send_mail(subject, body, None, emails)
    return sent
