"""Sections other apps add to a client's page (the consultant's and the portal's).

The client page shows the client's standing in each draw, but profiles must not depend on
draws (DESIGN.md §1: ``scoring`` ← ``profiles`` ← ``draws``): its templates loading the draws
tag library made every client page fail without the draws app. So draws registers a panel
here from its ``AppConfig.ready()``, and the pages render whatever is registered, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from profiles.models import Client

# (request, client, page) -> HTML. ``client`` was fetched through ``clients_visible_to`` by the
# page's view: a panel shows that client's rows only and needs no scoping of its own. ``page``
# is the page's template context, so a panel reuses what the view computed (the assessment)
# instead of computing it again.
Panel = Callable[[HttpRequest, Client, Mapping[str, Any]], str]

# Where a panel goes: "answer" first on the page (the client's answer card), "after" below the
# page's own sections (the standings).
SLOTS = ("answer", "after")
_PANELS: dict[str, list[Panel]] = {slot: [] for slot in SLOTS}


def register(panel: Panel, *, slot: str = "after") -> Panel:
    """Add ``panel`` to every client page in ``slot`` (once, however often ``ready()`` runs)."""
    if panel not in _PANELS[slot]:
        _PANELS[slot].append(panel)
    return panel


def render(
    request: HttpRequest,
    client: Client,
    *,
    slot: str = "after",
    page: Mapping[str, Any] | None = None,
) -> SafeString:
    """Every panel of ``slot`` for ``client``; text that is not already safe HTML is escaped."""
    page = page or {}
    return format_html_join("", "{}", ((panel(request, client, page),) for panel in _PANELS[slot]))
