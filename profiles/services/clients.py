"""Writes to client files: the one entry point for forms, the API, imports and commands.

Every change records who made it, is validated once (``writing``), and ends with
``facts_were_changed`` (``scores``): the client is re-scored now and the re-evaluation told
once the transaction commits. The fact rows have their own services (``facts``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

# Score-history reasons are stored in English and shown with |tr (gettext_noop).
from django.utils.translation import gettext, gettext_noop

from profiles.documents import services as documents
from profiles.duplicates import refuse_duplicates
from profiles.fields import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS
from profiles.models import Client, Erasure, Firm, StageChange

from .contact_email import request_email_change
from .facts import FactRows, replace_facts
from .scores import facts_were_changed
from .stages import first_stage_changes, follow_facts, open_files
from .writing import assign, save, validate


@transaction.atomic
def create_client(
    *,
    firm: Firm,
    by: User | None,
    data: Mapping[str, Any],
    facts: FactRows | None = None,
    allow_duplicate: bool = False,
) -> Client:
    """A new client file for ``firm`` from ``data`` (fields of ``CLIENT_FIELDS``) and, if
    given, its fact rows by model (``{LanguageTestResult: [{...}, ...]}``).

    Raises ``DuplicateClient`` when the firm has a file with the same e-mail, or the same name
    and birth date, unless ``allow_duplicate`` (the consultant confirmed it is another person).
    """
    client = Client(firm=firm)
    assign(client, data, CLIENT_FIELDS)
    validate(client, exclude=["firm", "user"])
    if not allow_duplicate:
        refuse_duplicates(client)
    open_files([client], firm=firm, by=by)
    save(client, by)
    StageChange.objects.bulk_create(first_stage_changes([client], by=by))
    replace_facts(client, facts or {}, by)
    facts_were_changed(client_ids=[client.pk], by=by, reason=gettext_noop("Client file created"))
    client.refresh_from_db(
        fields=["current_crs", "eligible_for", "undecided_for", "crs_computed_on"]
    )
    return client


@transaction.atomic
def update_client(
    *, client: Client, by: User | None, data: Mapping[str, Any], facts: FactRows | None = None
) -> Client:
    """Change the client's own fields and, if given, replace all rows of the given fact kinds
    (the API's PUT/PATCH with a list); single rows have ``add_fact``/``update_fact``.
    """
    assign(client, data, CLIENT_FIELDS)
    validate(client, exclude=["firm", "user"])
    # Only the fields given: a whole-row save would write back the instance's copy of
    # current_crs, which the nightly run may have changed since, and the score history would
    # then start from that stale score.
    save(client, by, update_fields=[*data, "updated_at"])
    follow_facts(client, by=by)
    replace_facts(client, facts or {}, by)
    facts_were_changed(client_ids=[client.pk], by=by, reason=gettext_noop("Client file edited"))
    client.refresh_from_db(
        fields=["current_crs", "eligible_for", "undecided_for", "crs_computed_on"]
    )
    return client


@transaction.atomic
def delete_client(
    *, client: Client, by: User | None, reason: Erasure.Reason = Erasure.Reason.REQUESTED
) -> None:
    """Erase a client file: its facts, history rows, standings, documents and portal login go;
    an ``Erasure`` line keeps who erased which file when, and why (PIPEDA, Québec's Law 25).
    ``by`` is None for the retention purge (``retention``): nobody erased it, the rule did."""
    pk, firm_id, public_id, login = client.pk, client.firm_id, client.public_id, client.user
    # The stored documents leave the storage with the file (DESIGN.md §10), once it commits.
    documents.erase_documents(client=client)
    for model in FACT_FIELDS:
        model.objects.filter(client_id=pk).delete()
        model.history.model.objects.filter(client_id=pk).delete()
    client.delete()  # standings, score and stage changes, documents: by cascade
    Client.history.model.objects.filter(id=pk).delete()
    Erasure.objects.create(firm_id=firm_id, file_id=public_id, erased_by=by, reason=reason)
    if login is not None and not login.is_staff and not hasattr(login, "membership"):
        login.delete()


@transaction.atomic
def update_contact_details(
    *, client: Client, by: User, data: Mapping[str, Any], site_url: str | None = None
) -> str:
    """The client's own change of contact details in the portal, if their consultant allows it.
    A new e-mail waits for confirmation (``contact_email``); returns it, or "" if none."""
    if not client.contact_updates_allowed:
        raise PermissionDenied(gettext("Your consultant has not enabled contact-detail updates."))
    data = dict(data)
    email = data.pop("email", None)
    if email is not None and email.lower() == client.email.lower():
        email = None
    if email is not None and not email:
        data["email"] = ""  # removing the address needs no confirmation
        email = None
    if data:
        assign(client, data, CONTACT_FIELDS)
        validate(client, exclude=["firm", "user"])
        save(client, by, update_fields=[*data, "updated_at"])
    if email:
        site = site_url or settings.SITE_URL
        request_email_change(client=client, email=email, site_url=site)
    return email or ""


def set_notifications(*, client: Client, by: User, opt_in: bool) -> Client:
    """The client's choice to be e-mailed when their standing changes (issue 7 sends them)."""
    client.notifications_opt_in = opt_in
    save(client, by, update_fields=["notifications_opt_in", "updated_at"])
    return client
