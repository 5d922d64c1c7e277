"""Sections other apps add under the calculator's result, as ``profiles.panels`` does for the
client pages: the outlook needs the draws, and ``scoring`` must not depend on ``draws``
(DESIGN.md §1). ``draws`` registers its section from ``DrawsConfig.ready``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

# (request, calculation) -> HTML; ``calculation`` is a ``scoring.web.views.Calculation``.
Extra = Callable[[HttpRequest, Any], str]

_EXTRAS: list[Extra] = []


def register(extra: Extra) -> Extra:
    """Add ``extra`` under every calculator result (once, however often ``ready()`` runs)."""
    if extra not in _EXTRAS:
        _EXTRAS.append(extra)
    return extra


def render(request: HttpRequest, calculation: Any) -> SafeString:
    """Every registered section for ``calculation``; unmarked text is escaped."""
    return format_html_join("", "{}", ((extra(request, calculation),) for extra in _EXTRAS))
