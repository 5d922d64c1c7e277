from datetime import timedelta

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from eeportal.glossary import BY_KEY

register = template.Library()


@register.filter
def in_words(duration: timedelta | None) -> str:
    """A lockout length as people say it: "30 minutes", "1 hour", "1 hour 30 minutes"."""
    if not isinstance(duration, timedelta):
        return ""
    minutes = int(duration.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes or not parts:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


@register.filter
def dollars(amount: int | None) -> str:
    """Whole Canadian dollars as "$23,360" (issue 15 gives French its own format)."""
    return "" if amount is None else f"${amount:,}"


@register.simple_tag
def term(key: str, text: str = "") -> SafeString:
    """An inline explanation of a glossary term: a link to its glossary entry that, with
    JavaScript, opens the explanation in place on a tap or a keyboard focus (a phone has no
    hover). An unknown key raises: the tests render every template, so a typo fails there."""
    entry = BY_KEY[key]
    return format_html(
        '<a class="term" href="{}#{}" data-bs-toggle="popover" data-bs-trigger="focus" '
        'data-bs-placement="top" data-bs-title="{}" data-bs-content="{}" role="button" '
        'tabindex="0">{}<span class="visually-hidden"> (explain)</span></a>',
        reverse("glossary"),
        entry.key,
        entry.full,
        entry.short,
        text or entry.name,
    )
