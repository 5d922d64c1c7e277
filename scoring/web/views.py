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
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.vary import vary_on_headers

from eeportal.i18n import tr
from eeportal.public_cache import public_page
from eeportal.ratelimits import over_limit
from scoring.advice import Event, Suggestion, advice, split, upcoming_events
from scoring.age_changes import AgeChange, age_changes
from scoring.breakdown import Breakdown
from scoring.categories import categories_in_force
from scoring.category_eligibility import category_eligibility
from scoring.eligibility import Answer, Eligibility, eligibility
from scoring.engine import score
from scoring.labels import EXPIRED_NAMES, PROGRAM_NAMES, SectionLines, sections
from scoring.parsing import ScoreRequest
from scoring.types import Candidate
from scoring.web import extras
from scoring.web.forms import PARTNER_NOT_GIVEN, CalculatorForm

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
    age_changes: list[AgeChange]  # undated: an age was given, not a birth date
    not_given: list[tuple[str, str, str]]  # (input id, label, how it was scored) of the partner
    # What the outlook needs: the kinds of round open to this candidate (programs, and the
    # French category: the only one judged without a job history) and a nomination.
    eligible_keys: tuple[str, ...] = ()
    nominated: bool = False

    @property
    def expired_words(self) -> str:
        """The expired results' names in the reader's language, joined: "a and b"."""
        words = [tr(name) for name in self.expired]
        joined = words[0] if words else ""
        for word in words[1:]:
            joined = gettext("%(before)s and %(after)s") % {"before": joined, "after": word}
        return joined


def _open_keys(candidate: Candidate, on: date, programs: Eligibility) -> tuple[str, ...]:
    french = any(
        category.french_only and category_eligibility(candidate, category, on).eligible
        for category in categories_in_force(on)
    )
    return programs.programs + (("french",) if french and programs.any else ())


def calculate(request: ScoreRequest, not_given: list[tuple[str, str, str]]) -> Calculation:
    """Score, eligibility, advice and coming changes for one parsed request, ready to render."""
    as_of, candidate = request
    breakdown = score(candidate, as_of)
    answers = eligibility(candidate, as_of)
    # The person at the keyboard is the applicant: what they can act on, not whether to come
    # without their partner (the consultant's page shows that, labelled).
    actionable, _ = split(advice(candidate, as_of))
    return Calculation(
        as_of=as_of,
        breakdown=breakdown,
        sections=sections(breakdown),
        expired=[EXPIRED_NAMES.get(name, name) for name in breakdown.expired],
        programs=[(name, getattr(answers, key)) for key, name in PROGRAM_NAMES.items()],
        suggestions=actionable[:MAX_SUGGESTIONS],
        events=upcoming_events(candidate, as_of),
        age_changes=age_changes(candidate, as_of),
        not_given=not_given,
        eligible_keys=_open_keys(candidate, as_of, answers),
        nominated=candidate.provincial_nomination,
    )


# No CSRF token: the calculator changes nothing and needs no sign-in, and a page without a
# per-visitor token can be served to every visitor from the cache (eeportal/public_cache.py).
@public_page
@csrf_exempt
@vary_on_headers("HX-Request")
def calculator(request: HttpRequest) -> HttpResponse:
    """Public, no sign-in: the empty form on GET, the form with results (or errors) on POST."""
    today = timezone.localdate()
    if request.method == "POST" and over_limit(request, "calculator", "ip"):
        context = {"form": CalculatorForm(request.POST, today=today), "too_many": True}
        template = "scoring/_results.html" if request.htmx else "scoring/calculator.html"
        return render(request, template, context, status=429)
    form = CalculatorForm(request.POST if request.method == "POST" else None, today=today)
    context = {"form": form, "calculation": None, "field_errors": {}}
    if form.is_bound and form.is_valid():
        # Plain text in the reader's language: the list also goes to calculator.js as JSON.
        not_given = [
            (form[name].auto_id, *(str(text) for text in PARTNER_NOT_GIVEN[name]))
            for name in form.not_given
        ]
        context["calculation"] = calculation = calculate(form.score_request, not_given)
        # Called by the template where it shows them, after the page's own templates.
        context["extras"] = lambda: extras.render(request, calculation)
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
