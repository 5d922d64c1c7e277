"""Whole numbers that the engine's English writes with thousands separators ("$15,263").

``T_`` formats its values with ``%s``, so an int reads "15263" in the English sentence; a
pre-formatted "15,263" would keep the comma in French too. ``grouped(15263)`` is a ``Text``
that reads "15,263" in English and, shown through ``eeportal.i18n.tr``, is the number itself
formatted in the reader's language ("15 263").
"""

from __future__ import annotations

from scoring.text import Text

__all__ = ["grouped"]

_MESSAGE = "%(number)s"


class _Grouped(Text):
    def __new__(cls, number: int) -> _Grouped:
        text = str.__new__(cls, f"{number:,}")
        text.msgid = _MESSAGE
        text.params = {"number": number}
        return text

    def __reduce__(self) -> tuple:
        return (_Grouped, (self.params["number"],))


def grouped(number: int) -> Text:
    """``number`` with English thousands separators, translatable as the number it is."""
    return _Grouped(number)
