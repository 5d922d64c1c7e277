"""Operations that change client files, firms and logins (DESIGN.md §2, §9.1)."""

from .clients import (
    CLIENT_FIELDS,
    CONTACT_FIELDS,
    FACT_FIELDS,
    add_fact,
    check_person,
    create_client,
    delete_client,
    delete_fact,
    facts_were_changed,
    refresh_all_scores,
    refresh_scores,
    set_notifications,
    update_client,
    update_contact_details,
    update_fact,
)
from .csv_import import ImportRejected, Problem, import_clients_csv
from .files import archive_client, assign_client, record_stage, restore_client
from .invitations import invitation_link, invite_client, invite_consultant, remove_consultant

__all__ = [
    "CLIENT_FIELDS",
    "CONTACT_FIELDS",
    "FACT_FIELDS",
    "ImportRejected",
    "Problem",
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
