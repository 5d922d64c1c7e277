"""The consultant's client files: list, detail, create, edit, delete, invite to the portal."""

from __future__ import annotations

from itertools import chain

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from eeportal.mfa.reauth import ask_unless_fresh
from eeportal.ratelimits import over_limit
from profiles import selectors, services
from profiles.choices import Person
from profiles.filters import ClientFilter
from profiles.forms import AssignForm, ClientForm, StageForm
from profiles.intake import Intake
from profiles.models import FileAccess
from profiles.pagination import CappedPaginator

from .common import PAGE_SIZE, add_service_errors, consultant_required, site_url, visible_client

LIST_FIELDS = (
    "public_id", "first_name", "last_name", "email", "current_crs", "crs_computed_on",
    "eligible_for", "profile_submitted_at", "user", "stage", "stage_on", "ita_received_on",
    "language_expires_on", "eca_expires_on", "archived_at", "consultant",
)  # fmt: skip
CONSULTANT_FIELDS = ("consultant__first_name", "consultant__last_name", "consultant__username")


@consultant_required
def client_list(request: HttpRequest) -> HttpResponse:
    scope = selectors.clients_visible_to(user=request.user)
    filterset = ClientFilter(request.GET or None, queryset=scope, request=request)
    clients = filterset.qs  # invalid filters are left out (and shown); the valid ones apply
    rows = clients.select_related("consultant").only(*LIST_FIELDS, *CONSULTANT_FIELDS)
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    template = "profiles/includes/client_rows.html" if request.htmx else "profiles/client_list.html"
    return render(request, template, context)


@consultant_required
def client_detail(request: HttpRequest, public_id) -> HttpResponse:
    return render_detail(request, public_id)


def render_detail(
    request: HttpRequest,
    public_id,
    *,
    stage_form: StageForm | None = None,
    assign_form: AssignForm | None = None,
) -> HttpResponse:
    """The client page, with the stage or assignment form as posted when it had errors. Each
    time it is shown, the access log gets a line (also when a form comes back with errors)."""
    scope = selectors.clients_visible_to(user=request.user)
    client = get_object_or_404(scope.select_related("consultant__membership"), public_id=public_id)
    services.record_access(by=request.user, action=FileAccess.Action.VIEWED, client=client)
    facts = selectors.facts_of_client(client=client)
    stages = selectors.stage_changes(client=client)
    is_admin = request.user.membership.is_firm_admin
    context = {
        "client": client,
        "facts": facts,
        "assessment": selectors.assessment_of(
            client=client, on=timezone.localdate(), rows=chain.from_iterable(facts.values())
        ),
        "history": selectors.client_history(client=client, stages=stages),
        "score_history": selectors.score_history(client=client),
        "show_household": True,
        "stages": stages,
        "stage_form": stage_form or StageForm(client=client),
        "assign_form": (assign_form or AssignForm(client=client)) if is_admin else None,
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
            messages.success(request, _("Client file for %(client)s created.") % {"client": client})
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
            messages.success(request, _("Client file saved."))
            return redirect("profiles:client_detail", public_id=client.public_id)
    return render(request, "profiles/client_form.html", {"form": form, "client": client})


@consultant_required
def client_delete(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    if (confirm_first := ask_unless_fresh(request)) is not None:
        return confirm_first
    if request.method == "POST":
        services.delete_client(client=client, by=request.user)
        messages.success(request, _("Client file for %(client)s deleted.") % {"client": client})
        return redirect("profiles:client_list")
    return render(request, "profiles/client_confirm_delete.html", {"client": client})


TOO_MANY_INVITATIONS = gettext_lazy(
    "Too many invitations were sent in the last hour; try again later."
)


@require_POST
@consultant_required
def client_invite(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    per_file = over_limit(request, "invitation-file", lambda group, r: str(client.public_id))
    if over_limit(request, "invitation", "user") or per_file:
        messages.error(request, TOO_MANY_INVITATIONS)
        return redirect("profiles:client_detail", public_id=client.public_id)
    try:
        services.invite_client(client=client, by=request.user, site_url=site_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Invitation e-mailed to %(email)s.") % {"email": client.email})
    return redirect("profiles:client_detail", public_id=client.public_id)
