"""Draws (IRCC rounds of invitations) and the kinds of round they belong to (DESIGN.md §4).

The re-evaluation (runs, chunks, standings) is in ``reevaluation.py``.
"""

import re
from datetime import UTC, date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from draws import pool as pool_bands

CRS_MAX = 1200
CRS_RANGE_MESSAGE = f"A CRS score is between 0 and {CRS_MAX}."
INVITATIONS_MESSAGE = "A round issues at least one invitation."
# IRCC's round numbers are digits, except 91a and 91b (two rounds held on 2018-05-30).
ROUND_NUMBER = re.compile(r"^([1-9][0-9]*)([a-z]?)$")


class Family(models.TextChoices):
    """What a consultant calls a kind of round; the values of the categories match
    ``scoring.categories.Family`` (a test checks it)."""

    GENERAL = "general", "General (all programs)"
    CEC = "cec", "Canadian Experience Class"
    FSW = "fsw", "Federal Skilled Worker"
    FST = "fst", "Federal Skilled Trades"
    PNP = "pnp", "Provincial Nominee Program"
    FRENCH = "french", "French-language proficiency"
    HEALTHCARE = "healthcare", "Healthcare and social services"
    STEM = "stem", "STEM"
    TRADE = "trade", "Trades"
    TRANSPORT = "transport", "Transport"
    AGRICULTURE = "agriculture", "Agriculture and agri-food"
    EDUCATION = "education", "Education"
    PHYSICIANS = "physicians", "Physicians with Canadian work experience"
    RESEARCHERS = "researchers", "Researchers with Canadian work experience"
    SENIOR_MANAGERS = "senior_managers", "Senior managers with Canadian work experience"
    MILITARY = "military", "Skilled military recruits"


class DrawCategory(models.Model):
    """A kind of round: a program (general, CEC, FSW, FST, PNP) or one version of a category.

    Rows are copies of ``scoring.categories`` made by ``draws.categories.sync_categories``; the
    engine stays the authority on eligibility and is asked by ``key``.
    """

    class Kind(models.TextChoices):
        PROGRAM = "program", "Program"
        CATEGORY = "category", "Category"

    key = models.SlugField(
        max_length=40, unique=True, help_text="The scoring engine's key for this kind of round."
    )
    name = models.CharField(max_length=120)
    version = models.CharField(max_length=40, blank=True, help_text="e.g. 2023-Version 1")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    family = models.CharField(max_length=20, choices=Family.choices)
    in_force_from = models.DateField(null=True, blank=True, help_text="Empty: always.")
    in_force_to = models.DateField(null=True, blank=True, help_text="Last day; empty: current.")
    noc_codes = models.JSONField(default=list, blank=True, help_text="NOC 2021 codes, sorted.")
    experience_rule = models.CharField(max_length=20, blank=True)
    feed_labels = models.JSONField(
        default=list, blank=True, help_text="Round names in IRCC's feed that mean this kind."
    )

    class Meta:
        # Programs first ("program" > "category"): most rounds are CEC or PNP.
        ordering = ["-kind", "family", "in_force_from", "key"]
        verbose_name_plural = "draw categories"

    def __str__(self) -> str:
        return f"{self.name} ({self.version})" if self.version else self.name

    def in_force(self, on: date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= on) and (
            self.in_force_to is None or on <= self.in_force_to
        )


def number_sequence(number: str) -> int:
    """The numeric part of a round number, for ordering: "91b" -> 91."""
    match = ROUND_NUMBER.match(number)
    if match is None:
        raise ValueError(f"{number!r} is not an IRCC round number")
    return int(match.group(1))


