"""The facts a client file holds in rows: credentials, language tests and work periods.

Each row belongs to the client or to their spouse (``person``), so the spouse's education, tests
and Canadian work are recorded the same way and accrue with time the same way. Validation reuses
the scoring engine's own value types, so a row the forms accept is a row the engine can score.
"""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from eeportal.i18n import tr
from profiles.choices import EducationLevel, LanguageTestChoice, Person
from profiles.noc import occupation, shown_title
from scoring import types as scoring
from scoring.dates import years_after
from scoring.rules import EXPRESS_ENTRY_START

from .clients import EARLIEST_FACT_DATE, Client


def _engine_errors(error: scoring.InvalidInput) -> ValidationError:
    # The engine names fields as our models do ("listening", "end"), so errors land on the field.
    return ValidationError(
        # The engine's messages are marked (N_/T_): said in the reader's language.
        {
            name.split(".")[-1]: [tr(message) for message in messages]
            for name, messages in error.errors.items()
        }
    )


MAX_PLANNED_END_YEARS = 10


def _not_in_future(errors: dict, **dates) -> None:
    today = timezone.localdate()
    for name, value in dates.items():
        if value is not None and value > today:
            errors[name] = gettext("This date is in the future.")


def _not_before(errors: dict, earliest: date, message: str, **dates) -> None:
    for name, value in dates.items():
        if value is not None and value < earliest and name not in errors:
            errors[name] = message


def _before_1950() -> str:
    # Built when validating, in the reader's language and date format.
    return gettext("Enter a date from %(day)s on.") % {"day": date_format(EARLIEST_FACT_DATE)}


# Full time is 30 h a week and hours beyond it add nothing to experience (crs-rules.md §2.5,
# scoring.experience), so a cap loses no points; it catches typing slips (100 for 40, a
# month's hours) while allowing the long weeks of residents and seasonal work that are real.
MAX_HOURS_PER_WEEK = 80


def _too_many_hours() -> str:
    return gettext(
        "Enter at most %(most)s hours a week. Full time is 30 hours a week and hours "
        "beyond it add no experience, so %(most)s loses nothing for a longer week."
    ) % {"most": MAX_HOURS_PER_WEEK}


