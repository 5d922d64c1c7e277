"""CSV import (upload, its job's progress page, template and column guide) and CSV export
of the firm's clients."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import ngettext

from eeportal.mfa.reauth import fresh_auth_required
from profiles import selectors, services
from profiles.csv_export import export_csv
from profiles.csv_format import MAX_GROUPS, documentation, template_csv
from profiles.filters import ClientFilter
from profiles.forms import ImportForm
from profiles.models import Client, ClientImport, FileAccess
from profiles.services import import_jobs

from .common import consultant_required


@consultant_required
def client_import(request: HttpRequest) -> HttpResponse:
    """The upload form; a valid upload becomes a job that a worker imports (``import_jobs``)."""
    firm = selectors.firm_of(user=request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_jobs.start_import(
            firm=firm,
            by=request.user,
            upload=form.cleaned_data["file"],
            import_duplicates=form.cleaned_data["import_duplicates"],
        )
        return redirect("profiles:client_import_job", job_id=job.pk)
    context = {
        "form": form,
        "recent": ClientImport.objects.filter(firm=firm).defer("content")[:5],
        "columns": documentation(),
        "max_groups": MAX_GROUPS,
    }
    return render(request, "profiles/client_import.html", context)


@consultant_required
def client_import_job(request: HttpRequest, job_id) -> HttpResponse:
    """An import's progress, then its outcome; htmx asks for the status part until it ends."""
    job = get_object_or_404(
        ClientImport.objects.defer("content"),
        pk=job_id,
        firm=selectors.firm_of(user=request.user),
    )
    context = {
        "job": job,
        "rows_read": import_jobs.rows_read(job),
        "summary": _summary(job),
        "skipped": _skipped_rows(job),
    }
    if request.headers.get("HX-Request"):
        return render(request, "profiles/includes/import_status.html", context)
    return render(request, "profiles/client_import_job.html", context)


def _skipped_rows(job: ClientImport) -> list[dict]:
    """The skipped rows with the files they match, fetched in one query (erased ones drop out)."""
    ids = {match["file"] for row in job.skipped for match in row["matches"]}
    files = {
        str(client.public_id): client
        for client in Client.objects.filter(firm=job.firm, public_id__in=ids).only(
            "public_id", "first_name", "last_name"
        )
    }
    return [
        {
            **row,
            "matches": [
                {"client": files[match["file"]], "on": match["on"]}
                for match in row["matches"]
                if match["file"] in files
            ],
        }
        for row in job.skipped
    ]


def _count(count: int) -> str:
    # Grouped as the reader's language groups: "12,345" in English, "12 345" in French.
    return formats.number_format(count, force_grouping=True)


def _summary(job: ClientImport) -> str:
    if job.status == ClientImport.Status.REJECTED:
        count = len(job.problems)
        return ngettext(
            "%(count)s problem found; nothing was imported.",
            "%(count)s problems found; nothing was imported.",
            count,
        ) % {"count": _count(count)}
    if job.status != ClientImport.Status.DONE:
        return ""
    created = job.created_count
    if not job.skipped:
        return ngettext(
            "%(count)s client file imported.", "%(count)s client files imported.", created
        ) % {"count": _count(created)}
    files = ngettext(
        "%(count)s client file imported", "%(count)s client files imported", created
    ) % {"count": _count(created)}
    skipped = len(job.skipped)
    return ngettext(
        "%(files)s; %(count)s row skipped as possible duplicates (listed below).",
        "%(files)s; %(count)s rows skipped as possible duplicates (listed below).",
        skipped,
    ) % {"files": files, "count": _count(skipped)}


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
