"""Writes to a file's documents: the checklist, uploads, review, removal, erasure.

Callers pass a ``client`` already fetched through ``clients_visible_to``; each write records a
``DocumentEvent`` (the file history's who and when). Stored files are written only after every
check has passed, and removed from the storage only once the removal has committed, so a
rolled-back request leaves neither a stray object nor a row pointing at nothing.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from profiles.dates import add_months
from profiles.models import (
    Client,
    DocumentEvent,
    DocumentFile,
    DocumentItem,
    EducationCredential,
    LanguageTestResult,
    Message,
)

from .checklist import (
    ECA_VALID_MONTHS,
    LANGUAGE_VALID_MONTHS,
    Wanted,
    fact_expiry,
    wanted_for,
)
from .sending import notify_message
from .uploads import check_upload

log = logging.getLogger(__name__)
Status, Action = DocumentItem.Status, DocumentEvent.Action


def documents_storage():
    return storages["documents"]


def record(*, client: Client, action: str, what: str, by: User | None, note: str = "") -> None:
    DocumentEvent.objects.create(client=client, action=action, what=what, by=by, note=note)


@transaction.atomic
def generate_checklist(*, client: Client, by: User | None) -> list[DocumentItem]:
    """Add the items the file calls for that it does not have yet (any status: an item marked
    not needed or removed on purpose is not brought back unless it was deleted)."""
    results = list(client.language_results.all())
    credentials = list(client.credentials.all())
    have = {
        (item.kind, item.person, item.person_name, item.detail, item.phase)
        for item in client.document_items.all()
    }
    due_on = client.application_due_on
    added = []
    for wanted in wanted_for(client, results=results, credentials=credentials):
        if wanted.key in have:
            continue
        added.append(_item_from(client, wanted, due_on))
    DocumentItem.objects.bulk_create(added)
    for item in added:
        record(client=client, action=Action.ADDED, what=str(item), by=by)
    return added


def _item_from(client: Client, wanted: Wanted, due_on: date | None) -> DocumentItem:
    return DocumentItem(
        client=client,
        kind=wanted.kind,
        person=wanted.person,
        detail=wanted.detail,
        phase=wanted.phase,
        language_result=wanted.language_result,
        credential=wanted.credential,
        expires_on=fact_expiry(wanted),
        # Application documents are due with the application (60 days after the ITA).
        due_on=due_on if wanted.phase == DocumentItem.Phase.APPLICATION else None,
        generated=True,
    )


def add_item(*, client: Client, by: User, data: dict) -> DocumentItem:
    """An item the consultant adds: a child's document, a police certificate per country."""
    item = DocumentItem(client=client, **data)
    if item.person == DocumentItem.Person.CHILD and not item.person_name:
        raise ValidationError({"person_name": gettext("Give the child's first name.")})
    if item.person == DocumentItem.Person.SPOUSE and not client.has_partner:
        raise ValidationError({"person": gettext("The client has no spouse or partner on file.")})
    with transaction.atomic():
        item.save()
        record(client=client, action=Action.ADDED, what=str(item), by=by)
    return item


def update_item(*, item: DocumentItem, by: User, due_on: date | None, expires_on: date | None):
    """The item's due date and expiry; a linked fact's expiry wins (issue 13 §5)."""
    item.due_on = due_on
    item.expires_on = fact_expiry(item) or expires_on
    item.save(update_fields=["due_on", "expires_on"])


def sync_fact_expiry(*, fact: LanguageTestResult | EducationCredential) -> None:
    """Items linked to ``fact`` take its expiry again after it changed (one UPDATE), so the
    document and the fact never disagree (issue 13 §5)."""
    if isinstance(fact, LanguageTestResult):
        items = DocumentItem.objects.filter(language_result=fact)
        items.update(expires_on=add_months(fact.test_date, LANGUAGE_VALID_MONTHS))
    elif fact.eca_date:
        items = DocumentItem.objects.filter(credential=fact)
        items.update(expires_on=add_months(fact.eca_date, ECA_VALID_MONTHS))


def mark_not_needed(*, item: DocumentItem, by: User) -> None:
    _set_status(item, Status.NOT_NEEDED, by=by, action=Action.NOT_NEEDED)


def accept(*, item: DocumentItem, by: User) -> None:
    if not item.files.exists():
        raise ValidationError(gettext("Nothing has been uploaded for this item yet."))
    _set_status(item, Status.ACCEPTED, by=by, action=Action.ACCEPTED)


def reject(*, item: DocumentItem, by: User, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": gettext("Say why, so the client knows what to send instead.")}
        )
    _set_status(item, Status.REJECTED, by=by, action=Action.REJECTED, reason=reason)


@transaction.atomic
def _set_status(item, status, *, by, action, reason: str = "") -> None:
    # Conditional on the row, not a read-then-save: the client may upload while the
    # consultant reviews, and the other columns must not be overwritten with stale values.
    DocumentItem.objects.filter(pk=item.pk).update(status=status, rejection_reason=reason)
    item.status, item.rejection_reason = status, reason
    record(client=item.client, action=action, what=str(item), by=by, note=reason)


