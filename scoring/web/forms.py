"""The calculator form: widgets and labels for every DESIGN.md §3 input, and nothing else.

Every field is a plain text, select or checkbox field with no validation of its own: ``clean``
translates the posted values into the §3 dict and hands it to ``parse_request``, so the page, the
API and the ``crs`` command accept and refuse exactly the same input with the same messages. The
engine's field paths (``"first_language.listening"``) are mapped back onto the form fields here.
"""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eeportal.i18n import tr
from scoring.errors import InvalidInput
from scoring.labels import CANADIAN_EDUCATION_LABELS, EDUCATION_LABELS
from scoring.language import ABILITIES, LanguageTest
from scoring.parsing import ScoreRequest, parse_request
from scoring.rules import EXPRESS_ENTRY_START, NO_JOB_OFFER_POINTS_FROM
from scoring.types import Education, JobOffer

TEST_CHOICES = [
    ("", _("No test result")),
    (LanguageTest.IELTS, _("IELTS General Training")),
    (LanguageTest.CELPIP, _("CELPIP-General")),
    (LanguageTest.PTE_CORE, _("PTE Core")),
    (LanguageTest.TEF, _("TEF Canada (French)")),
    (LanguageTest.TCF, _("TCF Canada (French)")),
    (LanguageTest.CLB, _("CLB levels, English (enter the levels directly)")),
    (LanguageTest.NCLC, _("NCLC levels, French (enter the levels directly)")),
]
# The engine's labels are marked with N_ (no Django there): translated here, when shown.
EDUCATION_CHOICES = [
    ("", _("Choose…")),
    *((key, _(label)) for key, label in EDUCATION_LABELS.items()),
]
JOB_OFFER_CHOICES = [
    (JobOffer.NONE, _("No job offer")),
    (JobOffer.NOC_00, _("Job offer in NOC 2021 Major Group 00 (senior management)")),
    (JobOffer.OTHER, _("Job offer in another skilled occupation")),
]
SINGLE, ACCOMPANYING, NOT_ACCOMPANYING = "single", "accompanying", "not_accompanying"
MARITAL_CHOICES = [
    (SINGLE, _("Single, separated, divorced or widowed")),
    (ACCOMPANYING, _("Married or common-law; partner coming to Canada, not a citizen or PR")),
    (
        NOT_ACCOMPANYING,
        _("Married or common-law; partner is a Canadian citizen or PR, or not coming"),
    ),
]
# Partner answers left blank are scored as nothing, not refused: a spouse with no education
# given earns 0 for it and one with no test result 0 for language (crs-rules.md §3), so the score
# shows the moment "partner coming" is chosen, with these named as not given (issue 12). The API
# keeps asking for the education: there a blank is a mistake, here it is half-way through typing.
PARTNER_NOT_GIVEN = {  # field: (what, how it is scored meanwhile)
    "spouse_education": (
        _("Partner's highest level of education"),
        _("counted as no education (0 points)"),
    ),
    "spouse_language_test": (
        _("Partner's official language test"),
        _("counted as no test result (0 points for language)"),
    ),
}
# Engine paths that name a whole object land on the field that chooses it.
_OBJECT_FIELDS = {
    "first_language": "first_language_test",
    "second_language": "second_language_test",
    "spouse": "marital_status",
    "spouse_language": "spouse_language_test",
}


def _text(label: str, help_text: str = "", *, kind: str = "number", **attrs: str) -> forms.Field:
    widget_attrs = {"inputmode": "decimal"} if kind == "number" else {}
    widget_attrs.update(attrs)
    widget = forms.DateInput if kind == "date" else forms.TextInput
    if kind == "date":
        widget_attrs["type"] = "date"
    return forms.CharField(
        label=label, help_text=help_text, required=False, widget=widget(attrs=widget_attrs)
    )


def _select(label: str, choices: list, help_text: str = "") -> forms.Field:
    # A CharField, not a ChoiceField: a value outside the list goes to the engine, which names it.
    return forms.CharField(
        label=label, help_text=help_text, required=False, widget=forms.Select(choices=choices)
    )


def _flag(label: str, help_text: str = "") -> forms.Field:
    return forms.BooleanField(label=label, help_text=help_text, required=False)


