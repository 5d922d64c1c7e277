"""The client's standing in each draw, as a section of the consultant's client page and the
portal (registered with ``profiles.panels`` in ``DrawsConfig.ready``).

It reads no scope of its own: both pages fetch ``client`` through
``profiles.selectors.clients_visible_to`` first, and the rows are that client's only.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.loader import render_to_string

from draws import selectors
from draws.models import Verdict
from profiles.models import Client

PER_PAGE = 10
PAGE_PARAMETER = "standings_page"
# Colour is never the only signal: the badge says the verdict in words too.
BADGES = {
    Verdict.INVITED: "text-bg-success",
    Verdict.TIE_LOST: "text-bg-warning",
    Verdict.BELOW_CUTOFF: "text-bg-danger",
    Verdict.NOT_ELIGIBLE: "text-bg-secondary",
    Verdict.NOT_IN_POOL: "text-bg-light border",
}


def standings_panel(request: HttpRequest, client: Client) -> str:
    """Ten draws a page, newest first: two queries (count, page) whatever the number of rows."""
    page = Paginator(selectors.standings_of(client=client), PER_PAGE).get_page(
        request.GET.get(PAGE_PARAMETER)
    )
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    user = getattr(request, "user", None)
    context = {
        "page": page,
        "rows": [(s, BADGES.get(s.verdict, "text-bg-secondary")) for s in page.object_list],
        "query": query.urlencode(),
        "parameter": PAGE_PARAMETER,
        # The client's own file (the portal) says "your"; the consultant's page "the client's".
        "own": user is not None and client.user_id is not None and client.user_id == user.pk,
    }
    # No request to the template: it needs none, and with one the context processors ran again.
    return render_to_string("draws/includes/standings.html", context)
