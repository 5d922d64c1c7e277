"""A CSV cell's text as a model field's value, with a message a consultant can act on."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext

_TRUE = {"yes", "y", "true", "1", "oui"}
_FALSE = {"no", "n", "false", "0", "non"}


def parse_cell(field: models.Field, raw: str) -> object:
    """A cell's text as the field's Python value; ValueError with a readable message."""
    if isinstance(field, models.BooleanField):
        word = raw.lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(gettext("Enter yes or no."))
        return word in _TRUE
    if isinstance(field, models.DateTimeField):
        try:
            moment = parse_datetime(raw)
        except ValueError:
            moment = None
        if moment is None:
            raise ValueError(gettext("Enter a date and time like 2026-01-15T09:30:00-05:00."))
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
    if isinstance(field, models.DateField):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise ValueError(gettext("Enter a date as YYYY-MM-DD.")) from None
    if isinstance(field, models.FloatField):
        try:
            return float(raw.replace(",", "."))
        except ValueError:
            if raw.upper() == "M":  # CELPIP's "M" (below CLB 4) is stored as 0
                return 0.0
            raise ValueError(gettext("Enter a number.")) from None
    if isinstance(field, models.IntegerField):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(gettext("Enter a whole number.")) from None
    if field.choices:  # stored values are lower case, except two-letter province codes
        return raw.lower() if field.max_length and field.max_length > 2 else raw.upper()
    return raw
