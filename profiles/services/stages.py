"""A file's first stage and responsible consultant, and stages that follow from its facts.

Here, apart from ``services.files``, because creating and editing a file (``services.clients``)
need them, and ``services.files`` needs ``services.clients`` in turn (an ITA date is a fact).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from django.contrib.auth.models import User
from django.utils import timezone

# Reasons are stored in English and shown with |tr, in the reader's language.
from django.utils.translation import gettext_noop

from profiles.bulk import insert
from profiles.choices import STAGE_RANK, Stage
from profiles.models import Client, Firm, Membership, StageChange
from profiles.models.clients import local_date

from .key_dates import refresh_key_dates_of


def stage_from_facts(
    ita_received_on: date | None, profile_submitted_at: datetime | None
) -> tuple[Stage, date]:
    """The furthest stage the facts prove, and its date: an ITA date, a submitted profile."""
    if ita_received_on is not None:
        return Stage.ITA_RECEIVED, ita_received_on
    if profile_submitted_at is not None:
        return Stage.IN_POOL, local_date(profile_submitted_at)
    return Stage.LEAD, timezone.localdate()


def default_consultant(firm: Firm, by: User | None) -> User | None:
    """Who is responsible for a new file: the consultant creating it, else the firm's first
    administrator (imports by staff, demo data), else its first consultant."""
    if by is not None and Membership.objects.filter(user=by, firm=firm).exists():
        return by
    seat = (
        Membership.objects.filter(firm=firm, user__is_active=True)
        .select_related("user")
        .order_by("-is_firm_admin", "joined_at", "pk")
        .first()
    )
    return seat.user if seat else None


def open_files(clients: Sequence[Client], *, firm: Firm, by: User | None) -> None:
    """Set the consultant and first stage of new, unsaved files (one query at most)."""
    consultant = default_consultant(firm, by) if clients else None
    for client in clients:
        if client.consultant_id is None:
            client.consultant = consultant
        client.stage, client.stage_on = stage_from_facts(
            client.ita_received_on, client.profile_submitted_at
        )


def first_stage_changes(clients: Sequence[Client], *, by: User | None) -> list[StageChange]:
    """The first stage row of each saved new file, for one ``bulk_create``."""
    return [
        StageChange(client=client, stage=client.stage, on=client.stage_on, changed_by=by,
                    reason=gettext_noop("File opened"))
        for client in clients
    ]  # fmt: skip


def files_opened(
    clients: Sequence[Client], *, by: User | None, on: date, key_dates: bool = True
) -> None:
    """After a bulk insert of new files (``open_files`` first): their first stage rows and,
    unless the caller wrote them already (``key_dates=False``), their key dates, in a few
    queries for any number of files."""
    insert(StageChange, first_stage_changes(clients, by=by), history=False)
    if key_dates:
        refresh_key_dates_of(clients=[client.pk for client in clients], on=on)


def follow_facts(client: Client, *, by: User | None) -> StageChange | None:
    """After an edit: move the file forward to the stage its facts now prove (an ITA date
    entered on the form starts the application deadline), never back."""
    stage, on = stage_from_facts(client.ita_received_on, client.profile_submitted_at)
    if STAGE_RANK[stage] <= STAGE_RANK[client.stage]:
        return None
    return write_stage(
        client, stage=stage, on=on, by=by, reason=gettext_noop("Entered on the file")
    )


def write_stage(
    client: Client, *, stage: Stage, on: date, by: User | None, reason: str
) -> StageChange:
    """Store a stage that has been checked (``services.files.record_stage`` checks)."""
    # Only these columns: the rest of the row may be changing in another request.
    Client.objects.filter(pk=client.pk).update(stage=stage, stage_on=on, updated_at=timezone.now())
    change = StageChange.objects.create(
        client=client, stage=stage, previous_stage=client.stage, on=on, reason=reason,
        changed_by=by,
    )  # fmt: skip
    client.stage, client.stage_on = stage, on
    return change
