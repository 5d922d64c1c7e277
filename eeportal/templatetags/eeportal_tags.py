from datetime import timedelta

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext

from eeportal.glossary import BY_KEY
from eeportal.i18n import grouped

register = template.Library()


@register.filter
def in_words(duration: timedelta | None) -> str:
    """A lockout length as people say it: "30 minutes", "1 hour", "1 hour 30 minutes"
    ("30 minutes", "1 heure", "1 heure 30 minutes" in French)."""
    if not isinstance(duration, timedelta):
        return ""
    minutes = int(duration.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = (
        [ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}] if hours else []
    )
    if minutes or not parts:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return " ".join(parts)


@register.filter
def dollars(amount: int | None) -> str:
    """Whole Canadian dollars as "$23,360" in English, "23 360 $" in French (grouped with a
    no-break space, the sign after the amount)."""
    if amount is None:
        return ""
    if (get_language() or "en").startswith("fr"):
        # A no-break space before the sign too, so "23 360 $" never wraps.
        return f"{grouped(amount)}\N{NO-BREAK SPACE}$"
    return f"${grouped(amount)}"


@register.simple_tag
def term(key: str, text: str = "") -> SafeString:
    """An inline explanation of a glossary term: a link to its glossary entry that, with
    JavaScript, opens the explanation in place on a tap or a keyboard focus (a phone has no
    hover). An unknown key raises: the tests render every template, so a typo fails there.
    The entry is said in the active language (its texts are lazy translations)."""
    entry = BY_KEY[key]
    return format_html(
        '<a class="term" href="{}#{}" data-bs-toggle="popover" data-bs-trigger="focus" '
        'data-bs-placement="top" data-bs-title="{}" data-bs-content="{}" role="button" '
        'tabindex="0">{}<span class="visually-hidden"> ({})</span></a>',
        reverse("glossary"),
        entry.key,
        entry.full,
        entry.short,
        text or entry.name,
        gettext("explain"),
    )
