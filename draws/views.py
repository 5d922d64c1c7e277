"""Public draw pages: no sign-in needed (the rounds are IRCC's public data)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from draws import pool as pool_bands
from draws import selectors
from draws.filters import DrawFilter

PAGE_SIZE = 25


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
    context = {"draw": draw, "previous": previous, "next": following}
    if draw.pool:
        context["pool_rows"] = pool_bands.rows(draw.pool)
        context["pool_chart"] = [
            {"band": band, "candidates": count} for band, count in pool_bands.chart_bands(draw.pool)
        ]
    return render(request, "draws/draw_detail.html", context)
