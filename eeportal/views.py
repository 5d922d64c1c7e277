from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from profiles.roles import home_url

from .glossary import TERMS
from .health import broker_status, database_status
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


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, at most ``RATE_LIMITS`` e-mails per address and per client address. Over
    the limit it answers exactly as when it sends, so nobody learns anything from it."""

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
    return render(request, "glossary.html", {"terms": sorted(TERMS, key=lambda t: t.name.lower())})
