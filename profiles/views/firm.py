"""The firm page: its consultants; firm administrators invite and remove them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from eeportal.mfa import devices
from eeportal.mfa.notices import tell_user
from eeportal.mfa.reauth import ask_unless_fresh
from eeportal.ratelimits import over_limit
from profiles import selectors, services
from profiles.filters import AccessFilter
from profiles.forms import InviteConsultantForm

from .clients import TOO_MANY_INVITATIONS
from .common import add_service_errors, consultant_required, site_url

ERASURES_SHOWN = 50
ACCESS_PAGE_SIZE = 50


def _require_admin(request: HttpRequest, log: bool = False) -> None:
    if not request.user.membership.is_firm_admin:
        # Consultants may see their colleagues but not change the list: 403 (DESIGN.md §9.3).
        # Two whole sentences rather than one with a verb slotted in: French words it otherwise.
        raise PermissionDenied(
            _("Only the firm's administrators can read the access log.")
            if log
            else _("Only the firm's administrators can manage its consultants.")
        )


@consultant_required
def firm_detail(request: HttpRequest) -> HttpResponse:
    firm = selectors.firm_of(user=request.user)
    form = InviteConsultantForm(request.POST or None)
    if request.method == "POST":
        _require_admin(request)
        if form.is_valid() and over_limit(request, "invitation", "user"):
            form.add_error(None, TOO_MANY_INVITATIONS)
        elif form.is_valid():
            try:
                services.invite_consultant(
                    firm=firm, by=request.user, site_url=site_url(request), **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                email = form.cleaned_data["email"]
                messages.success(request, _("Invitation e-mailed to %(email)s.") % {"email": email})
                return redirect("profiles:firm")
    context = {
        "firm": firm,
        "memberships": selectors.consultants_of(firm=firm),
        "form": form,
        "is_admin": request.user.membership.is_firm_admin,
        "erasures": firm.erasures.select_related("erased_by")[:ERASURES_SHOWN],
    }
    return render(request, "profiles/firm_detail.html", context)


@consultant_required
def access_log(request: HttpRequest) -> HttpResponse:
    """Who of the firm read which file, when and how (issue 14): firm administrators only."""
    _require_admin(request, log=True)
    lines = selectors.access_log_of(firm=selectors.firm_of(user=request.user))
    filterset = AccessFilter(request.GET or None, queryset=lines, request=request)
    # Invalid filters are left out (their field says why); the valid ones apply.
    page = Paginator(filterset.qs, ACCESS_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    return render(request, "profiles/access_list.html", context)


@consultant_required
def consultant_remove(request: HttpRequest, membership_id) -> HttpResponse:
    firm = selectors.firm_of(user=request.user)
    membership = get_object_or_404(selectors.consultants_of(firm=firm), public_id=membership_id)
    _require_admin(request)
    if request.method == "POST":
        try:
            services.remove_consultant(membership=membership, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(name)s was removed.") % {"name": membership.user.get_username()}
            )
        return redirect("profiles:firm")
    return render(request, "profiles/consultant_confirm_remove.html", {"membership": membership})


@consultant_required
def consultant_reset_two_factor(request: HttpRequest, membership_id) -> HttpResponse:
    """A firm administrator resets a colleague's second factor (a lost phone and lost recovery
    codes); the colleague sets it up again at their next sign-in."""
    firm = selectors.firm_of(user=request.user)
    membership = get_object_or_404(selectors.consultants_of(firm=firm), public_id=membership_id)
    _require_admin(request)
    if membership.user_id == request.user.pk:
        return redirect("mfa:security")
    if (confirm_first := ask_unless_fresh(request)) is not None:
        return confirm_first
    if request.method == "POST":
        devices.turn_off(membership.user)
        # Marked for the catalogue; the notice says it in the colleague's language (mfa).
        event = gettext_noop("two-factor sign-in was reset by your firm's administrator")
        tell_user(membership.user, event)
        name = membership.user.get_username()
        messages.success(request, _("Two-factor sign-in of %(name)s was reset.") % {"name": name})
        return redirect("profiles:firm")
    return render(request, "profiles/consultant_confirm_reset.html", {"membership": membership})
