"""Which language a person reads: their saved choice, else the site's default (issue 15).

E-mails and digests are written with ``translation.override(language_of(user))``; a batch that
writes to many people should ``select_related("language_preference")`` on the users first.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist

from profiles.models import LanguagePreference

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def language_of(user) -> str:
    """The language ``user`` chose, or the site's default when they never chose (or is None)."""
    if user is None:
        return settings.LANGUAGE_CODE
    try:
        language = user.language_preference.language
    except (ObjectDoesNotExist, AttributeError):
        return settings.LANGUAGE_CODE
    return language if language in SUPPORTED else settings.LANGUAGE_CODE


def save_language(user, language: str) -> None:
    """Remember ``user``'s choice for their next visits and for what is sent to them."""

    LanguagePreference.objects.update_or_create(user=user, defaults={"language": language})
    # The cached reverse relation would otherwise answer with the old value in this request.
    user._state.fields_cache.pop("language_preference", None)
