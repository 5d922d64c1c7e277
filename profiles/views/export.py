"""Download of a whole file (``profiles.export``): the client's own from the portal, and a
consultant's for a file of their firm (any other is a 404). JSON to keep, or a page to read;
never stored by a cache (``eeportal.middleware``: signed-in answers are no-store)."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from profiles import selectors, services
from profiles.export import file_export
from profiles.models import Client, FileAccess

from .common import client_required, consultant_required, visible_client


def _answer(request: HttpRequest, client: Client, *, as_json: bool, own: bool) -> HttpResponse:
    data = file_export(client)
    if as_json:
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        # The file's public id, never the person's name, in the file name (it shows in logs).
        name = "my-ee-portal-file" if own else f"ee-portal-file-{client.public_id}"
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    return render(
        request, "profiles/file_export.html", {"client": client, "data": data, "own": own}
    )


@client_required
def portal_export(request: HttpRequest, as_json: bool = False) -> HttpResponse:
    client = selectors.own_client_file(user=request.user)
    return _answer(request, client, as_json=as_json, own=True)


@consultant_required
def client_export(request: HttpRequest, public_id, as_json: bool = False) -> HttpResponse:
    client = visible_client(request, public_id)
    services.record_access(by=request.user, action=FileAccess.Action.EXPORTED_FILE, client=client)
    return _answer(request, client, as_json=as_json, own=False)
