"""Forms of documents and messages: they translate input; the services decide."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from profiles.models import DocumentItem

from .uploads import check_upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more files, each checked by ``uploads.check_upload`` so a bad one is a field
    error naming it, before anything is stored."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, (list, tuple)) else [data]
        uploads = [upload for upload in uploads if upload]
        if not uploads:
            if self.required:
                raise ValidationError(gettext("Choose at least one file."))
            return []
        errors = []
        for upload in uploads:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.append(
                    gettext("%(name)s: %(error)s")
                    % {"name": upload.name or gettext("The file"), "error": error.messages[0]}
                )
        if errors:
            raise ValidationError(errors)
        return uploads

    def bound_data(self, data, initial):
        return initial


FILES_HELP = _("PDF, JPEG or PNG, up to 10 MB each; you may choose several files.")


class UploadForm(forms.Form):
    files = MultipleFileField(label=_("Files"), help_text=FILES_HELP)


class ItemForm(forms.ModelForm):
    class Meta:
        model = DocumentItem
        fields = ["kind", "person", "person_name", "detail", "phase", "due_on", "expires_on"]
        labels = {
            "kind": _("Document"),
            "person": pgettext_lazy("document is for", "For"),
            "detail": _("Country, employer or note"),
            # The model's own names, said in the reader's language.
            "person_name": _("Person name"),
            "phase": _("Phase"),
            "due_on": _("Due date"),
            "expires_on": _("Expiry date"),
        }
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("accept", _("Accept")),
            ("reject", _("Reject")),
            ("not_needed", _("Not needed")),
            ("remove", _("Remove the item")),
        ]
    )
    reason = forms.CharField(
        required=False,
        max_length=1000,
        label=_("Reason (shown to the client)"),
        widget=forms.TextInput,
    )


class DatesForm(forms.Form):
    due_on = forms.DateField(
        required=False, label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        required=False, label=_("Expiry date"), widget=forms.DateInput(attrs={"type": "date"})
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        required=False,
        max_length=5000,
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    files = MultipleFileField(label=_("Attach files"), required=False, help_text=FILES_HELP)

    def clean(self):
        data = super().clean()
        if not (data.get("body") or "").strip() and not data.get("files") and not self.errors:
            raise ValidationError({"body": gettext("Write a message or attach a file.")})
        return data


class MessageEmailsForm(forms.Form):
    message_emails = forms.BooleanField(
        required=False, label=_("E-mail me when a message arrives (a link only, never the text)")
    )
