"""Forms of documents and messages: they translate input; the services decide."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

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
                raise ValidationError("Choose at least one file.")
            return []
        errors = []
        for upload in uploads:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.append(f"{upload.name or 'The file'}: {error.messages[0]}")
        if errors:
            raise ValidationError(errors)
        return uploads

    def bound_data(self, data, initial):
        return initial


FILES_HELP = "PDF, JPEG or PNG, up to 10 MB each; you may choose several files."


class UploadForm(forms.Form):
    files = MultipleFileField(label="Files", help_text=FILES_HELP)


class ItemForm(forms.ModelForm):
    class Meta:
        model = DocumentItem
        fields = ["kind", "person", "person_name", "detail", "phase", "due_on", "expires_on"]
        labels = {"kind": "Document", "person": "For", "detail": "Country, employer or note"}
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("accept", "Accept"),
            ("reject", "Reject"),
            ("not_needed", "Not needed"),
            ("remove", "Remove the item"),
        ]
    )
    reason = forms.CharField(
        required=False,
        max_length=1000,
        label="Reason (shown to the client)",
        widget=forms.TextInput,
    )


class DatesForm(forms.Form):
    due_on = forms.DateField(
        required=False, label="Due date", widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        required=False, label="Expiry date", widget=forms.DateInput(attrs={"type": "date"})
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        required=False,
        max_length=5000,
        label="Message",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    files = MultipleFileField(label="Attach files", required=False, help_text=FILES_HELP)

    def clean(self):
        data = super().clean()
        if not (data.get("body") or "").strip() and not data.get("files") and not self.errors:
            raise ValidationError({"body": "Write a message or attach a file."})
        return data


class MessageEmailsForm(forms.Form):
    message_emails = forms.BooleanField(
        required=False, label="E-mail me when a message arrives (a link only, never the text)"
    )
