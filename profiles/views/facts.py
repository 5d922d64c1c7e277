"""Add, edit and delete one fact row (credential, language result, work period) of a file."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from profiles import services
from profiles.forms import FACT_DELETED, FACT_FORMS, FACT_SAVED, FACT_TITLES
from profiles.selectors import FACT_MODELS

from .common import add_service_errors, consultant_required, visible_client


def _kind(kind: str):
    if kind not in FACT_MODELS:
        raise Http404(_("No such kind of fact"))
    return FACT_MODELS[kind], FACT_FORMS[kind]


def _back(client):
    return redirect(f"{client.get_absolute_url()}#facts")


@consultant_required
def fact_form(request: HttpRequest, public_id, kind: str, fact_id=None) -> HttpResponse:
    """Create (no ``fact_id``) or edit one fact; the fact is looked up inside the client."""
    model, form_class = _kind(kind)
    client = visible_client(request, public_id)
    fact = None if fact_id is None else get_object_or_404(model, client=client, public_id=fact_id)
    form = form_class(request.POST or None, instance=fact, client=client)
    if request.method == "POST" and form.is_valid():
        try:
            if fact is None:
                services.add_fact(
                    client=client, model=model, by=request.user, data=form.cleaned_data
                )
            else:
                services.update_fact(fact=fact, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, FACT_SAVED[kind])
            return _back(client)
    context = {"form": form, "client": client, "fact": fact, "title": FACT_TITLES[kind]}
    return render(request, "profiles/fact_form.html", context)


@consultant_required
def fact_delete(request: HttpRequest, public_id, kind: str, fact_id) -> HttpResponse:
    model, _form = _kind(kind)
    client = visible_client(request, public_id)
    fact = get_object_or_404(model, client=client, public_id=fact_id)
    if request.method == "POST":
        services.delete_fact(fact=fact, by=request.user)
        messages.success(request, FACT_DELETED[kind])
        return _back(client)
    context = {"client": client, "fact": fact, "title": FACT_TITLES[kind]}
    return render(request, "profiles/fact_confirm_delete.html", context)
