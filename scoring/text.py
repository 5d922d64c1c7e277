"""Marks the engine's words for translation without importing Django (the engine stays pure).

``N_("Age")`` returns its argument unchanged. ``T_("Points for French (from %(day)s)", day=d)``
returns a ``Text``: the English sentence (so the engine's output and its tests read as before)
that also remembers its message and values, so a page can say it in French with the values in
French format (``eeportal.i18n.tr``, the ``|tr`` template filter). `make messages` collects
every ``N_`` and ``T_`` string into the catalogue.
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """An English sentence built from a message with ``%(name)s`` values."""

    msgid: str
    params: dict[str, Any]

    def __new__(cls, msgid: str, **params: Any) -> Text:
        text = super().__new__(cls, msgid % params if params else msgid)
        text.msgid = msgid
        text.params = params
        return text

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.msgid, self.params))


def _rebuild(msgid: str, params: dict[str, Any]) -> Text:
    return Text(msgid, **params)


def N_(message: str) -> str:
    return message


def T_(msgid: str, **params: Any) -> Text:
    return Text(msgid, **params)
