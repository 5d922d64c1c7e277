"""The client CSV: one row per client, fact rows as numbered column groups.

The same definition drives the import, the export, the downloadable template and the column
table on the import page, so the documentation cannot drift from the parser.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import models

from profiles.choices import Person
from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod


@dataclass(frozen=True)
class Group:
    """A numbered set of columns filling one fact row: ``language1_test``, ``language1_...``."""

    prefix: str
    model: type[models.Model]
    person: str
    fields: tuple[str, ...]
    label: str

    def column(self, field: str) -> str:
        return f"{self.prefix}_{field}"

    @property
    def columns(self) -> list[str]:
        return [self.column(field) for field in self.fields]


CLIENT_FIELDS = (
    "first_name", "last_name", "email", "phone", "birth_date", "marital_status",
    "first_official_language", "spouse_name", "spouse_accompanying", "spouse_citizen_or_pr",
    "certificate_issued_on", "certificate_province", "nomination_province", "nominated_on",
    "job_offer", "sibling_in_canada", "profile_submitted_at", "ita_received_on",
)  # fmt: skip
REQUIRED = frozenset({"first_name", "last_name", "birth_date"})
_EDUCATION = ("level", "in_canada", "length_years", "completed_on", "eca_date")
_LANGUAGE = ("test", "listening", "reading", "writing", "speaking", "test_date")
_WORK = ("noc", "title", "start", "end", "hours_per_week", "in_canada", "authorised")
_P, _S = Person.PRINCIPAL.value, Person.SPOUSE.value
GROUPS = (
    Group("education1", EducationCredential, _P, _EDUCATION, "Education credential"),
    Group("education2", EducationCredential, _P, _EDUCATION, "Second credential"),
    Group("language1", LanguageTestResult, _P, _LANGUAGE, "Language test"),
    Group("language2", LanguageTestResult, _P, _LANGUAGE, "Second language test"),
    Group("work1", WorkPeriod, _P, _WORK, "Job"),
    Group("work2", WorkPeriod, _P, _WORK, "Second job"),
    Group("work3", WorkPeriod, _P, _WORK, "Third job"),
    Group("spouse_education", EducationCredential, _S, _EDUCATION, "Spouse's credential"),
    Group("spouse_language", LanguageTestResult, _S, _LANGUAGE, "Spouse's language test"),
    Group("spouse_work", WorkPeriod, _S, _WORK, "Spouse's job"),
)
# Written by the export, ignored by the import, so an exported file can be edited and re-imported.
EXPORT_ONLY = ("public_id", "current_crs", "crs_computed_on")
COLUMNS = [*CLIENT_FIELDS, *(column for group in GROUPS for column in group.columns)]

_HINTS = {  # DateTimeField before DateField: it is a subclass
    models.BooleanField: "yes or no",
    models.DateTimeField: "date and time, ISO 8601 (2026-01-15T09:30:00-05:00); "
    "without an offset it is Eastern time",
    models.DateField: "date, YYYY-MM-DD",
    models.FloatField: "number",
    models.PositiveSmallIntegerField: "whole number",
}


def _describe(model: type[models.Model], field_name: str) -> tuple[str, str]:
    field = model._meta.get_field(field_name)
    allowed = " | ".join(str(value) for value, _ in field.choices) if field.choices else ""
    kind = allowed or next((hint for cls, hint in _HINTS.items() if isinstance(field, cls)), "text")
    return str(field.verbose_name).capitalize(), kind


def documentation() -> list[dict[str, str]]:
    """One entry per column: name, whether required, meaning and accepted values."""
    rows = []
    for name in CLIENT_FIELDS:
        meaning, values = _describe(Client, name)
        rows.append(
            {"column": name, "required": name in REQUIRED, "meaning": meaning, "values": values}
        )
    for group in GROUPS:
        for field in group.fields:
            meaning, values = _describe(group.model, field)
            rows.append(
                {
                    "column": group.column(field),
                    "required": False,
                    "meaning": f"{group.label}: {meaning.lower()}",
                    "values": values,
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
