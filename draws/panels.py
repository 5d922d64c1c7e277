"""The client's standing in each draw, as a section of the consultant's client page and the
portal (registered with ``profiles.panels`` in ``DrawsConfig.ready``).

It reads no scope of its own: both pages fetch ``client`` through
``profiles.selectors.clients_visible_to`` first, and the rows are that client's only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.loader import render_to_string

from draws import estimates, selectors
from draws.answer import client_answer
from draws.models import Family, Verdict
from profiles.candidates.assessment import Assessment
from profiles.models import Client

PER_PAGE = 10
PAGE_PARAMETER = "standings_page"
# Colour is never the only signal: the badge says the verdict in words too.
BADGES = {
    Verdict.INVITED: "text-bg-success",
    Verdict.TIE_LOST: "text-bg-warning",
    Verdict.BELOW_CUTOFF: "text-bg-danger",
    Verdict.NOT_ELIGIBLE: "text-bg-secondary",
    Verdict.CANT_TELL: "text-bg-info",
    Verdict.NOT_IN_POOL: "text-bg-light border",
}


def _is_own(request: HttpRequest, client: Client) -> bool:
    user = getattr(request, "user", None)
    return user is not None and client.user_id is not None and client.user_id == user.pk


def _best_action(assessment: Assessment):
    """The suggestion adding the most points that the client can act on alone (household
    choices, such as a partner not coming, are the consultant's to raise)."""
    return next((s for s in assessment.advice if not getattr(s, "household", False)), None)


def answer_panel(request: HttpRequest, client: Client, page: Mapping[str, Any]) -> str:
    """The answer card, first on the portal and the consultant's client page: today's score
    against the latest round of each kind open to the client (one or two queries)."""
    assessment = page.get("assessment")
    if assessment is None:
        return ""
    answer = client_answer(client=client, assessment=assessment)
    context = {
        "card": answer.card,
        "place": answer.place,
        "outlook": answer.outlook,
        "backtest": answer.backtest,
        "client": client,
        "own": _is_own(request, client),
        "next_change": assessment.events[0] if assessment.events else None,
        "best_action": _best_action(assessment),
    }
    return render_to_string("draws/includes/answer.html", context)


def standings_panel(
    request: HttpRequest, client: Client, page: Mapping[str, Any] | None = None
) -> str:
    """Ten draws a page, newest first: two queries (count, page) whatever the number of rows."""
    page = Paginator(selectors.standings_of(client=client), PER_PAGE).get_page(
        request.GET.get(PAGE_PARAMETER)
    )
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    context = {
        "page": page,
        "rows": [(s, BADGES.get(s.verdict, "text-bg-secondary")) for s in page.object_list],
        "query": query.urlencode(),
        "parameter": PAGE_PARAMETER,
        # The client's own file (the portal) says "your"; the consultant's page "the client's".
        "own": _is_own(request, client),
    }
    # No request to the template: it needs none, and with one the context processors ran again.
    return render_to_string("draws/includes/standings.html", context)


def calculator_outlook(request: HttpRequest, calculation: Any) -> str:
    """Under the public calculator's result: place in the pool and outlook for the entered
    score and the kinds of round its answers are open to (two queries)."""
    keys = " ".join(calculation.eligible_keys)
    score = calculation.breakdown.total
    names = dict(Family.choices)
    context = {
        "eligible": bool(calculation.eligible_keys),
        "kinds": [names.get(k, k) for k in ("general", *calculation.eligible_keys)],
        "place": estimates.pool_place(score) if keys else None,
        "outlook": estimates.outlook_for(
            score=score, eligible_for=keys, nominated=calculation.nominated, on=calculation.as_of
        ),
    }
    return render_to_string("draws/includes/calculator_outlook.html", context)