ABILITY_LABELS = {
    "listening": _("Listening"),
    "reading": _("Reading"),
    "writing": _("Writing"),
    "speaking": _("Speaking"),
}


def _hidden_label(what: str, name: str) -> SafeString:
    return format_html('<span class="visually-hidden">{} </span>{}', what, name)


# Built when shown, so in the reader's language (the form class is built once, at import).
_hidden_label_lazy = lazy(_hidden_label, SafeString)


def _language_fields(what: str) -> tuple[forms.Field, ...]:
    """Test, listening, reading, writing, speaking and test date of one language result."""
    # The visible label is just "Listening"; the hidden prefix keeps three "Listening" inputs
    # apart for screen readers and in the error summary.
    # The placeholder is given as plain text: django-bootstrap5 would otherwise take it from the
    # label, strip the span's tags and escape the escaped apostrophe again, so the box read
    # "Partner&#x27;s Listening".
    placeholder = _("{what} {name}")
    test_date = _("Test date")
    return (
        _select(_hidden_label_lazy(what, _("Test")), TEST_CHOICES),
        *(
            _text(
                _hidden_label_lazy(what, name),
                placeholder=format_lazy(placeholder, what=what, name=name),
            )
            for name in (ABILITY_LABELS[ability] for ability in ABILITIES)
        ),
        _text(
            _hidden_label_lazy(what, test_date),
            _("Results count for 2 years. Needed for TEF Canada; leave blank to ignore expiry."),
            kind="date",
            placeholder=format_lazy(placeholder, what=what, name=test_date),
        ),
    )


def _with_day(message: str, day: date) -> str:
    return gettext(message) % {"day": date_format(day)}


# A help text naming a date: translated, and the date written, when the form is shown.
_with_day_lazy = lazy(_with_day, str)


_RULES_FROM = _("The rules in force on this date apply (any date from %(day)s).")
_JOB_OFFER_UNTIL = _("Scores only before %(day)s: from that date a job offer earns no CRS points.")


