"""A fresh password (or a code from the second factor) before the actions that cannot be
undone or that take everything at once: exporting all clients, erasing a file, changing
two-factor sign-in. "Fresh" is ``REAUTH_MAX_AGE`` seconds since the last proof."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

PROVED_KEY = "auth_proved_at"


def mark_proved(request: HttpRequest) -> None:
    request.session[PROVED_KEY] = int(time.time())


def on_sign_in(sender: object, request: HttpRequest, user, **kwargs: object) -> None:
    """``user_logged_in`` receiver: signing in is itself a fresh password."""
    if request is not None and hasattr(request, "session"):
        mark_proved(request)


def is_fresh(request: HttpRequest) -> bool:
    proved = request.session.get(PROVED_KEY)
    return proved is not None and time.time() - proved <= settings.REAUTH_MAX_AGE


def ask_unless_fresh(request: HttpRequest) -> HttpResponse | None:
    """The redirect to the confirmation page, or None when the proof is fresh. For views that
    must first check the object exists for this user (a 404 is the same with or without it)."""
    if is_fresh(request):
        return None
    back = request.get_full_path() if request.method == "GET" else request.path
    return redirect(f"{reverse('reauth')}?{urlencode({'next': back})}")


def fresh_auth_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send the user to confirm their password first, then back here. A POST comes back as a
    GET of the same page, so the user sees what they are confirming before it happens."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return ask_unless_fresh(request) or view(request, *args, **kwargs)

    return wrapped
