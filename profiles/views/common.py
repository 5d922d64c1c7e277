"""Helpers shared by the views: role gates and turning service errors into form errors."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from profiles.models import Client
from profiles.roles import roles_of
from profiles.selectors import clients_visible_to

PAGE_SIZE = 25


def consultant_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in as a consultant; anyone else signed in gets a 404 (nothing here for them)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not roles_of(request.user).consultant:
            raise Http404(_("Not a consultant"))
        return view(request, *args, **kwargs)

    return wrapped


def client_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in with a client portal login."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not roles_of(request.user).client:
            raise Http404(_("Not a client"))
        return view(request, *args, **kwargs)

    return wrapped


def visible_client(request: HttpRequest, public_id) -> Client:
    """The client with this public id inside the requester's scope, else 404."""
    return get_object_or_404(clients_visible_to(user=request.user), public_id=public_id)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields, or on top when the field is not
    in the form or is hidden (an error on a hidden field is never shown, so nothing saves and
    nobody knows why: "Whose" on a fact form of a client without a partner).
    """
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            shown = field in form.fields and not form.fields[field].widget.is_hidden
            form.add_error(field if shown else None, errors)
    else:
        form.add_error(None, error)


def site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")
