"""The JavaScript catalogue (``/jsi18n/``, ``/fr/jsi18n/``), kept by browsers until its words
change.

Every page loads it as a blocking script before Bootstrap. Rendered afresh each time, it cost a
request's work on every page view. Its URL now carries a version: a digest of the compiled
catalogues and of Django's version (Django ships the admin's JavaScript words). A deploy with new
words therefore has a new URL. At that URL the answer may be kept for a year. Each process
renders it once per language and version.
"""

from __future__ import annotations

import hashlib
from functools import cache

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.i18n import JavaScriptCatalog

YEAR = 365 * 24 * 3600
_render = JavaScriptCatalog.as_view(domain="djangojs")
_rendered: dict[tuple[str, str], tuple[bytes, str]] = {}


@cache
def version() -> str:
    """What the catalogue's URL carries: it changes whenever the catalogue's words can."""
    digest = hashlib.sha256(django.get_version().encode())
    for folder in sorted(settings.LOCALE_PATHS):
        for compiled in sorted(folder.glob("*/LC_MESSAGES/djangojs.mo")):
            digest.update(compiled.read_bytes())
    return digest.hexdigest()[:12]


def catalogue(request: HttpRequest) -> HttpResponse:
    """The catalogue in the URL's language; kept for a year when asked for at this version."""
    current = request.GET.get("v") == version()
    if not current:
        return _render(request)  # an old or missing version: the words now, not to be kept
    key = (get_language(), version())
    if key not in _rendered:
        answer = _render(request)
        _rendered[key] = (answer.content, answer["Content-Type"])
    content, content_type = _rendered[key]
    response = HttpResponse(content, content_type=content_type)
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response
