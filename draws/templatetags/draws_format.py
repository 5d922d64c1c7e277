from datetime import date

from django import template
from django.utils.translation import gettext

from eeportal.i18n import grouped, tr
from scoring.text import Text

register = template.Library()


@register.filter
def thousands(value: int | None) -> str:
    """3000 -> "3,000", as IRCC writes it ("3 000" in French, with a no-break space). Plain
    Python: humanize's intcomma goes through the locale machinery, which was most of the list
    page's rendering time; the separator is looked up once per language."""
    return "" if value is None else grouped(value)


@register.filter
def iso_date(value: str) -> date | str:
    """ "2026-08-05" (the charts' JSON dates) as a date, for ``|date:"DATE_FORMAT"``."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


@register.filter
def margin(value: int) -> str:
    """+12, +0 or -5, as the e-mails write a score against the cut-off."""
    return f"+{value}" if value >= 0 else str(value)


@register.filter
def sentences(parts: list[list[Text]]) -> str:
    """An estimate's reasoning (``Outlook.reasoning_texts``) in the reader's language: each
    piece through ``tr``, pieces joined into sentences, sentences by spaces."""
    return " ".join("".join(str(tr(piece)) for piece in pieces) for pieces in parts)


@register.filter
def round_types(names: list[str]) -> str:
    """ "CEC and General (all programs)": round type names in the reader's language, joined."""
    said = ""
    for name in names:
        name = str(tr(name))
        said = (
            name if not said else gettext("%(first)s and %(then)s") % {"first": said, "then": name}
        )
    return said
