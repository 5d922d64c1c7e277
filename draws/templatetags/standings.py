"""``{% standings_for client %}``: the client's standing in each draw, for the consultant's
client page and the client portal (both include ``profiles/includes/standing.html``).

The tag reads no scope of its own: both pages fetch ``client`` through
``profiles.selectors.clients_visible_to`` first, and the rows are that client's only.
"""

from django import template
from django.core.paginator import Paginator

from draws import selectors
from draws.models import Verdict
from profiles.models import Client

register = template.Library()

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


@register.inclusion_tag("draws/includes/standings.html", takes_context=True)
def standings_for(context: template.Context, client: Client) -> dict:
    """Ten draws a page, newest first: two queries (count, page) whatever the number of rows."""
    request = context.get("request")
    number = request.GET.get(PAGE_PARAMETER) if request is not None else None
    page = Paginator(selectors.standings_of(client=client), PER_PAGE).get_page(number)
    query = request.GET.copy() if request is not None else None
    if query is not None:
        query.pop(PAGE_PARAMETER, None)
    return {
        "page": page,
        "rows": [(s, BADGES.get(s.verdict, "text-bg-secondary")) for s in page.object_list],
        "query": query.urlencode() if query else "",
        "parameter": PAGE_PARAMETER,
        "own": context.get("own_file", False),
    }
