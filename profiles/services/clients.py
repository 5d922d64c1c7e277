"""Writes to client files: the one entry point for forms, the API, imports and commands.

Every change records who made it (``_history_user`` for django-simple-history, so API calls
with a token are attributed too, which the request middleware cannot do), re-scores the client
(``refresh_scores``) and, once the transaction commits, sends ``signals.facts_changed`` so the
re-evaluation can re-score the client against recent draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from profiles.assessment import summary
from profiles.candidates import ClientFacts, facts_for
from profiles.choices import Person
from profiles.fields import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS
from profiles.models import (
    Client,
    EducationCredential,
    Firm,
    LanguageTestResult,
    ScoreChange,
    StageChange,
    WorkPeriod,
)
from profiles.score_reasons import explain, profile_expiry
from profiles.signals import facts_changed

from .key_dates import refresh_key_dates
from .stages import first_stage_changes, follow_facts, open_files

Fact = EducationCredential | LanguageTestResult | WorkPeriod
REFRESH_CHUNK = 5000


def _assign(instance: Model, data: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}.")
    for name, value in data.items():
        setattr(instance, name, value)


def _validate(instance: Model, *, exclude: Iterable[str] = ()) -> None:
    # validate_unique would query once per unique field (public_id) for nothing: it is a UUID.
    instance.full_clean(exclude=list(exclude), validate_unique=False)


def _save(instance: Model, by: User | None, **kwargs: Any) -> None:
    instance._history_user = by
    instance.save(**kwargs)


def facts_were_changed(
    *, client_ids: list[int], by: User | None = None, reason: str = "Client file changed"
) -> None:
    """Re-score these clients now and, once the transaction commits, send ``facts_changed``
    (the re-evaluation's cue to re-score them against recent draws). Every write here ends
    with it; call it yourself after changing facts outside these services (the admin does).
    ``reason`` and ``by`` go into the score history when the score moves.
    """
    refresh_scores(clients=client_ids, kind=ScoreChange.Kind.FILE, reason=reason, by=by)
    transaction.on_commit(lambda: facts_changed.send(sender=Client, client_ids=client_ids))


def refresh_scores(
    *,
    clients: QuerySet[Client] | Iterable[int],
    on: date | None = None,
    kind: ScoreChange.Kind = ScoreChange.Kind.FILE,
    reason: str = "Client file changed",
    by: User | None = None,
) -> int:
    """Recompute ``current_crs``, ``eligible_for`` and ``crs_computed_on`` for ``clients``, and
    add to the score history each client whose CRS moved.

    Loads with ``facts_for`` (four queries) plus the stored values (one), then writes only what
    changed: one UPDATE for the date, one per distinct new (score, eligibility) pair and one
    INSERT of history rows. A nightly run changes few scores; ``bulk_update``'s CASE spent over
    a minute writing 100,000 unchanged rows. Never a read-modify-save, so it cannot undo a
    concurrent edit of the facts (DESIGN.md §9.7). Returns the number of clients scored.

    ``kind`` DATE (the nightly run) ignores ``reason``: each change is explained from the
    client's candidate on the day it was last scored and today (``score_reasons``), and profiles
    that expired in between are noted even though the score stays.
    """
    on = on or timezone.localdate()
    scope = (
        clients if isinstance(clients, QuerySet) else Client.objects.filter(pk__in=list(clients))
    )
    facts = facts_for(scope)
    stored = {
        pk: (crs, eligible, computed_on)
        for pk, crs, eligible, computed_on in scope.order_by().values_list(
            "pk", "current_crs", "eligible_for", "crs_computed_on"
        )
    }
    changed: dict[tuple[int, str], list[int]] = {}
    history: list[ScoreChange] = []
    for pk, client_facts in facts.items():
        crs, eligible, computed_on = stored.get(pk, (None, "", None))
        values = summary(client_facts.candidate(on), on)
        if (crs, eligible) != values:
            changed.setdefault(values, []).append(pk)
        if kind == ScoreChange.Kind.DATE:
            history += _dated_changes(client_facts, crs, values[0], since=computed_on, on=on)
        elif crs != values[0]:
            history.append(
                ScoreChange(
                    client_id=pk,
                    changed_on=on,
                    crs_before=crs,
                    crs_after=values[0],
                    kind=kind,
                    reason=reason,
                    changed_by=by,
                )
            )
    Client.objects.filter(pk__in=list(facts)).update(crs_computed_on=on)
    for (crs, eligible), pks in changed.items():
        Client.objects.filter(pk__in=pks).update(current_crs=crs, eligible_for=eligible)
    if history:
        ScoreChange.objects.bulk_create(history)
    refresh_key_dates(facts=facts, on=on)
    return len(facts)


def _dated_changes(
    facts: ClientFacts, before: int | None, after: int, *, since: date | None, on: date
) -> list[ScoreChange]:
    """The nightly run's history for one client: the move of the score explained, and an
    expired profile noted even when the score stays (the client has left the pool)."""
    since = since if since is not None and since < on else on
    expired = profile_expiry(facts, after=since, until=on)
    if before == after:
        reason, kind = expired, ScoreChange.Kind.DATE
    else:
        kind, reason = explain(facts, before=since, after=on, crs_before=before)
        if expired:
            kind, reason = ScoreChange.Kind.DATE, f"{reason}; {expired}"
    if not reason:
        return []
    return [
        ScoreChange(
            client_id=facts.client_id,
            changed_on=on,
            crs_before=before,
            crs_after=after,
            kind=kind,
            reason=reason,
        )
    ]


def refresh_all_scores(
    *,
    firm: Firm | None = None,
    on: date | None = None,
    kind: ScoreChange.Kind = ScoreChange.Kind.DATE,
) -> int:
    """``refresh_scores`` over every client (of ``firm``), in id ranges of 5,000.

    Date-driven changes (birthdays, expiring tests and profiles, experience accruing) need this
    nightly (``profiles.tasks.nightly_rescore``); the ``refresh_scores`` command runs it too.
    Archived files are left out; restoring one re-scores it.
    """
    scope = Client.objects.filter(archived_at=None)
    scope = scope if firm is None else scope.filter(firm=firm)
    ids = scope.order_by("pk").values_list("pk", flat=True)
    total, after = 0, 0
    while chunk := list(ids.filter(pk__gt=after)[:REFRESH_CHUNK]):
        with transaction.atomic():
            total += refresh_scores(
                clients=scope.filter(pk__range=(chunk[0], chunk[-1])), on=on, kind=kind
            )
        after = chunk[-1]
    return total


FactRows = Mapping[type[Model], Sequence[Mapping[str, Any]]]


def _item_errors(name: str, index: int, error: ValidationError) -> ValidationError:
    """``error`` of item ``index`` of list ``name``, keyed by path: "language_results.1.listening"
    (``non_field_errors`` for the item as a whole). The API nests the paths into the shape its
    serializers give, ``{"language_results": {"1": {"listening": [...]}}}``.
    """
    if not hasattr(error, "error_dict"):
        return ValidationError({f"{name}.{index}.non_field_errors": error.messages})
    paths = {}
    for field, messages in error.message_dict.items():
        key = "non_field_errors" if field == NON_FIELD_ERRORS else field
        paths[f"{name}.{index}.{key}"] = messages
    return ValidationError(paths)


def _replace_facts(client: Client, facts: FactRows, by: User | None) -> None:
    """Replace every row of the given kinds; errors name the list and item (API payloads)."""
    for model, rows in facts.items():
        name = model._meta.get_field("client").remote_field.related_name
        for old in model.objects.filter(client=client):
            old._history_user = by
            old.delete()
        for index, data in enumerate(rows):
            fact = model(client=client)
            try:
                _assign(fact, data, FACT_FIELDS[model])
                _validate(fact, exclude=["client"])
                check_person(client, fact.person)
            except ValidationError as error:
                raise _item_errors(name, index, error) from error
            _save(fact, by)


@transaction.atomic
def create_client(
    *, firm: Firm, by: User | None, data: Mapping[str, Any], facts: FactRows | None = None
) -> Client:
    """A new client file for ``firm`` from ``data`` (fields of ``CLIENT_FIELDS``) and, if
    given, its fact rows by model (``{LanguageTestResult: [{...}, ...]}``).
    """
    client = Client(firm=firm)
    _assign(client, data, CLIENT_FIELDS)
    _validate(client, exclude=["firm", "user"])
    open_files([client], firm=firm, by=by)
    _save(client, by)
    StageChange.objects.bulk_create(first_stage_changes([client], by=by))
    _replace_facts(client, facts or {}, by)
    facts_were_changed(client_ids=[client.pk], by=by, reason="Client file created")
    client.refresh_from_db(fields=["current_crs", "eligible_for", "crs_computed_on"])
    return client


@transaction.atomic
def update_client(
    *, client: Client, by: User | None, data: Mapping[str, Any], facts: FactRows | None = None
) -> Client:
    """Change the client's own fields and, if given, replace all rows of the given fact kinds
    (the API's PUT/PATCH with a list); single rows have ``add_fact``/``update_fact``.
    """
    _assign(client, data, CLIENT_FIELDS)
    _validate(client, exclude=["firm", "user"])
    # Only the fields given: a whole-row save would write back the instance's copy of
    # current_crs, which the nightly run may have changed since, and the score history would
    # then start from that stale score.
    _save(client, by, update_fields=[*data, "updated_at"])
    follow_facts(client, by=by)
    _replace_facts(client, facts or {}, by)
    facts_were_changed(client_ids=[client.pk], by=by, reason="Client file edited")
    client.refresh_from_db(fields=["current_crs", "eligible_for", "crs_computed_on"])
    return client


@transaction.atomic
def delete_client(*, client: Client, by: User | None) -> None:
    """Delete a client file, its facts and its portal login; the history keeps who did it."""
    for model in FACT_FIELDS:
        for fact in model.objects.filter(client=client):
            fact._history_user = by
            fact.delete()
    login = client.user
    client._history_user = by
    client.delete()
    if login is not None and not login.is_staff and not hasattr(login, "membership"):
        login.delete()


def _kind_of(fact: Fact) -> str:
    """The kind of fact in words ("Language test result", …), for the score history."""
    return str(fact._meta.verbose_name).capitalize()


def check_person(client: Client, person: str) -> None:
    """Spouse facts only in the file of a client with a spouse or partner (ValidationError)."""
    if person == Person.SPOUSE and not client.has_partner:
        raise ValidationError(
            {"person": "Set the marital status to married or common-law to add spouse facts."}
        )


@transaction.atomic
def add_fact(
    *, client: Client, model: type[Fact], by: User | None, data: Mapping[str, Any]
) -> Fact:
    """Add a credential, language result or work period to the file."""
    fact = model(client=client)
    _assign(fact, data, FACT_FIELDS[model])
    _validate(fact, exclude=["client"])
    check_person(client, fact.person)
    _save(fact, by)
    facts_were_changed(client_ids=[client.pk], by=by, reason=f"{_kind_of(fact)} added")
    return fact


@transaction.atomic
def update_fact(*, fact: Fact, by: User | None, data: Mapping[str, Any]) -> Fact:
    _assign(fact, data, FACT_FIELDS[type(fact)])
    _validate(fact, exclude=["client"])
    check_person(fact.client, fact.person)
    _save(fact, by)
    facts_were_changed(client_ids=[fact.client_id], by=by, reason=f"{_kind_of(fact)} changed")
    return fact


@transaction.atomic
def delete_fact(*, fact: Fact, by: User | None) -> None:
    client_id = fact.client_id
    fact._history_user = by
    fact.delete()
    facts_were_changed(client_ids=[client_id], by=by, reason=f"{_kind_of(fact)} deleted")


@transaction.atomic
def update_contact_details(*, client: Client, by: User, data: Mapping[str, Any]) -> Client:
    """The client's own change of contact details in the portal, if their consultant allows it."""
    if not client.contact_updates_allowed:
        raise PermissionDenied("Your consultant has not enabled contact-detail updates.")
    _assign(client, data, CONTACT_FIELDS)
    _validate(client, exclude=["firm", "user"])
    _save(client, by, update_fields=[*data, "updated_at"])
    return client


def set_notifications(*, client: Client, by: User, opt_in: bool) -> Client:
    """The client's choice to be e-mailed when their standing changes (issue 7 sends them)."""
    client.notifications_opt_in = opt_in
    _save(client, by, update_fields=["notifications_opt_in", "updated_at"])
    return client
