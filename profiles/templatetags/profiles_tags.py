"""Small display helpers for the client pages."""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from profiles import panels
from profiles.choices import Person
from profiles.expiry import Status, status_on
from profiles.models.clients import local_date
from scoring.labels import eligibility_name

register = template.Library()


# ``"cec"`` → "Canadian Experience Class", ``"french"`` → "French-language proficiency".
register.filter("eligibility_name", eligibility_name)


@register.filter
def signed(number: int | None) -> str:
    """+12 / -5 / 0 (the minus as U+2212, the typographic minus sign)."""
    if number is None:
        return ""
    return f"+{number}" if number > 0 else str(number).replace("-", "\u2212")


@register.filter
def has_spouse_rows(facts: dict) -> bool:
    """Whether the file's fact rows (``selectors.facts_of_client``) include the spouse's."""
    return any(fact.person == Person.SPOUSE for rows in facts.values() for fact in rows)


@register.simple_tag(takes_context=True)
def client_panels(context: template.Context, client, slot: str = "after") -> str:
    """The sections other apps register for a client page (``profiles.panels``)."""
    return panels.render(context["request"], client, slot=slot, page=context.flatten())


_BADGES = {
    Status.EXPIRED: ("text-bg-danger", "expired"),
    Status.EXPIRING: ("text-bg-warning", "expires"),
    Status.VALID: ("text-bg-success", "valid until"),
}


@register.simple_tag
def expiry_badge(what: str, expires: date | datetime | None) -> SafeString | str:
    """ "Profile expired 2026-01-02" in red, "IELTS expires …" in amber, "… valid until …" in
    green (``profiles.expiry``); nothing when there is nothing to expire. Words, never only
    colour."""
    if isinstance(expires, datetime):
        expires = local_date(expires)
    status = status_on(expires, timezone.localdate())
    if status is None:
        return ""
    css, words = _BADGES[status]
    return format_html(
        '<span class="badge {}" data-status="{}">{} {} {}</span>',
        css,
        status.value,
        what,
        words,
        f"{expires:%Y-%m-%d}",
    )
