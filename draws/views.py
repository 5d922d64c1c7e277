"""Draw pages. The draw list and detail are public (IRCC's data); the runs page is staff only."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from draws import pool as pool_bands
from draws import selectors
from draws.estimates import latest_pool_draw
from draws.estimates.examples import examples
from draws.filters import DrawFilter, RunFilter
from draws.models import ReevaluationRun
from draws.reevaluation import notices

PAGE_SIZE = 25
FIRM_CLIENTS_PER_VERDICT = 10  # on a round's page; the client list has them all


def draw_list(request: HttpRequest) -> HttpResponse:
    filterset = DrawFilter(request.GET, queryset=selectors.draws_for_list())
    draws = filterset.qs
    page = Paginator(draws, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "draws/draw_list.html",
        {
            "filterset": filterset,
            "page": page,
            "charts": selectors.chart_data(draws),
            "query": query.urlencode(),
        },
    )


def draw_detail(request: HttpRequest, number: str) -> HttpResponse:
    draw = get_object_or_404(selectors.draws_for_list(), number=number)
    previous, following = selectors.neighbours(draw)
    context = {
        "draw": draw,
        "previous": previous,
        "next": following,
        # The page is public; the firm's clients are shown to its consultants only.
        "firm_groups": selectors.firm_clients_in(
            draw=draw, user=request.user, per_verdict=FIRM_CLIENTS_PER_VERDICT
        ),
        "per_verdict": FIRM_CLIENTS_PER_VERDICT,
    }
    if draw.pool:
        context["pool_rows"] = pool_bands.rows(draw.pool)
        context["pool_chart"] = [
            {"band": band, "candidates": count} for band, count in pool_bands.chart_bands(draw.pool)
        ]
    return render(request, "draws/draw_detail.html", context)


def methods(request: HttpRequest) -> HttpResponse:
    """How every estimate is made, public: worked on round 434 by the estimates' own code."""
    return render(
        request, "draws/methods.html", {"examples": examples(), "latest": latest_pool_draw()}
    )


def staff_required(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable]:
    """Signed in as staff with ``permission`` (the admin's model permissions): anyone else
    signed in gets a 404 (nothing here for them), staff without the permission a 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_staff:
                raise Http404("Not staff")
            if not request.user.has_perm(permission):
                raise PermissionDenied(permission)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def run_table(runs_qs: QuerySet[ReevaluationRun], params: QueryDict, *, filtered: bool) -> dict:
    """Context of ``draws/includes/run_rows.html``: a page of runs, and the URL it polls while
    one of them is active. Shared with the admin's draw page."""
    page = Paginator(runs_qs, PAGE_SIZE).get_page(params.get("page"))
    page.object_list = list(page.object_list)  # read once: the "active" test and the rows
    query = params.copy()
    query.pop("page", None)
    return {
        "page": page,
        "active": any(run.is_active for run in page.object_list),
        "poll_url": f"{reverse('draws:run_list')}?{params.urlencode()}",
        "query": query.urlencode(),
        "filtered": filtered,
    }


@staff_required("draws.view_reevaluationrun")
def run_list(request: HttpRequest) -> HttpResponse:
    filterset = RunFilter(request.GET or None, queryset=selectors.runs_for_list())
    filtered = any(value for name, value in request.GET.items() if name != "page")
    context = {"filterset": filterset, **run_table(filterset.qs, request.GET, filtered=filtered)}
    if request.htmx:  # the 2-second poll: the table only
        return render(request, "draws/includes/run_rows.html", context)
    return render(request, "draws/run_list.html", context)


@staff_required("draws.change_reevaluationrun")
@require_POST
def run_resume(request: HttpRequest) -> HttpResponse:
    messages.success(request, str(notices.resume()))
    return redirect("draws:run_list")
