from django import template

register = template.Library()


@register.filter
def thousands(value: int | None) -> str:
    """3000 -> "3,000", as IRCC writes it. Plain Python: humanize's intcomma goes through the
    locale machinery, which was most of the list page's rendering time."""
    return "" if value is None else f"{value:,}"
