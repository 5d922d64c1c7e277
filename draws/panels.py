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
from django.utils.formats import date_format

from draws import estimates, selectors
from draws.answer import answer_card
from draws.models import Verdict
from profiles.candidates.assessment import Assessment
from profiles.dates import local_date
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


def _is_own(request: HttpRequest, client: Client) -> bool:
    user = getattr(request, "user", None)
    return user is not None and client.user_id is not None and client.user_id == user.pk


def _day(day) -> str:
    # The pages write every date one way (tests/profiles/test_wording_and_limits.py).
    return date_format(day, "Y-m-d")


def out_of_pool(client: Client, assessment: Assessment) -> str:
    """Why the client's profile is not in the pool today, in words ("" when it is)."""
    if client.ita_received_on is not None:
        return f"invited to apply on {_day(client.ita_received_on)}"
    if client.profile_submitted_at is None:
        return "no Express Entry profile has been submitted yet"
    expires = local_date(client.profile_expires_at)
    if expires <= assessment.on:
        return f"the profile expired on {_day(expires)} (profiles last 12 months)"
    if assessment.expired:
        return "; ".join(assessment.expired) + " expired"
    return ""


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
    card = answer_card(
        assessment=assessment,
        submitted_at=client.profile_submitted_at,
        out_of_pool=out_of_pool(client, assessment),
    )
    score = assessment.breakdown.total
    context = {
        "card": card,
        "client": client,
        "own": _is_own(request, client),
        "next_change": assessment.events[0] if assessment.events else None,
        "best_action": _best_action(assessment),
        # Today's score and eligibility, as the card's: the stored ones may be a night old.
        "place": estimates.pool_place(score) if not card.meets_no_program else None,
        "outlook": estimates.outlook_for(
            score=score,
            eligible_for=" ".join(assessment.eligible_keys),
            undecided_for=" ".join(getattr(assessment, "undecided_keys", [])),
            nominated=assessment.nominated,
            on=assessment.on,
        ),
        "backtest": estimates.backtest_of(client, on=assessment.on),
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
