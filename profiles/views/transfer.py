"""CSV import (with its template and column guide) and CSV export of the firm's clients."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from profiles import selectors, services
from profiles.csv_export import export_csv
from profiles.csv_format import MAX_GROUPS, documentation, template_csv
from profiles.filters import ClientFilter
from profiles.forms import ImportForm

from .common import consultant_required


@consultant_required
def client_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            created = services.import_clients_csv(
                firm=selectors.firm_of(user=request.user),
                by=request.user,
                file=form.cleaned_data["file"],
            )
        except services.ImportRejected as rejected:
            problems = rejected.problems
            form.add_error("file", rejected.message)
        else:
            messages.success(request, f"{len(created)} client files imported.")
            return redirect("profiles:client_list")
    context = {
        "form": form,
        "problems": problems,
        "columns": documentation(),
        "max_groups": MAX_GROUPS,
    }
    return render(request, "profiles/client_import.html", context)


@consultant_required
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="clients-template.csv"'
    return response


@consultant_required
def client_export(request: HttpRequest) -> StreamingHttpResponse:
    """The list's clients (same filters as the page) as CSV, with their current CRS."""
    scope = selectors.clients_visible_to(user=request.user)
    filterset = ClientFilter(request.GET or None, queryset=scope, request=request)
    clients = filterset.qs  # invalid filters are left out (and shown); the valid ones apply
    response = StreamingHttpResponse(export_csv(clients), content_type="text/csv; charset=utf-8")
    name = f"clients-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
