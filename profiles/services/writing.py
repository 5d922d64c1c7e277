"""How every service writes one row: only the fields it allows, validated once, and who did it.

``by`` goes to django-simple-history as ``_history_user``, so API calls with a token are
attributed too, which the request middleware cannot do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Model


def assign(instance: Model, data: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """Set ``data`` on ``instance``; a field outside ``allowed`` is a ValidationError."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}.")
    for name, value in data.items():
        setattr(instance, name, value)


def validate(instance: Model, *, exclude: Iterable[str] = ()) -> None:
    """The model's ``full_clean``: the one validation of a save, whoever asked for it (the
    forms only parse, ``profiles.forms.ParsingForm``)."""
    # validate_unique would query once per unique field (public_id) for nothing: it is a UUID.
    instance.full_clean(exclude=list(exclude), validate_unique=False)


def save(instance: Model, by: User | None, **kwargs: Any) -> None:
    instance._history_user = by
    instance.save(**kwargs)
