"""The e-mail to the other side when a message arrives: a link, never the message's text
(an inbox is not the portal: the text and any names stay behind the sign-in)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from profiles.models import Message


def _recipients(message: Message) -> tuple[list[str], str]:
    client = message.client
    if message.from_client:
        consultant = client.consultant
        people = [consultant] if consultant else [m.user for m in client.firm.memberships.all()]
        path = reverse("profiles:client_messages", kwargs={"public_id": client.public_id})
        return [user.email for user in people if user and user.email], path
    login = client.user
    if login is None or not login.email or not client.message_emails:
        return [], ""
    return [login.email], reverse("profiles:portal_messages")


def send_message_email(*, message_id: int) -> int:
    """E-mail the other side of the thread about ``message_id``; how many were sent. Safe to
    run twice: it sends nothing once the message has been read."""
    message = Message.objects.select_related("client__consultant", "client__user").filter(
        pk=message_id, read_at=None
    )
    message = message.first()
    if message is None:
        return 0
    emails, path = _recipients(message)
    if not emails:
        return 0
    context = {"link": settings.SITE_URL.rstrip("/") + path, "to_client": not message.from_client}
    subject = render_to_string("profiles/email/message_subject.txt", context).strip()
    body = render_to_string("profiles/email/message_body.txt", context)
    return send_mail(subject, body, None, emails)
