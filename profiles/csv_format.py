"""The client CSV: one row per client, fact rows as numbered column groups.

The same definition drives the import, the export, the downloadable template and the column
table on the import page, so the documentation cannot drift from the parser. Every field the
forms and the API take is a column, so an export imports again as the same file and score.

A client may have any number of each kind of fact: groups are numbered from 1
(``language1_…``, ``language2_…``, ``language3_…``) up to ``MAX_GROUPS``; the spouse's first
group has no number (``spouse_language_…``), the next ones do (``spouse_language2_…``). The
template shows the first few; the export writes as many as its busiest client needs.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from profiles.choices import Person
from profiles.fields import CLIENT_FIELDS, FACT_FIELDS
from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod
from scoring.text import N_

MAX_GROUPS = 99  # per kind of fact and person: far more than any file holds


@dataclass(frozen=True)
class Kind:
    """One kind of fact row of one person: the client's jobs, the spouse's tests, …"""

    name: str  # "work", "spouse_language"
    model: type[models.Model]
    person: str
    label: str  # "Job", "Spouse's language test"
    template_groups: int  # how many groups the template and the column guide show

    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name in FACT_FIELDS[self.model] if name != "person")

    def prefix(self, number: int) -> str:
        if self.person == Person.SPOUSE and number == 1:
            return self.name
        return f"{self.name}{number}"

    def group(self, number: int) -> Group:
        return Group(self, number)

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(rf"{self.name}([1-9]\d*|)_({'|'.join(self.fields)})")

    def number(self, digits: str) -> int | None:
        """The group number that ``digits`` (from a column name) stands for, if valid."""
        if self.person == Person.SPOUSE:
            number = int(digits) if digits else 1
            return number if digits != "1" and number <= MAX_GROUPS else None
        return int(digits) if digits and int(digits) <= MAX_GROUPS else None


@dataclass(frozen=True)
class Group:
    """A numbered set of columns filling one fact row: ``language2_test``, ``language2_…``."""

    kind: Kind
    number: int

    @property
    def model(self) -> type[models.Model]:
        return self.kind.model

    @property
    def person(self) -> str:
        return self.kind.person

    @property
    def fields(self) -> tuple[str, ...]:
        return self.kind.fields

    def column(self, field: str) -> str:
        return f"{self.kind.prefix(self.number)}_{field}"

    @property
    def columns(self) -> list[str]:
        return [self.column(field) for field in self.fields]

    @property
    def label(self) -> str:
        # Marked N_ in KINDS (English in the dataclass, which is hashed); worded when shown.
        label = gettext(self.kind.label)
        if self.number == 1:
            return label
        return gettext("%(label)s %(number)s") % {"label": label, "number": self.number}


_P, _S = Person.PRINCIPAL.value, Person.SPOUSE.value
KINDS = (
    Kind("education", EducationCredential, _P, N_("Education credential"), 2),
    Kind("language", LanguageTestResult, _P, N_("Language test"), 2),
    Kind("work", WorkPeriod, _P, N_("Job"), 3),
    Kind("spouse_education", EducationCredential, _S, N_("Spouse's credential"), 1),
    Kind("spouse_language", LanguageTestResult, _S, N_("Spouse's language test"), 1),
    Kind("spouse_work", WorkPeriod, _S, N_("Spouse's job"), 1),
)
REQUIRED = frozenset({"first_name", "last_name", "birth_date"})
# Written by the export, ignored by the import, so an exported file can be edited and re-imported.
EXPORT_ONLY = ("public_id", "current_crs", "crs_computed_on")


# A text cell starting with one of these is a formula to a spreadsheet: "=HYPERLINK(...)" in an
# address a client may edit would run on the consultant's machine (OWASP "CSV Injection"). The
# export writes such a cell with a leading apostrophe, which spreadsheets read as "text", and
# the import takes exactly that apostrophe off again, so "+1 416 555 0199" comes back as it was.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def restore(cell: str) -> str:
    """The text ``neutralise`` was given: one leading apostrophe off a would-be formula only."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def groups(counts: dict[Kind, int]) -> list[Group]:
    """``counts[kind]`` groups of each kind, in the order of ``KINDS``."""
    return [kind.group(n) for kind in KINDS for n in range(1, counts.get(kind, 0) + 1)]


