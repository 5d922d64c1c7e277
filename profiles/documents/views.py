"""Pages of documents and messages: the consultant's per file, the client's in the portal.

Thin: look up inside the requester's scope (a miss is a 404), validate, call a service,
redirect. A form with errors comes back on its page with a 400 and nothing stored.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from profiles import selectors as profile_selectors
from profiles.models import FileAccess
from profiles.roles import roles_of
from profiles.services.access_log import record_access
from profiles.views.common import (
    add_service_errors,
    client_required,
    consultant_required,
    visible_client,
)

from . import selectors, services
from .forms import DatesForm, ItemForm, MessageEmailsForm, MessageForm, ReviewForm, UploadForm
from .uploads import download_name


def _page(request: HttpRequest, client, *, status: int = 200, bound: dict | None = None):
    """The checklist page of ``client`` for whoever asks (consultant or the client)."""
    bound = bound or {}
    items = selectors.checklist_of(client=client)
    for item in items:
        item.upload_form = bound.get(item.pk) or UploadForm(prefix=str(item.public_id))
        item.review_form = bound.get(("review", item.pk)) or ReviewForm(prefix=f"r{item.public_id}")
    consultant = roles_of(request.user).consultant
    context = {
        "client": client,
        "items": items,
        "progress": selectors.progress_of(items, timezone.localdate()),
        "today": timezone.localdate(),
        "unread": selectors.unread_count(client=client, for_client=not consultant),
        "item_form": bound.get("item") or ItemForm(),
        "is_consultant": consultant,
    }
    template = "checklist" if consultant else "portal_documents"
    return render(request, f"profiles/documents/{template}.html", context, status=status)


def _back(request: HttpRequest, client) -> HttpResponse:
    if roles_of(request.user).consultant:
        return redirect("profiles:client_documents", public_id=client.public_id)
    return redirect("profiles:portal_documents")


@consultant_required
def client_documents(request: HttpRequest, public_id) -> HttpResponse:
    return _page(request, visible_client(request, public_id))


@client_required
def portal_documents(request: HttpRequest) -> HttpResponse:
    return _page(request, profile_selectors.own_client_file(user=request.user))


@require_POST
@consultant_required
def generate(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    added = services.generate_checklist(client=client, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s item(s) added to the checklist.",
            "%(count)s item(s) added to the checklist.",
            len(added),
        )
        % {"count": len(added)},
    )
    return _back(request, client)


@require_POST
@consultant_required
def add_item(request: HttpRequest, public_id) -> HttpResponse:
    client = visible_client(request, public_id)
    form = ItemForm(request.POST)
    if form.is_valid():
        try:
            services.add_item(client=client, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("Item added."))
            return _back(request, client)
    return _page(request, client, status=400, bound={"item": form})


@require_POST
@login_required
def upload(request: HttpRequest, item_id) -> HttpResponse:
    """The client's or a consultant's upload for an item of a file they may see."""
    item = get_object_or_404(
        selectors.items_visible_to(user=request.user).select_related("client"), public_id=item_id
    )
    form = UploadForm(request.POST, request.FILES, prefix=str(item.public_id))
    if form.is_valid():
        try:
            services.upload(item=item, files=form.cleaned_data["files"], by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("Uploaded for %(item)s.") % {"item": item.get_kind_display()}
            )
            return _back(request, item.client)
    return _page(request, item.client, status=400, bound={item.pk: form})


@require_POST
@consultant_required
def review(request: HttpRequest, item_id) -> HttpResponse:
    item = get_object_or_404(
        selectors.items_visible_to(user=request.user).select_related("client"), public_id=item_id
    )
    form = ReviewForm(request.POST, prefix=f"r{item.public_id}")
    if form.is_valid():
        decision, by = form.cleaned_data["decision"], request.user
        try:
            if decision == "accept":
                services.accept(item=item, by=by)
            elif decision == "reject":
                services.reject(item=item, by=by, reason=form.cleaned_data["reason"])
            elif decision == "not_needed":
                services.mark_not_needed(item=item, by=by)
            else:
                services.remove_item(item=item, by=by)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("%(item)s: saved.") % {"item": item.get_kind_display()}
            )
            return _back(request, item.client)
    return _page(request, item.client, status=400, bound={("review", item.pk): form})


@require_POST
@consultant_required
def item_dates(request: HttpRequest, item_id) -> HttpResponse:
    item = get_object_or_404(
        selectors.items_visible_to(user=request.user).select_related("client"), public_id=item_id
    )
    form = DatesForm(request.POST)
    if form.is_valid():
        services.update_item(item=item, by=request.user, **form.cleaned_data)
        messages.success(request, gettext("Dates saved."))
    else:
        messages.error(request, gettext("Enter dates as YYYY-MM-DD."))
    return _back(request, item.client)


@require_POST
@login_required
def remove_file(request: HttpRequest, file_id) -> HttpResponse:
    """A consultant removes any file of the firm's files; the client only their own upload
    still waiting for review (a wrong scan sent by mistake), else 403: seen, not theirs to
    change."""
    document = get_object_or_404(
        selectors.files_visible_to(user=request.user).select_related("client", "item"),
        public_id=file_id,
    )
    if not roles_of(request.user).consultant and not services.client_may_remove(
        document=document, user=request.user
    ):
        raise PermissionDenied(gettext("Only a file you uploaded, before it is reviewed."))
    services.remove_file(document=document, by=request.user)
    messages.success(request, gettext("File removed."))
    return _back(request, document.client)


@require_GET
@never_cache
@login_required
def download(request: HttpRequest, file_id) -> HttpResponse:
    """The only way to a stored document: scoped like its file, never cached by anyone."""
    scope = selectors.files_visible_to(user=request.user).select_related("client")
    document = get_object_or_404(scope, public_id=file_id)
    try:
        stream = services.documents_storage().open(document.storage_name, "rb")
    except FileNotFoundError as error:
        # The row outlived its object (restored from a backup without the storage): say it
        # is gone rather than fail with a 500.
        raise Http404(gettext("This file is no longer in the storage.")) from error
    # A consultant's download only (record_access skips the client's own).
    record_access(
        by=request.user, action=FileAccess.Action.DOWNLOADED_DOCUMENT, client=document.client
    )
    response = FileResponse(
        stream,
        content_type=document.content_type,
        # Always a download, never shown in the site's origin: a crafted PDF cannot run here.
        as_attachment=True,
        filename=download_name(document.filename),
    )
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _thread(request: HttpRequest, client, *, for_client: bool) -> HttpResponse:
    form = MessageForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.send_message(
                    client=client,
                    by=request.user,
                    body=form.cleaned_data["body"],
                    files=form.cleaned_data["files"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, gettext("Message sent."))
                if for_client:
                    return redirect("profiles:portal_messages")
                return redirect("profiles:client_messages", public_id=client.public_id)
        status = 400
    # Reading the page is what marks the other side's messages read: its unread count drops.
    services.mark_read(client=client, by_client=for_client)
    context = {
        "client": client,
        "thread": selectors.thread_of(client=client),
        "form": form,
        "for_client": for_client,
        "emails_form": MessageEmailsForm(initial={"message_emails": client.message_emails}),
    }
    return render(request, "profiles/documents/thread.html", context, status=status)


@consultant_required
def client_messages(request: HttpRequest, public_id) -> HttpResponse:
    return _thread(request, visible_client(request, public_id), for_client=False)


@client_required
def portal_messages(request: HttpRequest) -> HttpResponse:
    client = profile_selectors.own_client_file(user=request.user)
    return _thread(request, client, for_client=True)


@require_POST
@client_required
def portal_message_emails(request: HttpRequest) -> HttpResponse:
    client = profile_selectors.own_client_file(user=request.user)
    form = MessageEmailsForm(request.POST)
    form.is_valid()
    services.set_message_emails(
        client=client, by=request.user, on=form.cleaned_data.get("message_emails", False)
    )
    messages.success(request, gettext("Your e-mail choice is saved."))
    return redirect("profiles:portal_messages")
