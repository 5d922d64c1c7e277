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

from scoring import rules
from scoring.advice import Event, Suggestion, advice, upcoming_events
from scoring.eligibility import Answer, eligibility
from scoring.engine import score
from scoring.forms import CalculatorForm
from scoring.parsing import ScoreRequest
from scoring.types import Breakdown, Line, Section

MAX_SUGGESTIONS = 8
SECTION_TITLES = {
    Section.CORE: "Core / human capital",
    Section.SPOUSE: "Spouse or common-law partner",
    Section.TRANSFERABILITY: "Skill transferability",
    Section.ADDITIONAL: "Additional points",
}
FACTOR_LABELS = {
    "age": "Age",
    "education": "Level of education",
    "first_language": "First official language",
    "second_language": "Second official language",
    "canadian_experience": "Canadian work experience",
    "spouse.education": "Partner's education",
    "spouse.language": "Partner's official language",
    "spouse.canadian_experience": "Partner's Canadian work experience",
    "education_language": "Education and language",
    "education_canadian": "Education and Canadian work",
    "education_cap": "Education combinations cap",
    "foreign_language": "Foreign work and language",
    "foreign_canadian": "Foreign and Canadian work",
    "foreign_cap": "Foreign-work combinations cap",
    "certificate": "Certificate of qualification and language",
    "transferability_cap": "Skill transferability cap",
    "provincial_nomination": "Provincial nomination",
    "job_offer": "Job offer",
    "canadian_education": "Canadian education",
    "french": "French-language skills",
    "sibling": "Sibling in Canada",
    "additional_cap": "Additional points cap",
}
EXPIRED_LABELS = {
    "first_language": "first-language",
    "second_language": "second-language",
    "spouse.language": "partner's language",
}
PROGRAMS = (
    ("fsw", "Federal Skilled Worker"),
    ("cec", "Canadian Experience Class"),
    ("fst", "Federal Skilled Trades"),
)


@dataclass(frozen=True)
class SectionRows:
    title: str
    points: int
    maximum: int
    lines: list[tuple[str, Line]]  # (factor label, line)


@dataclass(frozen=True)
class Calculation:
    """Everything the results partial shows for one valid form."""

    as_of: date
    breakdown: Breakdown
    sections: list[SectionRows]
    expired: list[str]
    programs: list[tuple[str, Answer]]
    suggestions: list[Suggestion]
    events: list[Event]


def calculate(request: ScoreRequest) -> Calculation:
    """Score, eligibility, advice and dated events for one parsed request, ready to render."""
    as_of, candidate = request
    breakdown = score(candidate, as_of)
    maxima = {
        Section.CORE: rules.CORE_MAX[breakdown.with_spouse],
        Section.SPOUSE: rules.SPOUSE_MAX,
        Section.TRANSFERABILITY: rules.TRANSFERABILITY_CAP,
        Section.ADDITIONAL: rules.ADDITIONAL_CAP,
    }
    sections = [
        SectionRows(
            title=title,
            points=getattr(breakdown, section.value),
            maximum=maxima[section],
            lines=[
                (FACTOR_LABELS.get(line.factor, line.factor), line)
                for line in breakdown.lines
                if line.section is section
            ],
        )
        for section, title in SECTION_TITLES.items()
        # A single applicant has no partner section at all, rather than one worth 0 of 40.
        if section is not Section.SPOUSE or breakdown.with_spouse
    ]
    answers = eligibility(candidate, as_of)
    return Calculation(
        as_of=as_of,
        breakdown=breakdown,
        sections=sections,
        expired=[EXPIRED_LABELS.get(name, name) for name in breakdown.expired],
        programs=[(label, getattr(answers, key)) for key, label in PROGRAMS],
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
