"""The consultant's work on a file (issue 11): its stage, who is responsible, the archive.

Bad input a consultant can type (a date before Express Entry or in the future, a step back
without a reason, a consultant of another firm) is a ``ValidationError`` on the field, never a
500; acting without the right is a ``PermissionDenied`` (403).
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop
from simple_history.utils import bulk_update_with_history

from profiles.choices import STAGE_RANK, Stage
from profiles.dates import local_date
from profiles.models import Client, Membership, StageChange
from scoring.rules import EXPRESS_ENTRY_START

from .clients import facts_were_changed, update_client
from .stages import write_stage


def _stage_errors(client: Client, stage: str, on: date | None, reason: str) -> dict[str, str]:
    if stage not in Stage.values:
        return {"stage": gettext("Choose one of the stages.")}
    stage, current = Stage(stage), Stage(client.stage)
    errors: dict[str, str] = {}
    if on is None:
        errors["on"] = gettext("Enter the date the file reached this stage.")
    elif on < EXPRESS_ENTRY_START:
        errors["on"] = gettext("Express Entry opened on %(day)s: enter a later date.") % {
            "day": date_format(EXPRESS_ENTRY_START)
        }
    elif on > timezone.localdate():
        errors["on"] = gettext("This date is in the future.")
    if stage == current:
        errors["stage"] = gettext("The file is already at “%(stage)s”.") % {"stage": current.label}
    elif STAGE_RANK[stage] <= STAGE_RANK[current]:
        if not reason.strip():
            errors["reason"] = gettext(
                "Going back from “%(current)s” to “%(stage)s” needs a reason."
            ) % {"current": current.label, "stage": stage.label}
    elif on is not None and client.stage_on is not None and on < client.stage_on and not errors:
        errors["on"] = gettext(
            "The file reached “%(stage)s” on %(day)s; the next stage cannot come before it."
        ) % {"stage": current.label, "day": date_format(client.stage_on)}
    if stage == Stage.ITA_RECEIVED and "on" not in errors:
        submitted = client.profile_submitted_at
        if submitted is None:
            errors["stage"] = gettext(
                "An ITA needs a submitted profile: enter the profile's submission time on the "
                "file first."
            )
        elif on < local_date(submitted):
            errors["on"] = gettext("The invitation cannot come before the profile was submitted.")
    return errors


@transaction.atomic
def record_stage(
    *, client: Client, stage: str, on: date | None, by: User | None, reason: str = ""
) -> StageChange:
    """Move the file to ``stage`` as of ``on``. A step back (or from one decision to another)
    needs a ``reason``. "ITA received" also records the ITA date on the file: it sets the
    application deadline and the age the CRS counts.
    """
    errors = _stage_errors(client, stage, on, reason)
    if errors:
        raise ValidationError(errors)
    before = client.stage, client.stage_on
    change = write_stage(client, stage=Stage(stage), on=on, by=by, reason=reason.strip())
    if stage == Stage.ITA_RECEIVED and client.ita_received_on != on:
        try:
            update_client(client=client, by=by, data={"ita_received_on": on})
        except ValidationError as error:
            client.stage, client.stage_on = before  # the transaction rolls the rows back
            raise ValidationError({"on": error.messages}) from error
    return change


def _require_firm_admin(by: User, client: Client) -> None:
    seat = getattr(by, "membership", None)
    if seat is None or seat.firm_id != client.firm_id or not seat.is_firm_admin:
        raise PermissionDenied(gettext("Only the firm's administrators can reassign files."))


def assign_client(*, client: Client, consultant: User | None, by: User) -> Client:
    """Make ``consultant`` (a consultant of the file's firm) responsible for the file."""
    _require_firm_admin(by, client)
    seat = Membership.objects.filter(user=consultant, firm_id=client.firm_id).first()
    if consultant is None or seat is None or not consultant.is_active:
        raise ValidationError({"consultant": gettext("Choose a consultant of this firm.")})
    client.consultant = consultant
    client._history_user = by
    client.save(update_fields=["consultant", "updated_at"])
    return client


def hand_back_files(*, leaving: User, to: User, firm_id: int) -> int:
    """Give every file of ``leaving`` in the firm to ``to`` (a consultant removed from it),
    each change kept in the file's history; returns how many."""
    files = list(Client.objects.filter(firm_id=firm_id, consultant=leaving))
    for client in files:
        client.consultant = to
    bulk_update_with_history(files, Client, ["consultant"], default_user=to)
    return len(files)


def archive_client(*, client: Client, by: User | None) -> Client:
    """Close the file without erasing it: it leaves the lists, the dashboard, the digests and
    the re-evaluation until restored."""
    if client.archived_at is not None:
        raise ValidationError(gettext("This file is already archived."))
    client.archived_at = timezone.now()
    client._history_user = by
    client.save(update_fields=["archived_at", "updated_at"])
    return client


@transaction.atomic
def restore_client(*, client: Client, by: User | None) -> Client:
    """Bring an archived file back, re-scored: the nightly run and the draws skipped it."""
    if client.archived_at is None:
        raise ValidationError(gettext("This file is not archived."))
    client.archived_at = None
    client._history_user = by
    client.save(update_fields=["archived_at", "updated_at"])
    facts_were_changed(
        client_ids=[client.pk], by=by, reason=gettext_noop("File restored from the archive")
    )
    return client
