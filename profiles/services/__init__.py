"""Operations that change client files, firms and logins (DESIGN.md §2, §9.1)."""

from profiles.fields import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS

from .clients import (
    create_client,
    delete_client,
    set_notifications,
    update_client,
    update_contact_details,
)
from .csv_import import ImportRejected, Problem, import_clients_csv
from .facts import add_fact, check_person, delete_fact, update_fact
from .invitations import invitation_link, invite_client, invite_consultant, remove_consultant
from .scores import facts_were_changed, refresh_all_scores, refresh_scores

__all__ = [
    "CLIENT_FIELDS",
    "CONTACT_FIELDS",
    "FACT_FIELDS",
    "ImportRejected",
    "Problem",
    "add_fact",
    "check_person",
    "create_client",
    "delete_client",
    "delete_fact",
    "facts_were_changed",
    "import_clients_csv",
    "invitation_link",
    "invite_client",
    "invite_consultant",
    "refresh_all_scores",
    "refresh_scores",
    "remove_consultant",
    "set_notifications",
    "update_client",
    "update_contact_details",
    "update_fact",
]
