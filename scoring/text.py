"""Marks the engine's words for translation without importing Django (the engine stays pure).

``N_("Age")`` returns its argument unchanged; `make messages` collects every ``N_`` string into
the catalogue, and the page, API or e-mail that shows the text translates it with ``gettext``.
"""


def N_(message: str) -> str:
    return message
