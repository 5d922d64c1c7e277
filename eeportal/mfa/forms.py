"""The forms of two-factor sign-in: a code, and the password check before sensitive actions."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import devices


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "none"}
        ),
    )

    def __init__(self, *args, user: User, recovery: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.recovery, self.device = user, recovery, None
        if not recovery:
            self.fields["code"].help_text = _("The 6-digit code your authenticator app shows now.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).lower()
        return code


class VerifyForm(CodeForm):
    """The step after the password: a code from any of the user's confirmed devices."""

    def clean(self) -> dict:
        code = self.cleaned_data.get("code")
        if code:
            device, wait = devices.check(self.user, code, recovery=self.recovery)
            if wait:
                raise forms.ValidationError(
                    _("Too many wrong codes. Wait %(wait)s seconds and try again.")
                    % {"wait": wait},
                    code="throttled",
                )
            if device is None:
                self.add_error("code", _("That code is not right. Check the app shows this site."))
            self.device = device
        return self.cleaned_data


class ConfirmForm(forms.Form):
    """A fresh proof: the password, or a code for users with a second factor."""

    password = forms.CharField(
        label=gettext_lazy("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    code = forms.CharField(
        label=gettext_lazy("Or a code from your authenticator app"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, request: HttpRequest, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        if not devices.has_app(request.user):
            del self.fields["code"]

    def clean(self) -> dict:
        password = self.cleaned_data.get("password")
        code = "".join((self.cleaned_data.get("code") or "").split())
        user = self.request.user
        if password:
            # Through authenticate(), so django-axes counts a wrong password here too.
            proved = authenticate(self.request, username=user.get_username(), password=password)
            if proved is None or proved.pk != user.pk:
                self.add_error("password", _("That password is not right."))
        elif code:
            device, wait = devices.check(user, code, recovery=False)
            if wait:
                raise forms.ValidationError(
                    _("Too many wrong codes. Wait %(wait)s seconds and try again.")
                    % {"wait": wait},
                    code="throttled",
                )
            if device is None:
                self.add_error("code", _("That code is not right."))
        else:
            raise forms.ValidationError(_("Enter your password."), code="required")
        return self.cleaned_data