class Fact(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.CharField(
        max_length=10, choices=Person.choices, default=Person.PRINCIPAL, verbose_name=_("person")
    )

    class Meta:
        abstract = True


class EducationCredential(Fact):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="credentials")
    level = models.CharField(max_length=20, choices=EducationLevel.choices, verbose_name=_("level"))
    in_canada = models.BooleanField(
        default=False,
        verbose_name=_("Canadian credential"),
        help_text=_("Earned at a Canadian institution (8+ months of full-time study in Canada)."),
    )
    length_years = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        verbose_name=_("program length (years)"),
    )
    completed_on = models.DateField(null=True, blank=True, verbose_name=_("completed on"))
    eca_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("ECA issued on"),
        help_text=_("Foreign credentials count only with an ECA less than 5 years old."),
    )
    institution = models.CharField(max_length=200, blank=True, verbose_name=_("institution"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-completed_on", "pk"]

    def __str__(self) -> str:
        return self.get_level_display()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.in_canada and self.eca_date:
            errors["eca_date"] = gettext("A Canadian credential needs no ECA.")
        _not_in_future(errors, completed_on=self.completed_on, eca_date=self.eca_date)
        _not_before(
            errors, EARLIEST_FACT_DATE, _before_1950(),
            completed_on=self.completed_on, eca_date=self.eca_date,
        )  # fmt: skip
        if errors:
            raise ValidationError(errors)


class LanguageTestResult(Fact):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="language_results")
    test = models.CharField(
        max_length=10, choices=LanguageTestChoice.choices, verbose_name=_("test")
    )
    listening = models.FloatField(verbose_name=_("listening"))
    reading = models.FloatField(verbose_name=_("reading"))
    writing = models.FloatField(verbose_name=_("writing"))
    speaking = models.FloatField(verbose_name=_("speaking"))
    test_date = models.DateField(
        help_text=_("Results count for 2 years from this date."), verbose_name=_("test date")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-test_date", "pk"]
        indexes = [
            # The client list's "a result expires within N days" (issue 16): the results
            # taken in a date range, and whose they are, without reading the table.
            models.Index(fields=["person", "test_date", "client"], name="language_result_expiry"),
        ]

    def __str__(self) -> str:
        return self.as_result().summary

    def as_result(self) -> scoring.LanguageResult:
        """The engine's value for this row (converts the scores to CLB/NCLC levels)."""
        return scoring.LanguageResult(
            self.test, self.listening, self.reading, self.writing, self.speaking, self.test_date
        )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        _not_in_future(errors, test_date=self.test_date)
        _not_before(
            errors, EXPRESS_ENTRY_START,
            # A result counts for 2 years (§9): one taken before Express Entry never counts.
            gettext(
                "Enter a test date from %(day)s on: Express Entry opened then, and a result "
                "counts for 2 years."
            ) % {"day": date_format(EXPRESS_ENTRY_START)},
            test_date=self.test_date,
        )  # fmt: skip
        if errors:
            raise ValidationError(errors)
        scores = (self.listening, self.reading, self.writing, self.speaking)
        if self.test and self.test_date and None not in scores:
            try:
                self.as_result()
            except scoring.InvalidInput as error:
                raise _engine_errors(error) from error


class WorkPeriod(Fact):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="work_periods")
    noc = models.CharField(max_length=5, verbose_name=_("NOC 2021 code"))
    title = models.CharField(max_length=200, blank=True, verbose_name=_("job title"))
    teer = models.PositiveSmallIntegerField(editable=False)
    employer = models.CharField(max_length=200, blank=True, verbose_name=_("employer"))
    start = models.DateField(verbose_name=_("start"))
    end = models.DateField(
        null=True,
        blank=True,
        help_text=_("Leave empty if still working there."),
        verbose_name=_("end"),
    )
    hours_per_week = models.FloatField(
        default=40,
        validators=[MinValueValidator(0.5), MaxValueValidator(168)],
        verbose_name=_("hours per week"),
    )
    in_canada = models.BooleanField(default=False, verbose_name=_("in Canada"))
    authorised = models.BooleanField(
        default=True,
        help_text=_("Held with authorisation to work (Canadian work)."),
        verbose_name=_("authorised"),
    )
    self_employed = models.BooleanField(default=False, verbose_name=_("self employed"))
    student = models.BooleanField(
        default=False,
        verbose_name=_("while a full-time student"),
        help_text=_("Canadian work only."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-start", "pk"]

    def __str__(self) -> str:
        # The NOC's French title on French pages (a title someone typed stays as typed).
        return f"{self.noc} {shown_title(self.noc, self.title, get_language())}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        code = (self.noc or "").strip()
        found = occupation(code)
        if found is None and len(code) == 5 and code.isdigit():
            # Five digits, so "not 5 digits" would be wrong: the code is simply not in NOC 2021.
            errors["noc"] = gettext(
                "%(code)s is not a NOC 2021 unit group; check the code on the NOC 2021 list "
                "(for example 21232, software developers and programmers)."
            ) % {"code": code}
        elif found is None:
            errors["noc"] = gettext("Enter a 5-digit NOC 2021 unit group code (for example 21232).")
        else:
            self.noc, self.teer = found.code, found.teer
            self.title = self.title or found.title
        _not_in_future(errors, start=self.start)
        _not_before(errors, EARLIEST_FACT_DATE, _before_1950(), start=self.start, end=self.end)
        if self.hours_per_week is not None and MAX_HOURS_PER_WEEK < self.hours_per_week <= 168:
            # Above 168 the field's own validator says so (a week has 168 hours).
            errors["hours_per_week"] = _too_many_hours()
        if self.start and self.end and self.end < self.start:
            errors["end"] = gettext("The end date is before the start date.")
        elif self.end and self.end > years_after(timezone.localdate(), MAX_PLANNED_END_YEARS):
            # A planned end is fine; a far one is a typo (and 9999 overflowed the scoring).
            errors["end"] = gettext(
                "Enter an end date at most %(years)s years from today, or leave it "
                "blank for a job that goes on."
            ) % {"years": MAX_PLANNED_END_YEARS}
        if errors:
            raise ValidationError(errors)
