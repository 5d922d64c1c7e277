"""Which language a request is answered in, and the switcher that changes it (issue 15).

A page's URL says its language: ``/draws/`` is English, ``/fr/draws/`` French, so either can be
linked and found. A person's choice decides which of the two they are sent to: their saved
preference (copied into the session at sign-in), else the language cookie the switcher sets,
else, on a first visit, the browser's Accept-Language. Machine-facing URLs (the API, the admin)
have one address and answer in the chosen language, so an API client can send Accept-Language.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path, reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import trans_real

from eeportal.languages import SUPPORTED, language_of, save_language

SESSION_KEY = "ee_language"


def chosen_language(request: HttpRequest) -> str:
    """The person's choice, or what their browser asks for when they never chose."""
    # Only an existing session is read: reading one would mark every anonymous page as varying
    # on the cookie, and the public pages are the ones cached on draw day.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        saved = request.session.get(SESSION_KEY)
        if saved in SUPPORTED:
            return saved
    return translation.get_language_from_request(request, check_path=False)


def _from_header(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in trans_real.parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, with the person's saved choice and a redirect to their
    language's twin of an unprefixed page."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        default = settings.LANGUAGE_CODE
        language = translation.get_language_from_path(request.path_info)
        if language is None and request.path_info.startswith("/api/"):
            # A program calling the API says what it wants in the header, whoever signed in.
            language = _from_header(request)
        if language is None:
            language = chosen_language(request)
            if language != default and self._has_twin(request, language):
                if request.method in ("GET", "HEAD") and not request.headers.get("HX-Request"):
                    return self._to_twin(request, language)
                language = default  # a form posted to an English URL is answered in English
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None

    @staticmethod
    def _has_twin(request: HttpRequest, language: str) -> bool:
        urlconf = getattr(request, "urlconf", None)
        # The /fr/ prefix resolves only while French is active.
        with translation.override(language):
            return is_valid_path(f"/{language}{request.path_info}", urlconf)

    @staticmethod
    def _to_twin(request: HttpRequest, language: str) -> HttpResponse:
        prefix = get_script_prefix()
        path = request.get_full_path()[len(prefix) :]
        response = HttpResponseRedirect(f"{prefix}{language}/{path}")
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def switch_language(request: HttpRequest, language: str) -> HttpResponse:
    """The switcher's link: the same page in ``language``, remembered for next time.

    A link rather than Django's POST-only set_language, so that pages carry no CSRF token and
    stay cacheable; the worst a forged link can do is change someone's language."""
    if language not in SUPPORTED:
        language = settings.LANGUAGE_CODE
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    # The target resolves only in its own language, the one its prefix (or its absence) says.
    with translation.override(translation.get_language_from_path(target) or settings.LANGUAGE_CODE):
        response = HttpResponseRedirect(translate_url(target, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        httponly=True,
    )
    if request.user.is_authenticated:
        save_language(request.user, language)
        request.session[SESSION_KEY] = language
    return response


def on_sign_in(sender, request: HttpRequest, user, **kwargs) -> None:
    """``user_logged_in`` receiver: the saved choice follows the person to any device. Someone
    who never chose keeps the language they signed in with, for their pages and e-mails."""
    saved = language_of(user) if hasattr(user, "language_preference") else None
    if saved is None:
        saved = translation.get_language() or settings.LANGUAGE_CODE
        if saved not in SUPPORTED:
            saved = settings.LANGUAGE_CODE
        save_language(user, saved)
    request.session[SESSION_KEY] = saved


def language_links(request: HttpRequest) -> dict:
    """Context processor: this page in every language, for the switcher and for search engines
    (``<link rel="alternate" hreflang>``)."""
    current = translation.get_language()
    path = request.path
    twins, switch = [], []
    for code, name in settings.LANGUAGES:
        twin = translate_url(path, code)
        twins.append((code, request.build_absolute_uri(twin)))
        if code != current:
            query = urlencode({"next": request.get_full_path()})
            switch.append((code, f"{reverse('switch_language', args=[code])}?{query}", name))
    return {"language_twins": twins, "language_switch": switch}
