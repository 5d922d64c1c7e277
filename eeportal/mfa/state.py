"""Where a signed-in session stands with two-factor sign-in, decided once at sign-in.

The state lives in the session, so no request pays a query for it:

- ``verify``: the user has a second factor and has not given a code yet; only the code page,
  signing out and static files answer until they do.
- ``enrol``: staff or a consultant without a second factor; a banner until ``deadline``
  (the end of the grace period), then only the set-up page answers.
- ``ok``: verified, or nothing is asked of this user (a client who chose not to use it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import user_has_device

STATE_KEY, DEADLINE_KEY = "mfa_state", "mfa_deadline"
VERIFY, ENROL, OK = "verify", "enrol", "ok"


def required_for(user: User) -> bool:
    """Staff and consultants must use a second factor; clients may."""
    return user.is_staff or hasattr(user, "membership")


def deadline_for(user: User) -> datetime:
    """The end of the grace period: counted from when the rule took effect or the account was
    created, whichever is later, so nobody is locked out the day the rule ships."""
    start = max(user.date_joined, _enforced_from())
    return start + timedelta(days=settings.TWO_FACTOR_GRACE_DAYS)


def _enforced_from() -> datetime:
    day = settings.TWO_FACTOR_ENFORCED_FROM
    return timezone.make_aware(datetime(day.year, day.month, day.day))


def settle(request: HttpRequest, user: User, *, verified: bool = False) -> str:
    """Work out and store the session's state (at sign-in and after any change of device)."""
    if verified:
        state = OK
    elif user_has_device(user):
        state = VERIFY
    elif required_for(user):
        state = ENROL
    else:
        state = OK
    request.session[STATE_KEY] = state
    if state == ENROL:
        request.session[DEADLINE_KEY] = int(deadline_for(user).timestamp())
    else:
        request.session.pop(DEADLINE_KEY, None)
    return state


def on_sign_in(sender: object, request: HttpRequest, user: User, **kwargs: object) -> None:
    """``user_logged_in`` receiver."""
    if request is not None and hasattr(request, "session"):
        settle(request, user)


def enrol_deadline(request: HttpRequest) -> datetime | None:
    """When this session's user must have set up a second factor, if they have not yet."""
    session = getattr(request, "session", None)
    if session is None or session.get(STATE_KEY) != ENROL:
        return None
    return datetime.fromtimestamp(session[DEADLINE_KEY], tz=timezone.get_current_timezone())


# Paths that answer whatever the state: signing out, the pages that resolve the state, and the
# files those pages need.
def _always_open() -> tuple[str, ...]:
    return (
        reverse("logout"),
        reverse("mfa:verify"),
        reverse("mfa:setup"),
        reverse("mfa:recovery_codes"),
        reverse("reauth"),
        settings.STATIC_URL if settings.STATIC_URL.startswith("/") else f"/{settings.STATIC_URL}",
        "/healthz",
    )


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        state = request.session.get(STATE_KEY) if request.user.is_authenticated else None
        if state == VERIFY:
            blocked_to = "mfa:verify"
        elif state == ENROL and time.time() > request.session[DEADLINE_KEY]:
            blocked_to = "mfa:setup"
        else:
            return self.get_response(request)
        if request.path.startswith(_always_open()):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Two-factor sign-in is required first.")}, status=403)
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(f"{reverse(blocked_to)}?{query}" if query else reverse(blocked_to))
