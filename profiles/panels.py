"""Sections other apps add to a client's page (the consultant's and the portal's).

The client page shows the client's standing in each draw, but profiles must not depend on
draws (DESIGN.md §1: ``scoring`` ← ``profiles`` ← ``draws``): its templates loading the draws
tag library made every client page fail without the draws app. So draws registers a panel
here from its ``AppConfig.ready()``, and the pages render whatever is registered, in order.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from profiles.models import Client

# (request, client) -> HTML. ``client`` was fetched through ``clients_visible_to`` by the
# page's view: a panel shows that client's rows only and needs no scoping of its own.
Panel = Callable[[HttpRequest, Client], str]

_PANELS: list[Panel] = []


def register(panel: Panel) -> Panel:
    """Add ``panel`` to every client page (once, however often ``ready()`` runs)."""
    if panel not in _PANELS:
        _PANELS.append(panel)
    return panel


def render(request: HttpRequest, client: Client) -> SafeString:
    """Every registered panel for ``client``; text that is not already safe HTML is escaped."""
    return format_html_join("", "{}", ((panel(request, client),) for panel in _PANELS))
