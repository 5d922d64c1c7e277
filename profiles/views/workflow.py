"""A file's stage, responsible consultant and archive, from the client page (all POST)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from profiles import services
from profiles.choices import Stage
from profiles.forms import AssignForm, StageForm

from .clients import render_detail
from .common import add_service_errors, consultant_required, visible_client


@require_POST
@consultant_required
def record_stage(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    form = StageForm(request.POST, client=client)
    if form.is_valid():
        try:
            services.record_stage(client=client, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            stage = Stage(form.cleaned_data["stage"]).label
            messages.success(request, _("Stage recorded: %(stage)s.") % {"stage": stage})
            return redirect(client)
    return render_detail(request, public_id, stage_form=form)


@require_POST
@consultant_required
def assign(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    if not request.user.membership.is_firm_admin:
        # A colleague may see who is responsible but not change it: 403 (DESIGN.md §9.3).
        raise PermissionDenied(_("Only the firm's administrators can reassign files."))
    form = AssignForm(request.POST, client=client)
    if form.is_valid():
        seat = form.cleaned_data["consultant"]
        try:
            services.assign_client(client=client, consultant=seat.user, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            name = seat.user.get_full_name() or seat.user.get_username()
            messages.success(
                request, _("%(name)s is now responsible for this file.") % {"name": name}
            )
            return redirect(client)
    return render_detail(request, public_id, assign_form=form)


@require_POST
@consultant_required
def archive(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    try:
        services.archive_client(client=client, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The file of %(client)s is archived; restore it from its page.") % {"client": client},
        )
    return redirect(client)


@require_POST
@consultant_required
def restore(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    try:
        services.restore_client(client=client, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The file of %(client)s is restored.") % {"client": client})
    return redirect(client)
