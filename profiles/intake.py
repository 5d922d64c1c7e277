"""The one-page intake: a new client with their facts and their spouse's, in one form (issue 11).

The client form and one formset per kind of fact and person (the client's education, language
results and work, then the spouse's). They translate input only: ``services.create_client``
validates and writes it all in one transaction, and its errors (keyed "language_results.2.
listening") are put back on the row they name, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms import BaseFormSet, formset_factory
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from profiles.choices import Person
from profiles.fields import FACT_FIELDS
from profiles.forms import FACT_FORMS, ClientForm
from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod
from profiles.services import check_person

MAX_ROWS = 20  # per kind and person: far more than a file holds, few enough to stay one page


class NewClientForm(ClientForm):
    confirm_duplicate = forms.BooleanField(
        required=False,
        label=_("Create it anyway: this is a different person"),
        help_text=_("Tick only after checking the file named above."),
    )


def _row_form(base: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """``base`` (the single-fact form) without "Whose": a section is one person's rows."""
    meta = type(
        "Meta",
        (base.Meta,),
        {"fields": [name for name in FACT_FIELDS[base.Meta.model] if name != "person"]},
    )
    # forms.ModelForm, not base: FactForm's __init__ needs a saved client, which a new file
    # does not have yet.
    return type(f"Intake{base.__name__}", (forms.ModelForm,), {"Meta": meta})


class Rows(BaseFormSet):
    """A section's rows; the removal box says what it does to a row not yet saved."""

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Leave this row out")


@dataclass(frozen=True)
class Section:
    prefix: str  # form prefix and CSS hook: "languages", "spouse_work"
    model: type[Model]
    person: str
    title: str
    add_label: str
    extra: int  # empty rows shown at first

    @property
    def formset_class(self) -> type[BaseFormSet]:
        form = _row_form(FACT_FORMS[_KIND[self.model]])
        return formset_factory(
            form, Rows, extra=self.extra, can_delete=True, max_num=MAX_ROWS, validate_max=True
        )


_KIND = {EducationCredential: "credentials", LanguageTestResult: "languages", WorkPeriod: "work"}
_P, _S = Person.PRINCIPAL, Person.SPOUSE
SECTIONS = (
    Section("credentials", EducationCredential, _P, _("Education"), _("Add a credential"), 1),
    Section("languages", LanguageTestResult, _P, _("Language results"),
            _("Add a language result"), 1),
    Section("work", WorkPeriod, _P, _("Work"), _("Add a work period"), 1),
    Section("spouse_credentials", EducationCredential, _S, _("Spouse's education"),
            _("Add a spouse's credential"), 0),
    Section("spouse_languages", LanguageTestResult, _S, _("Spouse's language results"),
            _("Add a spouse's language result"), 0),
    Section("spouse_work", WorkPeriod, _S, _("Spouse's work"),
            _("Add a spouse's work period"), 0),
)  # fmt: skip


def _with_management(data: Mapping[str, Any], prefix: str) -> Mapping[str, Any]:
    # A post without a section (a script, a form from before the intake) sends no rows of
    # it, rather than failing on the missing management form.
    if f"{prefix}-TOTAL_FORMS" in data:
        return data
    data = data.copy()
    data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


class Intake:
    """The client form and its fact sections, bound to one post (or empty)."""

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self.form = NewClientForm(data)
        self.sections = [
            (
                section,
                section.formset_class(
                    None if data is None else _with_management(data, section.prefix),
                    prefix=section.prefix,
                ),
            )
            for section in SECTIONS
        ]

    def of(self, person: str) -> list[tuple[Section, BaseFormSet]]:
        """The sections of one person's rows, with their formsets, in page order."""
        return [
            (section, formset) for section, formset in self.sections if section.person == person
        ]

    def _rows(self):
        """(section, form) of every row to save: filled in and not marked for removal."""
        for section, formset in self.sections:
            for form in formset.forms:
                if form.has_changed() and not formset._should_delete_form(form):
                    yield section, form

    def is_valid(self) -> bool:
        # Every part is checked, not up to the first invalid one: all errors show at once.
        checked = [self.form.is_valid()] + [formset.is_valid() for _, formset in self.sections]
        valid = all(checked)
        if checked[0] and not valid:
            # The rows failed, so the service will not run to validate the file: the model's
            # checks of the file (which a parsing form leaves to the service) run here, so that
            # every error shows at once.
            forms.ModelForm._post_clean(self.form)
        if checked[0]:
            # The service's own rule, checked on every row now so that each one says so; the
            # service would stop at the first. A parsing form leaves its instance untouched, so
            # the rule is asked of a file built from what was typed.
            typed = construct_instance(self.form, Client())
            for section, form in self._rows():
                try:
                    check_person(typed, section.person)
                except ValidationError as error:
                    form.add_error(None, error.message_dict["person"])
                    valid = False
        return valid

    @property
    def client_data(self) -> dict[str, Any]:
        data = dict(self.form.cleaned_data)
        data.pop("confirm_duplicate")
        return data

    @property
    def confirmed_duplicate(self) -> bool:
        return self.form.cleaned_data["confirm_duplicate"]

    def facts(self) -> dict[type[Model], list[dict[str, Any]]]:
        """The rows by model, the client's before the spouse's, for ``create_client``."""
        facts: dict[type[Model], list[dict[str, Any]]] = {}
        for section, form in self._rows():
            row = {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            facts.setdefault(section.model, []).append({**row, "person": section.person})
        return facts

    def add_service_errors(self, error: ValidationError) -> None:
        """Put the service's errors back on the client form or on the row they name."""
        if not hasattr(error, "error_dict"):
            self.form.add_error(None, error)
            return
        rows: dict[str, list[forms.Form]] = {}
        for section, form in self._rows():
            name = section.model._meta.get_field("client").remote_field.related_name
            rows.setdefault(name, []).append(form)
        for path, messages in error.message_dict.items():
            name, _, rest = path.partition(".")
            index, _, field = rest.partition(".")
            if name in rows and index.isdigit() and int(index) < len(rows[name]):
                _put(rows[name][int(index)], field, messages)
            else:
                _put(self.form, path, messages)


def _put(form: forms.BaseForm, field: str, messages: list[str]) -> None:
    """On the field when the form shows it, else on top of the form (never lost unseen)."""
    shown = field in form.fields and not form.fields[field].widget.is_hidden
    form.add_error(field if shown else None, messages)
