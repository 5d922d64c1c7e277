"""API errors as JSON, and documented: a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` answered the
API with the HTML 400 page, and the schema listed only the success responses (issue 14,
defect 8). The hook adds to every operation the errors it can answer, in DRF's shape
(``{"detail": "..."}``; field errors are ``{"field": ["message"]}``)."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request as html_bad_request

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "description": 'A message in "detail", or messages by field name.',
}
WORDS = {
    "400": "Bad input: messages by field, or in detail.",
    "401": "Not signed in (session or token).",
    "403": "Signed in, but not allowed.",
    "404": "Not found, or not yours to see.",
    "429": "Too many requests: wait and try again.",
}


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """``handler400``: JSON under /api/, the HTML page elsewhere."""
    if request.path.startswith("/api/"):
        if isinstance(exception, RequestDataTooBig):
            detail = _("The request body is too large.")
        else:
            detail = _("Bad request.")
        return JsonResponse({"detail": detail}, status=400)
    return html_bad_request(request, exception)


def add_error_responses(result: dict, generator, request, public: bool) -> dict:
    """drf-spectacular ``POSTPROCESSING_HOOKS`` entry."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            codes = ["400", "429"]
            if operation.get("security") != [{}]:  # not public
                codes += ["401", "403"]
            if "{" in path:
                codes.append("404")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, {"description": WORDS[code], "content": ref})
    return result
