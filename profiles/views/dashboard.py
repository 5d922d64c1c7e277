"""The consultant's dashboard page (the dashboard itself is ``profiles.dashboard``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from profiles.dashboard import dashboard_for

from .common import consultant_required

# ?files=mine or ?files=firm; anything else (or nothing) is the default for the user's seat.
_SCOPES = {"mine": False, "firm": True}


@consultant_required
def dashboard(request: HttpRequest) -> HttpResponse:
    board = dashboard_for(user=request.user, whole_firm=_SCOPES.get(request.GET.get("files", "")))
    return render(request, "profiles/dashboard.html", {"board": board})
