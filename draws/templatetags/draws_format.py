from django import template
from django.utils.formats import get_format
from django.utils.translation import get_language

register = template.Library()

# The grouping separator of each language, looked up once: "," in English, a no-break space in
# French ("20 784", as IRCC's French pages write it).
_SEPARATORS: dict[str, str] = {}


def _separator(language: str) -> str:
    separator = _SEPARATORS.get(language)
    if separator is None:
        separator = _SEPARATORS[language] = get_format("THOUSAND_SEPARATOR", language)
    return separator


@register.filter
def thousands(value: int | None) -> str:
    """3000 -> "3,000", as IRCC writes it ("3 000" in French, with a no-break space). Plain
    Python: humanize's intcomma goes through the locale machinery, which was most of the list
    page's rendering time; the separator is looked up once per language."""
    if value is None:
        return ""
    text = f"{value:,}"
    separator = _separator(get_language() or "en")
    return text if separator == "," else text.replace(",", separator)
