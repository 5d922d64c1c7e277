"""Small display helpers for the client pages."""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, gettext_noop

from eeportal.i18n import tr
from profiles import panels
from profiles.choices import Person
from profiles.expiry import Status, status_on
from profiles.models.clients import local_date
from profiles.noc import shown_title
from scoring.labels import eligibility_name

register = template.Library()


# ``"cec"`` → "Canadian Experience Class", ``"french"`` → "French-language proficiency".
@register.filter("eligibility_name")
def _eligibility_name(key: str) -> str:
    # The engine's names are marked (N_): said in the reader's language.
    return tr(eligibility_name(key))


@register.filter
def work_title(work) -> str:
    """``{{ work|work_title }}``: the period's title, the NOC's French one on French pages."""
    return shown_title(work.noc, work.title, get_language())


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


# Whole phrases (French orders the words its own way); ``what`` is already translated.
_BADGES = {
    Status.EXPIRED: ("text-bg-danger", gettext_noop("%(what)s expired %(day)s")),
    Status.EXPIRING: ("text-bg-warning", gettext_noop("%(what)s expires %(day)s")),
    Status.VALID: ("text-bg-success", gettext_noop("%(what)s valid until %(day)s")),
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
    text = gettext(words) % {"what": what, "day": date_format(expires)}
    return format_html('<span class="badge {}" data-status="{}">{}</span>', css, status.value, text)