def store(*, client: Client, upload: UploadedFile, by: User, **link) -> DocumentFile:
    """Check ``upload`` and keep it under a random name; ``link``: ``item=`` or ``message=``."""
    content_type, extension = check_upload(upload)
    storage = documents_storage()
    saved = storage.save(f"{client.public_id.hex[:2]}/{uuid.uuid4().hex}.{extension}", upload)
    try:
        return DocumentFile.objects.create(
            client=client, storage_name=saved, filename=upload.name, content_type=content_type,
            size=upload.size, uploaded_by=by, **link,
        )  # fmt: skip
    except Exception:
        # The row failed, so nothing points at the object: remove it rather than leave it.
        storage.delete(saved)
        raise


@transaction.atomic
def upload(*, item: DocumentItem, files: Iterable[UploadedFile], by: User) -> list[DocumentFile]:
    """One or more files for ``item``; every file is checked before any is stored."""
    files = list(files)
    if not files:
        raise ValidationError({"files": gettext("Choose at least one file.")})
    for each in files:
        try:
            check_upload(each)
        except ValidationError as error:
            raise ValidationError(
                {
                    "files": gettext("%(name)s: %(error)s")
                    % {"name": each.name, "error": error.messages[0]}
                }
            ) from error
    stored = [store(client=item.client, upload=each, by=by, item=item) for each in files]
    DocumentItem.objects.filter(pk=item.pk).update(status=Status.UPLOADED, rejection_reason="")
    item.status = Status.UPLOADED
    for each in stored:
        record(client=item.client, action=Action.UPLOADED, what=f"{item}: {each.filename}", by=by)
    return stored


def remove_file(*, document: DocumentFile, by: User) -> None:
    """Remove an uploaded file; the item goes back to requested when it has none left."""
    item = document.item
    with transaction.atomic():
        document.delete()
        what = f"{item}: {document.filename}" if item else document.filename
        record(client=document.client, action=Action.REMOVED, what=what, by=by)
        if item is not None and not item.files.exists():
            DocumentItem.objects.filter(pk=item.pk).update(status=Status.REQUESTED)
        _delete_stored_on_commit([document.storage_name])


def client_may_remove(*, document: DocumentFile, user: User) -> bool:
    """The client's own upload, on an item not reviewed yet (never a message attachment)."""
    item = document.item
    return (
        item is not None and document.uploaded_by_id == user.pk and item.status == Status.UPLOADED
    )


def remove_item(*, item: DocumentItem, by: User) -> None:
    names = list(item.files.values_list("storage_name", flat=True))
    with transaction.atomic():
        item.delete()
        record(client=item.client, action=Action.REMOVED, what=str(item), by=by)
        _delete_stored_on_commit(names)


def erase_documents(*, client: Client) -> None:
    """Before a file is deleted: its stored documents and attachments leave the storage once
    the deletion commits (the rows go with the client by cascade)."""
    _delete_stored_on_commit(list(client.document_files.values_list("storage_name", flat=True)))


def _delete_stored_on_commit(names: list[str]) -> None:
    def delete() -> None:
        storage = documents_storage()
        for name in names:
            try:
                storage.delete(name)
            except OSError:
                # The row is gone either way; a storage that is down is logged (name only: a
                # random id, nothing personal) for an operator to clean up.
                log.exception("Could not delete stored document %s", name)

    transaction.on_commit(delete)


def send_message(*, client: Client, by: User, body: str, files: Iterable[UploadedFile] = ()):
    """A message from ``by`` (the client, or a consultant of the firm) in the file's thread."""
    from_client = client.user_id == by.pk
    body = body.strip()
    files = list(files)
    if not body and not files:
        raise ValidationError({"body": gettext("Write a message or attach a file.")})
    for each in files:
        try:
            check_upload(each)
        except ValidationError as error:
            raise ValidationError(
                {
                    "files": gettext("%(name)s: %(error)s")
                    % {"name": each.name, "error": error.messages[0]}
                }
            ) from error
    with transaction.atomic():
        message = Message.objects.create(
            client=client, author=by, from_client=from_client, body=body
        )
        for each in files:
            store(client=client, upload=each, by=by, message=message)
        side = "the client" if from_client else "the firm"
        record(client=client, action=Action.MESSAGE, what=f"Message from {side}", by=by)
        transaction.on_commit(lambda: notify_message(message.pk))
    return message


def mark_read(*, client: Client, by_client: bool) -> int:
    """The other side's messages are read now that this side opened the thread."""
    unread = client.messages.filter(from_client=not by_client, read_at=None)
    return unread.update(read_at=timezone.now())


def set_message_emails(*, client: Client, by: User, on: bool) -> None:
    """The client's choice to be e-mailed (a link only) when the firm writes."""
    client.message_emails = on
    client._history_user = by
    client.save(update_fields=["message_emails", "updated_at"])


@transaction.atomic
def expire_documents(*, today: date | None = None) -> int:
    """Documents received whose expiry has passed become "expired", so the client is asked for
    a new one (beat, nightly); each change is in its file's history. Returns how many."""
    today = today or timezone.localdate()
    received = (Status.UPLOADED, Status.ACCEPTED)
    lapsed = list(
        DocumentItem.objects.select_for_update()
        .filter(status__in=received, expires_on__lt=today)
        .only("pk", "client_id", "kind", "person", "person_name", "detail")
    )
    # Conditional on the status read: an upload in between is left as it is.
    DocumentItem.objects.filter(pk__in=[item.pk for item in lapsed], status__in=received).update(
        status=Status.EXPIRED
    )
    DocumentEvent.objects.bulk_create(
        DocumentEvent(client_id=item.client_id, action=Action.EXPIRED, what=str(item))
        for item in lapsed
    )
    return len(lapsed)
