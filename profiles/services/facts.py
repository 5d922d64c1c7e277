"""Writes to the fact rows of a client file: credentials, language results, work periods.

Each validates its row once (``writing.validate``), checks whose it is, records who made it and
ends with ``facts_were_changed``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext_noop

from profiles.choices import Person
from profiles.documents import services as documents
from profiles.fields import FACT_FIELDS
from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod

from .scores import facts_were_changed
from .writing import assign, save, validate

Fact = EducationCredential | LanguageTestResult | WorkPeriod
# Rows by model, as the API gives them: {LanguageTestResult: [{...}, ...]}
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


def replace_facts(client: Client, facts: FactRows, by: User | None) -> None:
    """Replace every row of the given kinds; errors name the list and item (API payloads)."""
    for model, rows in facts.items():
        name = model._meta.get_field("client").remote_field.related_name
        for old in model.objects.filter(client=client):
            old._history_user = by
            old.delete()
        for index, data in enumerate(rows):
            fact = model(client=client)
            try:
                assign(fact, data, FACT_FIELDS[model])
                validate(fact, exclude=["client"])
                check_person(client, fact.person)
            except ValidationError as error:
                raise _item_errors(name, index, error) from error
            save(fact, by)


# The score history's reasons, stored in English and shown with |tr in the reader's language.
_REASONS = {
    ("EducationCredential", "added"): gettext_noop("Education credential added"),
    ("EducationCredential", "changed"): gettext_noop("Education credential changed"),
    ("EducationCredential", "deleted"): gettext_noop("Education credential deleted"),
    ("LanguageTestResult", "added"): gettext_noop("Language test result added"),
    ("LanguageTestResult", "changed"): gettext_noop("Language test result changed"),
    ("LanguageTestResult", "deleted"): gettext_noop("Language test result deleted"),
    ("WorkPeriod", "added"): gettext_noop("Work period added"),
    ("WorkPeriod", "changed"): gettext_noop("Work period changed"),
    ("WorkPeriod", "deleted"): gettext_noop("Work period deleted"),
}


def _reason(fact: Fact, what: str) -> str:
    """ "Language test result added", … for the score history."""
    return _REASONS[type(fact).__name__, what]


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
    assign(fact, data, FACT_FIELDS[model])
    validate(fact, exclude=["client"])
    check_person(client, fact.person)
    save(fact, by)
    facts_were_changed(client_ids=[client.pk], by=by, reason=_reason(fact, "added"))
    return fact


@transaction.atomic
def update_fact(*, fact: Fact, by: User | None, data: Mapping[str, Any]) -> Fact:
    assign(fact, data, FACT_FIELDS[type(fact)])
    validate(fact, exclude=["client"])
    check_person(fact.client, fact.person)
    save(fact, by)
    if not isinstance(fact, WorkPeriod):
        documents.sync_fact_expiry(fact=fact)
    facts_were_changed(client_ids=[fact.client_id], by=by, reason=_reason(fact, "changed"))
    return fact


@transaction.atomic
def delete_fact(*, fact: Fact, by: User | None) -> None:
    client_id = fact.client_id
    fact._history_user = by
    fact.delete()
    facts_were_changed(client_ids=[client_id], by=by, reason=_reason(fact, "deleted"))
