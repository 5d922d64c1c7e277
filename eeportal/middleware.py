"""Headers and session rules for every response (issue 14, controls).

- Signed-in pages and authenticated API answers hold personal data: ``Cache-Control: no-store,
  private`` so neither a shared cache nor the browser's back button keeps a copy.
- A ``Permissions-Policy`` that turns off the browser features the site never uses.
- Staff and consultants are signed out after ``SESSION_IDLE_TIMEOUT`` seconds without a request
  (clients are not: they come back days later on a phone). Whether the rule applies is decided
  at sign-in (``eeportal.apps``) and kept in the session, so no request pays a query for it; the
  last-seen time is written at most once a minute, so no request pays a session write either.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
IDLE_KEY, SEEN_KEY = "idle_timeout", "last_seen"
SEEN_PRECISION = 60  # seconds: how stale the stored last-seen time may be


class PrivacyHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        if signed_in or "HTTP_AUTHORIZATION" in request.META:
            patch_cache_control(response, no_store=True, private=True)
        return response


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if request.user.is_authenticated and session.get(IDLE_KEY):
            now = int(time.time())
            seen = session.get(SEEN_KEY, now)
            if now - seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, _("You were signed out after a while without activity."))
                return redirect_to_login(request.get_full_path())
            if now - seen >= SEEN_PRECISION:
                session[SEEN_KEY] = now
        return self.get_response(request)


def mark_idle_rule(sender: object, request: HttpRequest, user, **kwargs: object) -> None:
    """``user_logged_in`` receiver: staff and consultants get the idle timeout."""
    if request is None or not hasattr(request, "session"):
        return
    if user.is_staff or hasattr(user, "membership"):
        request.session[IDLE_KEY] = True
        request.session[SEEN_KEY] = int(time.time())
