"""Template side of eeportal/i18n.py, loaded in every template (TEMPLATES builtins)."""

from typing import Any

from django import template

from eeportal.i18n import tr as _tr

register = template.Library()


@register.filter
def tr(value: Any) -> Any:
    """``{{ line.label|tr }}``: an engine or service text in the page's language."""
    return _tr(value)
