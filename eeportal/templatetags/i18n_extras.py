"""Template side of eeportal/i18n.py, loaded in every template (TEMPLATES builtins)."""

from typing import Any

from django import template
from django.urls import reverse

from eeportal import js_catalogue
from eeportal.i18n import tr as _tr

register = template.Library()


@register.filter
def tr(value: Any) -> Any:
    """``{{ line.label|tr }}``: an engine or service text in the page's language."""
    return _tr(value)


@register.simple_tag
def javascript_catalogue_url() -> str:
    """The JavaScript catalogue at its current version, so browsers may keep it
    (``eeportal.js_catalogue``)."""
    return f"{reverse('javascript-catalog')}?v={js_catalogue.version()}"
