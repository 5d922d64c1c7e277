"""Invitations by e-mail (clients to the portal, consultants to a firm) and removing consultants.

An invitation creates the login with no usable password and e-mails a link to set one, made
with Django's password-reset token: it expires after ``PASSWORD_RESET_TIMEOUT`` and stops
working once a password is set, because the token hashes the password.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from eeportal.languages import language_of, save_language
from profiles.models import Client, Firm, Membership

from .files import hand_back_files


def invitation_link(user: User, *, site_url: str) -> str:
    """The set-password link for ``user``; ``site_url`` is e.g. ``https://portal.example.com``."""
    path = reverse(
        "profiles:welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return site_url.rstrip("/") + path


def _send(user: User, *, firm: Firm, as_consultant: bool, site_url: str) -> None:
    # In the invitee's language, the link too (/fr/… when French): reverse() follows it.
    with translation.override(language_of(user)):
        context = {
            "user": user,
            "firm": firm,
            "as_consultant": as_consultant,
            "link": invitation_link(user, site_url=site_url),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = render_to_string("profiles/email/invitation_subject.txt", context).strip()
        body = render_to_string("profiles/email/invitation_body.txt", context)
    send_mail(subject, body, None, [user.email])


class AddressElsewhere(Exception):
    """The address belongs to an account this firm does not know: the caller answers as if the
    invitation went out, so a firm learns nothing about who else uses the platform."""


def _known_to_firm(user: User, firm: Firm) -> bool:
    return (
        Membership.objects.filter(user=user, firm=firm).exists()
        or Client.objects.filter(user=user, firm=firm).exists()
    )


def _tell_the_owner(user: User, firm: Firm) -> None:
    """The address's owner hears of the attempt, and what to do; the firm hears nothing."""
    context = {"firm": firm}
    with translation.override(language_of(user)):
        subject = render_to_string("profiles/email/address_taken_subject.txt", context).strip()
        body = render_to_string("profiles/email/address_taken_body.txt", context)
    send_mail(subject, body, None, [user.email or user.username])


def _new_login(email: str, *, first_name: str, last_name: str, firm: Firm) -> User:
    email = User.objects.normalize_email(email).lower()
    longest = User._meta.get_field("username").max_length
    if len(email) > longest:
        # The address becomes the username; PostgreSQL refuses a longer one (a 500).
        raise ValidationError(
            {
                "email": gettext(
                    "This e-mail address is %(length)s characters long; a login needs "
                    "one of at most %(longest)s characters (it is the username)."
                )
                % {"length": len(email), "longest": longest}
            }
        )
    existing = User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).first()
    if existing is not None and _known_to_firm(existing, firm):
        raise ValidationError(
            {"email": gettext("Another account of your firm uses this e-mail address.")}
        )
    if existing is not None:
        _tell_the_owner(existing, firm)
        raise AddressElsewhere(email)
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    # A new login has no saved language yet: the invitation goes out in the language of the
    # page the consultant invited from, and that stays the invitee's choice until they change it.
    save_language(user, translation.get_language() or settings.LANGUAGE_CODE)
    return user


@transaction.atomic
def invite_client(*, client: Client, by: User, site_url: str) -> User | None:
    """Give the client a portal login (or resend the link if they never set a password).
    None when the address belongs to an account elsewhere (``AddressElsewhere``)."""
    if not client.email:
        raise ValidationError({"email": gettext("Add the client's e-mail address first.")})
    user = client.user
    if user is not None and user.has_usable_password():
        raise ValidationError(gettext("This client already has a portal login."))
    if user is None:
        try:
            user = _new_login(
                client.email,
                first_name=client.first_name,
                last_name=client.last_name,
                firm=client.firm,
            )
        except AddressElsewhere:
            return None
        client.user = user
        client._history_user = by
        client.save(update_fields=["user", "updated_at"])
    _send(user, firm=client.firm, as_consultant=False, site_url=site_url)
    return user


def _require_firm_admin(by: User, firm: Firm) -> None:
    membership = getattr(by, "membership", None)
    if membership is None or membership.firm_id != firm.pk or not membership.is_firm_admin:
        raise PermissionDenied(
            gettext("Only the firm's administrators can manage its consultants.")
        )


@transaction.atomic
def invite_consultant(
    *, firm: Firm, by: User, email: str, first_name: str, last_name: str, site_url: str
) -> Membership | None:
    """Create a consultant login with a seat in ``firm`` and e-mail the set-password link.
    None when the address belongs to an account elsewhere (``AddressElsewhere``)."""
    _require_firm_admin(by, firm)
    try:
        user = _new_login(email, first_name=first_name, last_name=last_name, firm=firm)
    except AddressElsewhere:
        return None
    membership = Membership.objects.create(user=user, firm=firm)
    _send(user, firm=firm, as_consultant=True, site_url=site_url)
    return membership


@transaction.atomic
def remove_consultant(*, membership: Membership, by: User) -> None:
    """Take a consultant's seat away and close their login; their past changes stay attributed
    and their files go to the administrator removing them."""
    _require_firm_admin(by, membership.firm)
    if membership.user_id == by.pk:
        raise ValidationError(gettext("You cannot remove yourself; ask another administrator."))
    user = membership.user
    hand_back_files(leaving=user, to=by, firm_id=membership.firm_id)
    membership.delete()
    user.is_active = False
    user.save(update_fields=["is_active"])
