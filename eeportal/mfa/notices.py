"""E-mails about the account's own sign-in settings."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from eeportal.i18n import tr
from eeportal.languages import language_of


def tell_user(user: User, event: str | Promise) -> None:
    """An e-mail to the account's own address on every change of its second factor, so a
    change the user did not make is noticed. ``event`` is a lazy translation, or a marked
    English msgid (gettext_noop), said (like the whole e-mail, and the reset link's /fr/
    prefix) in the user's language."""
    if not user.email:
        return
    with translation.override(language_of(user)):
        event = str(tr(event))
        context = {
            "event": event,
            "site_url": settings.SITE_URL,
            "reset_url": f"{settings.SITE_URL}{reverse('password_reset')}",
        }
        body = render_to_string("mfa/email_changed.txt", context)
        subject = _("EE Portal: %(event)s") % {"event": event}
    send_mail(subject, body, None, [user.email])