def columns(of_groups: list[Group]) -> list[str]:
    return [*CLIENT_FIELDS, *(column for group in of_groups for column in group.columns)]


GROUPS = groups({kind: kind.template_groups for kind in KINDS})
COLUMNS = columns(GROUPS)


def group_of(column: str) -> Group | None:
    """The fact group a column belongs to (``work4_start`` → the client's 4th job), or None."""
    for kind in KINDS:
        found = kind.pattern.fullmatch(column)
        if found and (number := kind.number(found.group(1))) is not None:
            return kind.group(number)
    return None


_HINTS = {  # DateTimeField before DateField: it is a subclass
    models.BooleanField: _("yes or no"),
    models.DateTimeField: _(
        "date and time, ISO 8601 (2026-01-15T09:30:00-05:00); without an offset it is Eastern time"
    ),
    models.DateField: _("date, YYYY-MM-DD"),
    models.FloatField: _("number"),
    models.PositiveSmallIntegerField: _("whole number"),
}


def _describe(model: type[models.Model], field_name: str) -> tuple[str, str]:
    field = model._meta.get_field(field_name)
    allowed = " | ".join(str(value) for value, _label in field.choices) if field.choices else ""
    kind = allowed or next(
        (hint for cls, hint in _HINTS.items() if isinstance(field, cls)), _("text")
    )
    return str(field.verbose_name).capitalize(), kind


def _is_codes(model: type[models.Model], field_name: str) -> bool:
    """Whether the accepted values are codes to type as they are (a choice's values)."""
    return bool(model._meta.get_field(field_name).choices)


def documentation() -> list[dict[str, str]]:
    """One entry per template column: name, whether required, meaning and accepted values."""
    rows = []
    for name in CLIENT_FIELDS:
        meaning, values = _describe(Client, name)
        rows.append(
            {"column": name, "required": name in REQUIRED, "meaning": meaning, "values": values,
             "codes": _is_codes(Client, name)}
        )  # fmt: skip
    for group in GROUPS:
        for field in group.fields:
            meaning, values = _describe(group.model, field)
            rows.append(
                {
                    "column": group.column(field),
                    "required": False,
                    "meaning": gettext("%(group)s: %(meaning)s")
                    % {"group": group.label, "meaning": meaning.lower()},
                    "values": values,
                    "codes": _is_codes(group.model, field),
                }
            )
    return rows


EXAMPLES = (
    {
        "first_name": "Amara", "last_name": "Okafor", "email": "amara@example.com",
        "birth_date": "1996-04-12", "marital_status": "never_married",
        "profile_submitted_at": "2026-03-02T10:15:00-05:00",
        "education1_level": "masters", "education1_in_canada": "no",
        "education1_length_years": "2", "education1_completed_on": "2021-06-30",
        "education1_eca_date": "2025-09-01",
        "language1_test": "ielts", "language1_listening": "8.5", "language1_reading": "8",
        "language1_writing": "7", "language1_speaking": "7.5", "language1_test_date": "2026-01-20",
        "work1_noc": "21232", "work1_start": "2020-01-06", "work1_hours_per_week": "40",
        "work1_in_canada": "no",
    },
    {
        "first_name": "Luc", "last_name": "Bergeron", "birth_date": "1990-11-03",
        "marital_status": "married", "spouse_name": "Maya Bergeron", "spouse_accompanying": "yes",
        "education1_level": "bachelors", "education1_in_canada": "yes",
        "education1_length_years": "4", "education1_completed_on": "2014-05-15",
        "language1_test": "tef", "language1_listening": "560", "language1_reading": "540",
        "language1_writing": "500", "language1_speaking": "520",
        "language1_test_date": "2025-12-01",
        "language2_test": "celpip", "language2_listening": "9", "language2_reading": "8",
        "language2_writing": "8", "language2_speaking": "9", "language2_test_date": "2025-11-15",
        "work1_noc": "31301", "work1_start": "2022-02-01", "work1_hours_per_week": "37.5",
        "work1_in_canada": "yes", "work1_authorised": "yes",
        "spouse_education_level": "two_year", "spouse_education_in_canada": "yes",
        "nomination_province": "NS", "nominated_on": "2026-06-10",
    },
)  # fmt: skip


def template_csv() -> str:
    """The downloadable template: the header and two example clients."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for example in EXAMPLES:
        writer.writerow(example)
    return out.getvalue()
