import unicodedata

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from profiles.roles import home_url

from .glossary import TERMS
from .health import broker_status, database_status
from .languages import language_of
from .mfa import state as mfa_state
from .ratelimits import over_limit, posted_email


def home(request: HttpRequest) -> HttpResponse:
    """The public home for anonymous visitors; everyone signed in goes to their own start page
    (the brand link in the navigation bar leads here), anyone with no role stays."""
    start = home_url(request.user)
    if start is not None:
        return redirect(start)
    return render(request, "home.html")


class SignInView(auth_views.LoginView):
    """Django's sign-in, landing each role on its own page unless ``next`` says otherwise."""

    def get_default_redirect_url(self) -> str:
        return home_url(self.request.user) or resolve_url(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        if self.request.session.get(mfa_state.STATE_KEY) == mfa_state.VERIFY:
            # The password was right; the code comes next, then the page the user asked for.
            query = urlencode({"next": response.url})
            return HttpResponseRedirect(f"{reverse('mfa:verify')}?{query}")
        return response


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, writing each e-mail in its account owner's language (not the language of
    the page it was asked from): subject, body and the link's /fr/ prefix."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict,
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        with translation.override(language_of(context.get("user"))):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, at most ``RATE_LIMITS`` e-mails per address and per client address. Over
    the limit it answers exactly as when it sends, so nobody learns anything from it."""

    form_class = PasswordResetForm

    def form_valid(self, form) -> HttpResponse:
        limited = [
            over_limit(self.request, "password-reset-address", posted_email),
            over_limit(self.request, "password-reset-ip", "ip"),
        ]
        if any(limited):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    body = {"database": database_status(), "broker": broker_status()}
    healthy = body["database"] == "ok" and body["broker"] in ("ok", "eager")
    return JsonResponse(body, status=200 if healthy else 503)


def glossary(request: HttpRequest) -> HttpResponse:
    """Every term a client reads, explained in plain words; public, one anchor per term."""
    return render(request, "glossary.html", {"terms": sorted(TERMS, key=_alphabetical)})


def _alphabetical(term) -> str:
    """The sort key of a term's name in the active language, accents aside, so the French
    « évaluation » sorts with the e, not after z."""
    decomposed = unicodedata.normalize("NFKD", str(term.name).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
