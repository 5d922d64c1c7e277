"""The public CRS calculator page: the form in, the engine's breakdown, eligibility and advice out.

One URL serves both a plain form submission (the full page, so it works without JavaScript) and
htmx's instant recalculation (only the results partial).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from scoring.advice import Event, Suggestion, advice, upcoming_events
from scoring.breakdown import Breakdown
from scoring.eligibility import Answer, eligibility
from scoring.engine import score
from scoring.labels import EXPIRED_NAMES, PROGRAM_NAMES, SectionLines, sections
from scoring.parsing import ScoreRequest
from scoring.web.forms import CalculatorForm

MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Calculation:
    """Everything the results partial shows for one valid form."""

    as_of: date
    breakdown: Breakdown
    sections: list[SectionLines]
    expired: list[str]
    programs: list[tuple[str, Answer]]
    suggestions: list[Suggestion]
    events: list[Event]


def calculate(request: ScoreRequest) -> Calculation:
    """Score, eligibility, advice and dated events for one parsed request, ready to render."""
    as_of, candidate = request
    breakdown = score(candidate, as_of)
    answers = eligibility(candidate, as_of)
    return Calculation(
        as_of=as_of,
        breakdown=breakdown,
        sections=sections(breakdown),
        expired=[EXPIRED_NAMES.get(name, name) for name in breakdown.expired],
        programs=[(name, getattr(answers, key)) for key, name in PROGRAM_NAMES.items()],
        suggestions=advice(candidate, as_of)[:MAX_SUGGESTIONS],
        events=upcoming_events(candidate, as_of),
    )


@vary_on_headers("HX-Request")
def calculator(request: HttpRequest) -> HttpResponse:
    """Public, no sign-in: the empty form on GET, the form with results (or errors) on POST."""
    today = timezone.localdate()
    form = CalculatorForm(request.POST if request.method == "POST" else None, today=today)
    context = {"form": form, "calculation": None, "field_errors": {}}
    if form.is_bound and form.is_valid():
        context["calculation"] = calculate(form.score_request)
    elif form.is_bound:
        # For calculator.js: after an htmx swap it marks these inputs, which htmx did not redraw.
        context["field_errors"] = {
            form[name].auto_id: messages
            for name, messages in form.errors.items()
            if name != NON_FIELD_ERRORS
        }
    # Field errors are a normal answer (200), so htmx swaps them in like a result.
    if request.htmx and not request.htmx.boosted:
        return render(request, "scoring/_results.html", context)
    return render(request, "scoring/calculator.html", context)
