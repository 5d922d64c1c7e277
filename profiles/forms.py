"""Forms translate input; the models validate it and the services write it (DESIGN.md §9.5).

The forms here read a model's fields (``ModelForm`` builds them, with their types, choices and
lengths) but leave the model's ``full_clean`` to the service the view calls (``ParsingForm``):
it runs once per save, the same for the API and the commands, and the view puts its errors back
on the fields (``views.common.add_service_errors``). The admin is the exception: it saves with
``save()`` rather than a service, so its forms keep Django's own model validation.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from profiles.choices import STAGE_RANK, Person, Stage
from profiles.models import Client, EducationCredential, LanguageTestResult, Membership, WorkPeriod
from profiles.services import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS
from profiles.services.csv_import import too_large

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Seconds shown and accepted (step="1"): the profile submission time is the tie-break, and a
# minute-only widget truncated it on every save of the form.
_DATETIME = forms.DateTimeInput(
    attrs={"type": "datetime-local", "step": "1"}, format="%Y-%m-%dT%H:%M:%S"
)


SUBMISSION_TIME_HELP = _(
    "Eastern time (Toronto), to the second. The first submission: it breaks ties, and the "
    "profile expires 12 months later."
)


def _date_widgets(model, fields) -> dict:
    widgets = {}
    for name in fields:
        field = model._meta.get_field(name)
        if field.get_internal_type() == "DateTimeField":
            widgets[name] = _DATETIME
        elif field.get_internal_type() == "DateField":
            widgets[name] = _DATE
    return widgets


class ParsingForm(forms.ModelForm):
    """A model's fields parsed from the request; the model's validation is the service's."""

    def _post_clean(self) -> None:
        # ModelForm's hook that copies the values into the instance and runs full_clean, which
        # the service then ran a second time on every save. A valid form goes to the service,
        # which validates once; an invalid one never reaches it, so the model's errors are
        # found here, and the page shows them all at once with the form's own.
        if self.errors:
            super()._post_clean()


class KeepsSubmissionTimeForm(forms.ModelForm):
    """A client form whose widget shows the profile submission time to the second (this site's
    and the admin's both do), keeping the stored microseconds when it comes back unchanged."""

    def clean_profile_submitted_at(self):
        value = self.cleaned_data["profile_submitted_at"]
        stored = self.instance.profile_submitted_at
        # The API and the CSV import store microseconds, and they decide ties at the cut-off:
        # a time sent back as shown is the stored one, kept exactly.
        if value is not None and stored is not None and value == stored.replace(microsecond=0):
            return stored
        return value


class ClientForm(ParsingForm, KeepsSubmissionTimeForm):
    class Meta:
        model = Client
        fields = CLIENT_FIELDS
        widgets = {
            **_date_widgets(Client, CLIENT_FIELDS),
            "address": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"profile_submitted_at": SUBMISSION_TIME_HELP}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile_submitted_at"].input_formats = [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ]
        # Blank is the usual case (no children): 0, as the model's default.
        self.fields["dependent_children"].required = False
        self.fields["settlement_funds"].widget.attrs.update(min=0, step=1)

    def clean_dependent_children(self) -> int:
        value = self.cleaned_data.get("dependent_children")
        return 0 if value is None else value


class ContactForm(ParsingForm):
    class Meta:
        model = Client
        fields = CONTACT_FIELDS
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class NotificationsForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ["notifications_opt_in"]


class FactForm(ParsingForm):
    """A credential, language result or work period; "whose" only when there is a partner."""

    def __init__(self, *args, client: Client, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not client.has_partner:
            self.fields["person"].widget = forms.HiddenInput()
            self.fields["person"].initial = Person.PRINCIPAL
        self.fields["person"].label = _("Whose")


class CredentialForm(FactForm):
    class Meta:
        model = EducationCredential
        fields = FACT_FIELDS[EducationCredential]
        widgets = _date_widgets(EducationCredential, FACT_FIELDS[EducationCredential])


class LanguageResultForm(FactForm):
    class Meta:
        model = LanguageTestResult
        fields = FACT_FIELDS[LanguageTestResult]
        widgets = _date_widgets(LanguageTestResult, FACT_FIELDS[LanguageTestResult])
        help_texts = {
            "listening": _(
                "Raw score as on the result (IELTS band, CELPIP level, TEF/TCF points; "
                "CELPIP M: 0). For CLB/NCLC, the level."
            )
        }


class WorkPeriodForm(FactForm):
    class Meta:
        model = WorkPeriod
        fields = FACT_FIELDS[WorkPeriod]
        widgets = _date_widgets(WorkPeriod, FACT_FIELDS[WorkPeriod])
        help_texts = {
            "title": _("Leave empty to use the NOC title."),
            "noc": "5-digit NOC 2021 unit group, e.g. 21232 (software developers).",
            "hours_per_week": _("Up to 80. Full time is 30; more adds no experience."),
        }


FACT_FORMS: dict[str, type[FactForm]] = {
    "credentials": CredentialForm,
    "languages": LanguageResultForm,
    "work": WorkPeriodForm,
}
FACT_TITLES = {
    "credentials": _("education credential"),
    "languages": _("language test result"),
    "work": _("work period"),
}
# Whole sentences per kind: French agrees the article and participle with the noun.
FACT_SAVED = {
    "credentials": _("The education credential was saved."),
    "languages": _("The language test result was saved."),
    "work": _("The work period was saved."),
}
FACT_DELETED = {
    "credentials": _("The education credential was deleted."),
    "languages": _("The language test result was deleted."),
    "work": _("The work period was deleted."),
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 CSV with the template's header row; up to 20,000 rows."),
    )
    import_duplicates = forms.BooleanField(
        required=False,
        label=_("Import duplicates too"),
        help_text=_(
            "Without it, a row with the same e-mail, or the same name and birth date, as "
            "a file of the firm (or an earlier row) is skipped and listed."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused before anything is read: the upload is on disk, not in memory, by now.
        if upload.size > settings.CSV_IMPORT_MAX_BYTES:
            raise forms.ValidationError(too_large(settings.CSV_IMPORT_MAX_BYTES))
        return upload


class InviteConsultantForm(forms.Form):
    email = forms.EmailField()
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)


class StageForm(forms.Form):
    """The next stage of a file; the service decides what is allowed (a step back needs a
    reason, dates from 2015 up to today)."""

    stage = forms.ChoiceField(choices=Stage.choices, label=_("Stage"))
    on = forms.DateField(label=_("Date"), widget=_DATE)
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to go back a stage or to change a decision."),
    )

    def __init__(self, *args, client: Client, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        ahead = [s for s in Stage if STAGE_RANK[s] > STAGE_RANK[Stage(client.stage)]]
        self.fields["stage"].initial = ahead[0] if ahead else client.stage
        self.fields["on"].initial = timezone.localdate()


class AssignForm(forms.Form):
    consultant = forms.ModelChoiceField(
        queryset=Membership.objects.none(),
        to_field_name="public_id",
        label=_("Responsible consultant"),
        empty_label=None,
    )

    def __init__(self, *args, client: Client, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The file's firm only: another firm's consultant is "not one of the choices".
        seats = Membership.objects.filter(firm_id=client.firm_id, user__is_active=True)
        self.fields["consultant"].queryset = seats.select_related("user")
        self.fields["consultant"].label_from_instance = lambda seat: (
            seat.user.get_full_name() or seat.user.get_username()
        )
        # The page loads the file with its consultant's seat (no query here).
        seat = getattr(client.consultant, "membership", None) if client.consultant_id else None
        self.fields["consultant"].initial = seat.public_id if seat else None
