"""Small display helpers for the client pages."""

from django import template

from profiles import panels
from profiles.choices import Person
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
def client_panels(context: template.Context, client) -> str:
    """The sections other apps register for a client page (``profiles.panels``)."""
    return panels.render(context["request"], client)
