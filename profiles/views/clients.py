"""The consultant's client files: list, detail, create, edit, delete, invite to the portal."""

from __future__ import annotations

from itertools import chain

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from profiles import selectors, services
from profiles.choices import Person
from profiles.filters import ClientFilter
from profiles.forms import ClientForm
from profiles.intake import Intake

from .common import PAGE_SIZE, add_service_errors, consultant_required, site_url, visible_client

LIST_FIELDS = (
    "public_id", "first_name", "last_name", "email", "current_crs", "crs_computed_on",
    "eligible_for", "profile_submitted_at", "user",
)  # fmt: skip


@consultant_required
def client_list(request: HttpRequest) -> HttpResponse:
    scope = selectors.clients_visible_to(user=request.user)
    filterset = ClientFilter(request.GET or None, queryset=scope)
    clients = filterset.qs  # invalid filters are left out (and shown); the valid ones apply
    page = Paginator(clients.only(*LIST_FIELDS), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    template = "profiles/includes/client_rows.html" if request.htmx else "profiles/client_list.html"
    return render(request, template, context)


@consultant_required
def client_detail(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    facts = selectors.facts_of_client(client=client)
    context = {
        "client": client,
        "facts": facts,
        "assessment": selectors.assessment_of(
            client=client, on=timezone.localdate(), rows=chain.from_iterable(facts.values())
        ),
        "history": selectors.client_history(client=client),
        "score_history": selectors.score_history(client=client),
    }
    return render(request, "profiles/client_detail.html", context)


@consultant_required
def client_create(request: HttpRequest) -> HttpResponse:
    """The one-page intake: the client with their facts and their spouse's, saved together."""
    intake = Intake(request.POST or None)
    duplicates = []
    if request.method == "POST" and intake.is_valid():
        try:
            client = services.create_client(
                firm=selectors.firm_of(user=request.user),
                by=request.user,
                data=intake.client_data,
                facts=intake.facts(),
                allow_duplicate=intake.confirmed_duplicate,
            )
        except services.DuplicateClient as error:
            duplicates = error.matches  # shown with links, above the box that confirms
        except ValidationError as error:
            intake.add_service_errors(error)
        else:
            messages.success(request, f"Client file for {client} created.")
            return redirect("profiles:client_detail", public_id=client.public_id)
    context = {
        "form": intake.form,
        "client": None,
        "sections": intake.of(Person.PRINCIPAL),
        "spouse_sections": intake.of(Person.SPOUSE),
        "duplicates": duplicates,
    }
    return render(request, "profiles/client_form.html", context)


@consultant_required
def client_edit(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    form = ClientForm(request.POST or None, instance=client)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_client(client=client, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Client file saved.")
            return redirect("profiles:client_detail", public_id=client.public_id)
    return render(request, "profiles/client_form.html", {"form": form, "client": client})


@consultant_required
def client_delete(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    if request.method == "POST":
        services.delete_client(client=client, by=request.user)
        messages.success(request, f"Client file for {client} deleted.")
        return redirect("profiles:client_list")
    return render(request, "profiles/client_confirm_delete.html", {"client": client})


@require_POST
@consultant_required
def client_invite(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    try:
        user = services.invite_client(client=client, by=request.user, site_url=site_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Invitation e-mailed to {user.email}.")
    return redirect("profiles:client_detail", public_id=client.public_id)