class CalculatorForm(forms.Form):
    as_of = _text(
        _("Score as of"),
        _with_day_lazy(_RULES_FROM, EXPRESS_ENTRY_START),
        kind="date",
    )
    birth_date = _text(_("Date of birth"), _("Or give your age instead."), kind="date")
    age = _text(_("Age"), _("Used only without a date of birth."), inputmode="numeric")
    education = _select(_("Highest level of education"), EDUCATION_CHOICES)
    canadian_education = _select(
        _("Canadian post-secondary education"),
        [(key, _(label)) for key, label in CANADIAN_EDUCATION_LABELS.items()],
        _("A Canadian diploma, degree or certificate earns additional points."),
    )
    (
        first_language_test, first_language_listening, first_language_reading,
        first_language_writing, first_language_speaking, first_language_test_date,
    ) = _language_fields(_("First language"))  # fmt: skip
    (
        second_language_test, second_language_listening, second_language_reading,
        second_language_writing, second_language_speaking, second_language_test_date,
    ) = _language_fields(_("Second language"))  # fmt: skip
    canadian_experience_years = _text(
        _("Years of skilled work in Canada"),
        _("Full years; 5 or more score the same."),
        inputmode="numeric",
    )
    foreign_experience_years = _text(
        _("Years of skilled work outside Canada"),
        _("Full years in the last 10; 3 or more score the same."),
        inputmode="numeric",
    )
    certificate_of_qualification = _flag(
        _("Certificate of qualification in a trade"),
        _("Issued by a Canadian province or territory."),
    )
    provincial_nomination = _flag(_("Provincial or territorial nomination"))
    job_offer = _select(
        _("Job offer"),
        JOB_OFFER_CHOICES,
        _with_day_lazy(_JOB_OFFER_UNTIL, NO_JOB_OFFER_POINTS_FROM),
    )
    sibling_in_canada = _flag(
        _("Brother or sister in Canada"),
        _(
            "A citizen or permanent resident, 18 or older, living in Canada (yours or your "
            "partner's)."
        ),
    )
    marital_status = _select(_("Marital status"), MARITAL_CHOICES)
    spouse_education = _select(_("Partner's highest level of education"), EDUCATION_CHOICES)
    spouse_canadian_experience_years = _text(
        _("Partner's years of skilled work in Canada"), inputmode="numeric"
    )
    (
        spouse_language_test, spouse_language_listening, spouse_language_reading,
        spouse_language_writing, spouse_language_speaking, spouse_language_test_date,
    ) = _language_fields(_("Partner's"))  # fmt: skip

    settlement_funds = _text(
        _("Funds available (CAD)"),
        _("Money you can use to settle: savings you can show, not borrowed."),
        inputmode="numeric",
    )
    family_size = _text(
        _("People in your family"),
        _("You, your partner and your dependent children, even those not coming to Canada."),
        inputmode="numeric",
    )

    def __init__(self, *args, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["as_of"].initial = today.isoformat()
        self.score_request: ScoreRequest | None = None
        self.not_given: list[str] = []  # PARTNER_NOT_GIVEN's fields left blank, scored as none

    def clean(self) -> dict:
        data = super().clean()
        if data.get("marital_status") not in (SINGLE, ACCOMPANYING, NOT_ACCOMPANYING, ""):
            # Not a §3 field, so the engine cannot check it.
            self.add_error("marital_status", gettext("Choose one of the listed options."))
        if data.get("marital_status") == ACCOMPANYING:
            blank = {
                "spouse_education": not data.get("spouse_education"),
                "spouse_language_test": _language(data, "spouse_language") is None,
            }
            self.not_given = [name for name in PARTNER_NOT_GIVEN if blank[name]]
        try:
            self.score_request = parse_request(self.to_input(data), today=self.today)
        except InvalidInput as error:
            for path, messages in error.errors.items():
                for message in messages:
                    self.add_error(self.field_for(path), tr(message))
        return data

    def to_input(self, data: dict) -> dict:
        """The §3 dict for the cleaned values: blanks are left out so the engine's defaults and
        "This field is required" messages apply, except the accompanying partner's education,
        which is "none" when blank (``PARTNER_NOT_GIVEN``).
        """
        result: dict = {"spouse": None}
        for name in ("as_of", "birth_date", "education", "canadian_education", "job_offer"):
            if data.get(name):
                result[name] = data[name]
        for name in (
            "age", "canadian_experience_years", "foreign_experience_years", "settlement_funds",
            "family_size",
        ):  # fmt: skip
            if data.get(name):
                result[name] = _number(data[name])
        if isinstance(result.get("settlement_funds"), str):  # "$20,000" is read as 20000
            result["settlement_funds"] = _number(re.sub(r"[$,\s]", "", data["settlement_funds"]))
        for name in ("certificate_of_qualification", "provincial_nomination", "sibling_in_canada"):
            result[name] = bool(data.get(name))
        result["first_language"] = _language(data, "first_language")
        result["second_language"] = _language(data, "second_language")
        if data.get("marital_status") == ACCOMPANYING:
            spouse: dict = {
                "language": _language(data, "spouse_language"),
                "education": data.get("spouse_education") or Education.NONE,
            }
            if data.get("spouse_canadian_experience_years"):
                years = data["spouse_canadian_experience_years"]
                spouse["canadian_experience_years"] = _number(years)
            result["spouse"] = spouse
        return result

    def field_for(self, path: str) -> str | None:
        """The form field showing the engine's error for ``path`` (None: the top of the form)."""
        name = path.replace(".", "_")
        name = _OBJECT_FIELDS.get(name, name)
        return name if name in self.fields else None


def _number(value: str) -> int | float | str:
    """``"8"`` -> 8, ``"7.5"`` -> 7.5; anything else stays text for the engine to refuse."""
    text = value.strip()
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def _language(data: dict, prefix: str) -> dict | None:
    """One test result, or None when the group is entirely blank ("No test result")."""
    values = {key: data.get(f"{prefix}_{key}") for key in ("test", *ABILITIES, "test_date")}
    if not any(values.values()):
        return None
    # A blank test with scores filled in goes to the engine as missing, so it asks for the test.
    result: dict = {"test": values["test"] or None}
    for ability in ABILITIES:
        result[ability] = _number(values[ability]) if values[ability] else None
    if values["test_date"]:
        result["test_date"] = values["test_date"]
    return result
