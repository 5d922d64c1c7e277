"""Public pages rendered once per data revision (issue 16: draw day's traffic).

The public draws pages, the draws API and the empty calculator are the same for every visitor
who is not signed in, until the draws change or the day does. ``public_page`` keeps each
rendering in the cache (Redis when ``REDIS_URL`` is set, so every web process shares it; local
memory otherwise) under a key that holds the data revision, and answers a repeated visit with
304 Not Modified by ETag.

The revision is bumped after any draw or draw category is saved or deleted commits (signals,
so the admin, the API, the importer and the shell all count), which makes every older entry
unreachable at once: a page is never stale after a write, and nothing has to be deleted.
``per_revision`` keeps the draw facts signed-in pages read under the same revision.
Anyone with a session cookie (signed in, or mid-form) gets the page rendered for them: signed-in
pages show their name and their firm's clients and are never shared.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

T = TypeVar("T")
REVISION_KEY = "public-pages:revision"
TIMEOUT = 24 * 3600  # entries of an old revision are never read again; this only frees memory
# Headers a cached answer keeps; the security headers are added again by middleware each time.
KEPT = ("Content-Type", "Content-Language", "Vary", "Allow")


def revision() -> str:
    """The current data revision. A lost key (eviction, a flushed Redis) becomes a new one, so
    a loss can only cost renderings, never serve a stale page."""
    value = cache.get(REVISION_KEY)
    if value is None:
        value = str(time.time_ns())
        cache.add(REVISION_KEY, value, None)
        value = cache.get(REVISION_KEY) or value
    return value


def bump() -> None:
    """A new revision, once the write that changed the data has committed."""
    transaction.on_commit(lambda: cache.set(REVISION_KEY, str(time.time_ns()), None))


def on_data_change(sender, **kwargs) -> None:
    """post_save / post_delete receiver for the models the public pages show."""
    bump()


def _shared(request: HttpRequest) -> bool:
    """Whether the answer is the same for everyone: no session, no pending one-off message, no
    API credentials."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "Authorization" not in request.headers
    )


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s answer from the cache for visitors who are not signed in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _shared(request):
            return view(request, *args, **kwargs)
        parts = (
            revision(),
            # Pages say "in the 12 months to <today>", forms start on today: a new day, new pages.
            timezone.localdate().isoformat(),
            translation.get_language(),
            request.headers.get("HX-Request", ""),
            request.headers.get("Accept", "")[:100] if request.path.startswith("/api/") else "",
            request.get_full_path(),
        )
        digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
        etag = f'"{digest}"'
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            patch_vary_headers(response, ("Cookie", "Accept-Language", "HX-Request"))
            return response
        key = f"public-page:{digest}"
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            # A page that carries a CSRF token is this visitor's own (the token pairs with their
            # cookie), as is anything that sets a cookie.
            personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies
            if response.status_code != 200 or personal or response.streaming:
                return response
            stored = (response.content, {h: response[h] for h in KEPT if h in response})
            cache.set(key, stored, TIMEOUT)
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response["ETag"] = etag
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapper


def per_revision(function: Callable[..., T]) -> Callable[..., T]:
    """``function``'s answers kept in this process until the data revision changes.

    This is for the draw facts that every signed-in page reads: the latest round of each kind,
    the latest distribution, the last year's rounds. Only a draw write changes them. On draw day
    thousands of portals would otherwise each read them again. The arguments must be hashable,
    and the answers must be left unchanged by their readers: they are shared.
    """
    kept: dict[tuple, T] = {}

    @wraps(function)
    def wrapper(*args: object, **kwargs: object) -> T:
        key = (revision(), args, tuple(sorted(kwargs.items())))
        if key not in kept:
            if len(kept) >= PER_REVISION_ENTRIES:
                kept.clear()  # older revisions' answers, and days gone by
            kept[key] = function(*args, **kwargs)
        return kept[key]

    return wrapper


PER_REVISION_ENTRIES = 64
