"""Rate limits for the pages that send e-mail or compute on demand (django-ratelimit), counted in
the default cache (Redis in production, so every worker shares the counts).

Rates are settings (``RATE_LIMITS``, from the environment). A limited request is never an error
page: password resets answer as if sent (no oracle on who has an account), invitations say to
try later, the calculator answers 429 with the same words.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

Key = str | Callable[[str, HttpRequest], str]


def over_limit(request: HttpRequest, name: str, key: Key) -> bool:
    """Count this request under ``name`` and ``key``; True once over ``RATE_LIMITS[name]``."""
    return is_ratelimited(
        request, group=name, key=key, rate=settings.RATE_LIMITS[name], increment=True
    )


def posted_email(group: str, request: HttpRequest) -> str:
    return request.POST.get("email", "").strip().lower()
