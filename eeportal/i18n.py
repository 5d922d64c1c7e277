"""Saying the engine's and the services' words in the reader's language.

Text marked with ``N_`` / ``T_`` (scoring/text.py) is English until it is shown; ``tr`` turns
it into the active language, with dates and numbers in that language's format.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import formats
from django.utils.translation import get_language, gettext

from scoring.text import Text

# The grouping separator of each language, looked up once: "," in English, a no-break space in
# French ("20 784", as IRCC's French pages write it).
_SEPARATORS: dict[str, str] = {}


def grouped(number: int) -> str:
    """A whole number with the active language's thousands separator ("3,000", "3 000").
    Plain Python, not number_format: it is on the hot path of long lists."""
    language = get_language() or "en"
    separator = _SEPARATORS.get(language)
    if separator is None:
        separator = _SEPARATORS[language] = formats.get_format("THOUSAND_SEPARATOR", language)
    text = f"{number:,}"
    return text if separator == "," else text.replace(",", separator)


def _value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Text | str):
        return tr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return grouped(value)
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