class Draw(models.Model):
    """One IRCC round of invitations.

    ``number`` is IRCC's round number exactly as published: text, because rounds 91a and 91b
    exist. It is the natural key used by URLs, the API and the import. ``sequence`` is its numeric
    part, kept for ordering ("100" sorts before "91" as text).
    """

    class Source(models.TextChoices):
        ADMIN = "admin", "Admin"
        IMPORT = "import", "IRCC import"
        API = "api", "API"

    number = models.CharField(
        max_length=8,
        unique=True,
        validators=[
            RegexValidator(
                ROUND_NUMBER,
                "A round number is IRCC's number, digits with an optional letter (e.g. 91a).",
            )
        ],
        help_text="IRCC's round number, e.g. 434 or 91a.",
    )
    sequence = models.PositiveIntegerField(editable=False)
    held_on = models.DateField("draw date")
    category = models.ForeignKey(
        DrawCategory, on_delete=models.PROTECT, related_name="draws", verbose_name="round type"
    )
    invitations = models.PositiveIntegerField(
        validators=[MinValueValidator(1, INVITATIONS_MESSAGE)]
    )
    cutoff = models.PositiveSmallIntegerField(
        "minimum CRS",
        validators=[
            MinValueValidator(0, CRS_RANGE_MESSAGE),
            MaxValueValidator(CRS_MAX, CRS_RANGE_MESSAGE),
        ],
    )
    tie_break_at = models.DateTimeField(
        "tie-breaking rule (UTC)",
        null=True,
        blank=True,
        help_text="Profiles at the cut-off submitted before this moment were invited. "
        "IRCC published none before round 77 (2017-11-15).",
    )
    ran_at = models.DateTimeField("round run at (UTC)", null=True, blank=True)
    ircc_name = models.CharField(
        "IRCC round name", max_length=200, blank=True, help_text="As IRCC publishes it today."
    )
    programs = models.CharField("eligible programs", max_length=200, blank=True)
    ircc_url = models.URLField("IRCC page", max_length=300, blank=True)
    pool = models.JSONField(
        "pool distribution",
        null=True,
        blank=True,
        help_text='Candidates per CRS band, e.g. {"601-1200": 500, …, "total": 229100}; '
        "empty when IRCC published none.",
    )
    pool_as_of = models.DateField("pool as of", null=True, blank=True)
    pool_warning = models.CharField(
        max_length=300, blank=True, help_text="Inconsistencies in IRCC's published pool data."
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    revision = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by every correction that changes who would be invited (date, "
        "round type, cut-off, tie-break); standings carry the revision they were computed for.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-sequence", "-number"]
        indexes = [models.Index(fields=["-held_on", "-sequence"], name="draw_newest_first")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cutoff__gte=0, cutoff__lte=CRS_MAX), name="draw_cutoff_0_1200"
            ),
            models.CheckConstraint(
                condition=models.Q(invitations__gt=0), name="draw_invitations_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Round {self.number} ({self.held_on})"

    def save(self, *args, **kwargs) -> None:
        # Derived here, not by callers: factories, the shell and history reverts must never
        # store a sequence that disagrees with the number.
        self.sequence = number_sequence(self.number)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("draws:draw_detail", kwargs={"number": self.number})

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.held_on and self.held_on > timezone.localdate():
            errors["held_on"] = (
                f"The draw date {self.held_on:%Y-%m-%d} is in the future; "
                "record a round only once IRCC has held it."
            )
        if self.held_on and self.tie_break_at:
            # IRCC runs rounds in Ottawa; a tie-break late on the draw day is the next day in UTC.
            local = timezone.localtime(self.tie_break_at).date()
            if local > self.held_on:
                at = self.tie_break_at.astimezone(UTC)
                errors["tie_break_at"] = (
                    f"The tie-breaking time ({at:%Y-%m-%d %H:%M} UTC) is after the draw date "
                    f"({self.held_on:%Y-%m-%d}); it is always before the round."
                )
        if self.held_on and self.category_id and not self.category.in_force(self.held_on):
            errors["category"] = (
                f"{self.category} was not in force on {self.held_on:%Y-%m-%d} "
                f"({_in_force_text(self.category)}); choose the version in force that day."
            )
        errors.update(pool_bands.problems(self.pool, self.pool_as_of))
        if errors:
            raise ValidationError(errors)


def _in_force_text(category: DrawCategory) -> str:
    start = f"from {category.in_force_from:%Y-%m-%d}" if category.in_force_from else ""
    end = f"to {category.in_force_to:%Y-%m-%d}" if category.in_force_to else "onwards"
    return f"in force {start} {end}".replace("  ", " ")
