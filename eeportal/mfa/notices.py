"""E-mails about the account's own sign-in settings."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.template.loader import render_to_string


def tell_user(user: User, event: str) -> None:
    """An e-mail to the account's own address on every change of its second factor, so a
    change the user did not make is noticed."""
    if not user.email:
        return
    context = {"event": event, "site_url": settings.SITE_URL}
    body = render_to_string("mfa/email_changed.txt", context)
    send_mail(f"EE Portal: {event}", body, None, [user.email])
