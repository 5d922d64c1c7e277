"""CSV import (with its template and column guide) and CSV export of the firm's clients."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from eeportal.mfa.reauth import fresh_auth_required
from profiles import selectors, services
from profiles.csv_export import export_csv
from profiles.csv_format import MAX_GROUPS, documentation, template_csv
from profiles.filters import ClientFilter
from profiles.forms import ImportForm
from profiles.models import FileAccess

from .common import consultant_required


@consultant_required
def client_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, skipped = [], []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.import_clients_csv(
                firm=selectors.firm_of(user=request.user),
                by=request.user,
                file=form.cleaned_data["file"],
                import_duplicates=form.cleaned_data["import_duplicates"],
            )
        except services.ImportRejected as rejected:
            problems = rejected.problems
            form.add_error("file", rejected.message)
        else:
            messages.success(request, _imported(result))
            if not result.skipped:
                return redirect("profiles:client_list")
            # Stay on the page: the skipped rows are listed under the form.
            skipped, form = result.skipped, ImportForm()
    context = {
        "form": form,
        "problems": problems,
        "skipped": skipped,
        "columns": documentation(),
        "max_groups": MAX_GROUPS,
    }
    return render(request, "profiles/client_import.html", context)


def _plural(count: int, noun: str, nouns: str) -> str:
    return f"{count:,} {noun if count == 1 else nouns}"


def _imported(result: services.ImportResult) -> str:
    text = f"{_plural(len(result.created), 'client file', 'client files')} imported"
    if result.skipped:
        rows = _plural(len(result.skipped), "row", "rows")
        text += f"; {rows} skipped as possible duplicates (listed below)"
    return f"{text}."


@consultant_required
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="clients-template.csv"'
    return response


@consultant_required
@fresh_auth_required
def client_export(request: HttpRequest) -> StreamingHttpResponse:
    """The list's clients (same filters as the page) as CSV, with their current CRS."""
    scope = selectors.clients_visible_to(user=request.user)
    filterset = ClientFilter(request.GET or None, queryset=scope, request=request)
    clients = filterset.qs  # invalid filters are left out (and shown); the valid ones apply
    services.record_access(by=request.user, action=FileAccess.Action.EXPORTED_LIST)
    response = StreamingHttpResponse(export_csv(clients), content_type="text/csv; charset=utf-8")
    name = f"clients-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
