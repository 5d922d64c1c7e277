"""Saying the engine's and the services' words in the reader's language.

Text marked with ``N_`` / ``T_`` (scoring/text.py) is English until it is shown; ``tr`` turns
it into the active language, with dates and numbers in that language's format.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import formats
from django.utils.translation import gettext

from scoring.text import Text


def _value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Text | str):
        return tr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return formats.number_format(value, force_grouping=True)
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=None)
    return value


def tr(value: Any) -> Any:
    """The text in the active language; anything that is not text comes back unchanged."""
    if isinstance(value, Text):
        return gettext(value.msgid) % {key: _value(v) for key, v in value.params.items()}
    if isinstance(value, str) and value:
        return gettext(value)
    return value
