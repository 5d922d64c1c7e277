"""The client portal: a client's own file, read-only except contact details when allowed."""

from __future__ import annotations

from itertools import chain

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from profiles import selectors, services
from profiles.forms import ContactForm, NotificationsForm
from profiles.roles import home_url
from profiles.services.contact_email import confirm_email_change

from .common import add_service_errors, client_required, site_url


@client_required
def portal(request: HttpRequest) -> HttpResponse:
    client = selectors.own_client_file(user=request.user)
    facts = selectors.facts_of_client(client=client)
    context = {
        "client": client,
        "facts": facts,
        "assessment": selectors.assessment_of(
            client=client, on=timezone.localdate(), rows=chain.from_iterable(facts.values())
        ),
        "notifications_form": NotificationsForm(instance=client),
        "score_history": selectors.score_history(client=client),
        "show_household": False,  # household choices are the consultant's to raise
    }
    return render(request, "profiles/portal.html", context)


@client_required
def portal_contact(request: HttpRequest) -> HttpResponse:
    client = selectors.own_client_file(user=request.user)
    if not client.contact_updates_allowed:
        # The client may see their file but not change it: 403, not 404 (DESIGN.md §9.3).
        raise PermissionDenied(_("Your consultant has not enabled contact-detail updates."))
    form = ContactForm(request.POST or None, instance=client)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            pending = services.update_contact_details(
                client=client, by=request.user, data=data, site_url=site_url(request)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your contact details were saved."))
            if pending:
                messages.info(request, _(EMAIL_PENDING) % {"email": pending})
            return redirect("profiles:portal")
    return render(request, "profiles/portal_contact.html", {"form": form, "client": client})


EMAIL_PENDING = gettext_noop(
    "We sent a link to %(email)s: your e-mail address changes when you open it (within 3 days)."
)


@client_required
def portal_email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    client = selectors.own_client_file(user=request.user)
    try:
        email = confirm_email_change(client=client, token=token)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": email})
    return redirect("profiles:portal")


@require_POST
@client_required
def portal_notifications(request: HttpRequest) -> HttpResponse:
    client = selectors.own_client_file(user=request.user)
    form = NotificationsForm(request.POST, instance=client)
    if form.is_valid():
        opt_in = form.cleaned_data["notifications_opt_in"]
        services.set_notifications(client=client, by=request.user, opt_in=opt_in)
        messages.success(
            request,
            _("You will be e-mailed when your standing changes.")
            if opt_in
            else _("You will not be e-mailed about your standing."),
        )
    return redirect("profiles:portal")


class WelcomeView(auth_views.PasswordResetConfirmView):
    """The invitation link: choose a password (Django's expiring reset token), and be signed
    in on one's own start page: the portal for a client, the dashboard for a consultant."""

    template_name = "profiles/welcome.html"
    post_reset_login = True
    # Named: with django-axes first in AUTHENTICATION_BACKENDS, Django cannot pick one itself.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def get_success_url(self) -> str:
        return home_url(self.user) or str(reverse_lazy("home"))

    def form_valid(self, form):
        messages.success(self.request, _("Your password is set and you are signed in."))
        return super().form_valid(form)
