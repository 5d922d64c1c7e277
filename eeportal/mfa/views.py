"""Pages of two-factor sign-in and of the fresh-password check (templates under mfa/)."""

from __future__ import annotations

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from eeportal.ratelimits import over_limit
from profiles.roles import home_url

from . import devices, state
from .forms import CodeForm, ConfirmForm, VerifyForm
from .notices import tell_user
from .reauth import fresh_auth_required, mark_proved

CODES_KEY = "mfa_new_codes"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else (home_url(request.user) or settings.LOGIN_REDIRECT_URL)


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The step after the password for users with a second factor."""
    if request.session.get(state.STATE_KEY) != state.VERIFY:
        return redirect(_next_url(request))
    form = VerifyForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if over_limit(request, "two-factor", "user"):
            form.add_error(None, _("Too many tries. Wait a few minutes and try again."))
        elif form.is_valid():
            django_otp.login(request, form.device)
            state.settle(request, request.user, verified=True)
            mark_proved(request)
            if form.device.persistent_id.startswith("otp_static"):
                left = devices.codes_left(request.user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code; %(left)s left. Make new ones on the Security "
                        "page if you are running out.",
                        "You used a recovery code; %(left)s left. Make new ones on the Security "
                        "page if you are running out.",
                        left,
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
    return render(request, "mfa/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@login_required
def security(request: HttpRequest) -> HttpResponse:
    """Password and two-factor sign-in for the signed-in user."""
    context = {
        "has_app": devices.has_app(request.user),
        "codes_left": devices.codes_left(request.user),
        "required": state.required_for(request.user),
        "deadline": state.enrol_deadline(request),
    }
    return render(request, "mfa/security.html", context)


@never_cache
@fresh_auth_required
def setup(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the key), then prove it with the first code."""
    device = devices.pending_app(request.user)
    form = CodeForm(request.POST or None, user=request.user, recovery=False)
    if request.method == "POST" and form.is_valid():
        if devices.wait_seconds(device):
            form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
        elif device.verify_token(form.cleaned_data["code"]):
            codes = devices.confirm_app(device)
            django_otp.login(request, device)
            state.settle(request, request.user, verified=True)
            request.session[CODES_KEY] = codes
            tell_user(request.user, gettext_lazy("two-factor sign-in was set up"))
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect("mfa:recovery_codes")
        else:
            form.add_error(
                "code",
                _(
                    "That code is not right. Check the app's clock and that you scanned this "
                    "page's code."
                ),
            )
    context = {
        "form": form,
        "qr": devices.qr_data_uri(device),
        "secret": devices.secret_of(device),
        "replacing": devices.has_app(request.user),
    }
    return render(request, "mfa/setup.html", context)


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New codes are shown once, right after they are made; afterwards only how many are left."""
    codes = request.session.pop(CODES_KEY, None)
    context = {"codes": codes, "codes_left": devices.codes_left(request.user)}
    return render(request, "mfa/recovery_codes.html", context)


@require_POST
@fresh_auth_required
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    if not devices.has_app(request.user):
        messages.error(request, _("Set up an authenticator app first."))
        return redirect("mfa:security")
    request.session[CODES_KEY] = devices.new_recovery_codes(request.user)
    tell_user(request.user, gettext_lazy("new recovery codes were made"))
    return redirect("mfa:recovery_codes")


@require_POST
@fresh_auth_required
def turn_off(request: HttpRequest) -> HttpResponse:
    if state.required_for(request.user):
        messages.error(
            request,
            _(
                "Staff and consultants must keep two-factor sign-in. To use another phone, set "
                "it up again: the new app replaces the old one."
            ),
        )
        return redirect("mfa:security")
    devices.turn_off(request.user)
    state.settle(request, request.user)
    tell_user(request.user, gettext_lazy("two-factor sign-in was turned off"))
    messages.success(request, _("Two-factor sign-in is off."))
    return redirect("mfa:security")


@never_cache
@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    """Prove it is still you (password, or a code) before a sensitive action."""
    form = ConfirmForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        mark_proved(request)
        return redirect(_next_url(request))
    return render(request, "mfa/confirm.html", {"form": form, "next": _next_url(request)})
