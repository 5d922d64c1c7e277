"""Small display helpers for the client pages."""

from django import template

from profiles.assessment import family_name
from profiles.choices import Person

register = template.Library()


@register.filter
def eligibility_name(key: str) -> str:
    """``"cec"`` → "Canadian Experience Class", ``"french"`` → "French-language proficiency"."""
    return family_name(key)


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
