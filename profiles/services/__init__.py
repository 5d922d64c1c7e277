"""Operations that change client files, firms and logins (DESIGN.md §2, §9.1)."""

from profiles.duplicates import DuplicateClient
from profiles.fields import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS

from .access_log import record_access
from .clients import (
    create_client,
    delete_client,
    set_notifications,
    update_client,
    update_contact_details,
)
from .csv_duplicates import ImportResult, SkippedRow
from .csv_import import ImportRejected, Problem, import_clients_csv
from .facts import add_fact, check_person, delete_fact, update_fact
from .files import archive_client, assign_client, record_stage, restore_client
from .invitations import invitation_link, invite_client, invite_consultant, remove_consultant
from .scores import facts_were_changed, refresh_all_scores, refresh_scores

__all__ = [
    "CLIENT_FIELDS",
    "CONTACT_FIELDS",
    "FACT_FIELDS",
    "DuplicateClient",
    "ImportRejected",
    "ImportResult",
    "Problem",
    "SkippedRow",
    "add_fact",
    "archive_client",
    "assign_client",
    "check_person",
    "create_client",
    "delete_client",
    "delete_fact",
    "facts_were_changed",
    "import_clients_csv",
    "invitation_link",
    "invite_client",
    "invite_consultant",
    "record_access",
    "record_stage",
    "refresh_all_scores",
    "refresh_scores",
    "remove_consultant",
    "restore_client",
    "set_notifications",
    "update_client",
    "update_contact_details",
    "update_fact",
]
