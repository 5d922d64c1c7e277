"""A client's new contact e-mail counts only once they open a link sent to it (issue 14,
defect 7): otherwise anyone signed in as the client could point the file's e-mails anywhere.

The address waits in ``Client.pending_email``; the link carries the file's public id and a
keyed hash of the address, never the address itself (no personal data in URLs).
"""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from eeportal.languages import language_of
from profiles.models import Client

SALT = "profiles.contact-email"
VALID_DAYS = 3


def _fingerprint(email: str) -> str:
    return salted_hmac(SALT, email.lower()).hexdigest()[:20]


def request_email_change(*, client: Client, email: str, site_url: str) -> None:
    """Keep ``email`` as pending and send the confirmation link to it."""
    client.pending_email = email
    client.save(update_fields=["pending_email", "updated_at"])
    token = signing.dumps({"c": str(client.public_id), "h": _fingerprint(email)}, salt=SALT)
    # In the client's language, with the /fr/ link when French.
    with translation.override(language_of(client.user)):
        link = site_url.rstrip("/") + reverse("profiles:portal_email_confirm", args=[token])
        context = {"client": client, "link": link, "valid_days": VALID_DAYS}
        subject = render_to_string("profiles/email/email_change_subject.txt", context).strip()
        body = render_to_string("profiles/email/email_change_body.txt", context)
    send_mail(subject, body, None, [email])


def confirm_email_change(*, client: Client, token: str) -> str:
    """Make the pending address the file's e-mail; ValidationError if the link is not for this
    file's pending address or is older than ``VALID_DAYS``. Returns the new address."""
    try:
        value = signing.loads(token, salt=SALT, max_age=VALID_DAYS * 86400)
    except signing.SignatureExpired:
        raise ValidationError(gettext("This link has expired: change the address again.")) from None
    except signing.BadSignature:
        raise ValidationError(gettext("This link is not valid.")) from None
    pending = client.pending_email
    if (
        not pending
        or value.get("c") != str(client.public_id)
        or not constant_time_compare(value.get("h", ""), _fingerprint(pending))
    ):
        raise ValidationError(gettext("This link is not valid."))
    client.email, client.pending_email = pending, ""
    client.save(update_fields=["email", "pending_email", "updated_at"])
    return pending
