"""Draws (IRCC rounds of invitations) and the kinds of round they belong to (DESIGN.md §4).

The re-evaluation's rows (runs, chunks, standings) are in ``reevaluation.py``, the pipeline that
writes them in ``draws/reevaluation/``; the date checks of ``Draw.clean`` in ``checks.py``.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from draws import pool as pool_bands
from draws.categories import PROGRAMS, category_label, family_label
from draws.models import checks
from scoring.labels import FAMILY_NAMES
from scoring.rules import EXPRESS_ENTRY_START

CRS_MAX = 1200


def _message(msgid: str, *, group: bool = False, **params: object) -> str:
    """A validator's message with values, translated when shown (not at import, when the
    translations are not loaded yet); ``group``: numbers grouped as the reader's language does."""

    def text() -> str:
        values = {
            # With no language active (migrations), as English writes it.
            k: (formats.number_format(v, force_grouping=True) if get_language() else f"{v:,}")
            if group
            else str(v)
            for k, v in params.items()
        }
        return gettext(msgid) % values

    return lazy(text, str)()


CRS_RANGE_MESSAGE = _message(gettext_noop("A CRS score is between 0 and %(max)s."), max=CRS_MAX)
INVITATIONS_MESSAGE = _("A round issues at least one invitation.")
# Far above any real round, so only a typo is refused, and far below the database's own limit
# (whose number, 9223372036854775807, was the message before).
INVITATIONS_MAX = 100_000
INVITATIONS_MAX_MESSAGE = _message(
    gettext_noop(
        "A round issues at most %(max)s invitations; IRCC's largest issued 27,332 "
        "(round 176, 2021-02-13)."
    ),
    group=True,
    max=INVITATIONS_MAX,
)
# IRCC published the tie-breaking rule from round 77 on (rounds-data.md §3).
TIE_BREAKS_PUBLISHED_FROM = date(2017, 11, 15)
# IRCC's round numbers are digits, except 91a and 91b (two rounds held on 2018-05-30).
ROUND_NUMBER = re.compile(r"^([1-9][0-9]*)([a-z]?)$")
# A round's facts, as staff, the API and the IRCC import give them: the one list that the admin
# form, the API serializer, the import and ``record_draw`` are built from, in the order the
# form and the API show them. ``source`` is not one (it says who recorded them), nor are
# ``pool_warning`` (derived from the pool), ``sequence``, ``pool_ranks`` and ``revision``
# (derived on save).
DRAW_FIELDS = (
    "number",
    "held_on",
    "category",
    "invitations",
    "cutoff",
    "tie_break_at",
    "ran_at",
    "ircc_name",
    "programs",
    "ircc_url",
    "pool",
    "pool_as_of",
)


# What a consultant calls a kind of round: the program rounds of ``draws.categories``, then the
# category families (``scoring.categories.Family``) by the names ``scoring.labels`` gives them,
# so that each name is written once.
Family = models.TextChoices(
    "Family",
    [(program.key.upper(), (program.key, family_label(program.name))) for program in PROGRAMS]
    + [(family.name, (family.value, family_label(name))) for family, name in FAMILY_NAMES.items()],
)


class DrawCategory(models.Model):
    """A kind of round: a program (general, CEC, FSW, FST, PNP) or one version of a category.

    Rows are copies of ``scoring.categories`` made by ``draws.categories.sync_categories``; the
    engine stays the authority on eligibility and is asked by ``key``.
    """

    class Kind(models.TextChoices):
        PROGRAM = "program", _("Program")
        CATEGORY = "category", _("Category")

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
        verbose_name = _("draw category")
        verbose_name_plural = _("draw categories")

    def __str__(self) -> str:
        # In the reader's language: IRCC's French names on French pages (draws.categories).
        return category_label(self.name, self.version)

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
        ADMIN = "admin", pgettext_lazy("source of a draw", "Admin")
        IMPORT = "import", _("IRCC import")
        API = "api", _("API")

    number = models.CharField(
        max_length=8,
        unique=True,
        validators=[
            RegexValidator(
                ROUND_NUMBER,
                _("A round number is IRCC's number, digits with an optional letter (e.g. 91a)."),
            )
        ],
        verbose_name=_("number"),
        help_text=_("IRCC's round number, e.g. 434 or 91a."),
    )
    sequence = models.PositiveIntegerField(editable=False)
    held_on = models.DateField(_("draw date"))
    category = models.ForeignKey(
        DrawCategory, on_delete=models.PROTECT, related_name="draws", verbose_name=_("round type")
    )
    invitations = models.PositiveIntegerField(
        _("invitations"),
        validators=[
            MinValueValidator(1, INVITATIONS_MESSAGE),
            MaxValueValidator(INVITATIONS_MAX, INVITATIONS_MAX_MESSAGE),
        ],
    )
    cutoff = models.PositiveSmallIntegerField(
        _("minimum CRS"),
        validators=[
            MinValueValidator(0, CRS_RANGE_MESSAGE),
            MaxValueValidator(CRS_MAX, CRS_RANGE_MESSAGE),
        ],
    )
    tie_break_at = models.DateTimeField(
        _("tie-breaking rule (UTC)"),
        null=True,
        blank=True,
        help_text=_(
            "Profiles at the cut-off submitted before this moment were invited. "
            "IRCC published none before round 77 (2017-11-15)."
        ),
    )
    ran_at = models.DateTimeField(_("round run at (UTC)"), null=True, blank=True)
    ircc_name = models.CharField(
        _("IRCC round name"), max_length=200, blank=True, help_text=_("As IRCC publishes it today.")
    )
    # IRCC's French feed (ee_rounds_123_fr.json) names the round in French; filled by
    # draws.importer.import_french_names, shown instead of ircc_name on French pages.
    name_fr = models.CharField(
        _("IRCC round name in French"),
        max_length=200,
        blank=True,
        help_text=_("As IRCC's French feed publishes it; empty until the French feed is imported."),
    )
    programs = models.CharField(_("eligible programs"), max_length=200, blank=True)
    ircc_url = models.URLField(_("IRCC page"), max_length=300, blank=True)
    pool = models.JSONField(
        _("pool distribution"),
        null=True,
        blank=True,
        help_text=_(
            'Candidates per CRS band, e.g. {"601-1200": 500, …, "total": 229100}; '
            "empty when IRCC published none."
        ),
    )
    pool_as_of = models.DateField(_("pool as of"), null=True, blank=True)
    pool_warning = models.CharField(
        _("pool warning"),
        max_length=300,
        blank=True,
        help_text=_("Inconsistencies in IRCC's published pool data."),
    )
    pool_ranks = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="Derived from the pool on save (draws.pool.ranks): the bands, highest first, "
        "with the candidates above each and the trend of its density, for place-in-pool "
        "estimates.",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    revision = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by every correction that changes who would be invited (date, "
        "round type, cut-off, tie-break); standings carry the revision they were computed for.",
    )
    # The ranks are the pool again in another shape: the history keeps the pool.
    history = HistoricalRecords(excluded_fields=["pool_ranks"])

    class Meta:
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        ordering = ["-held_on", "-sequence", "-number"]
        indexes = [models.Index(fields=["-held_on", "-sequence"], name="draw_newest_first")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cutoff__gte=0, cutoff__lte=CRS_MAX), name="draw_cutoff_0_1200"
            ),
            models.CheckConstraint(
                condition=models.Q(invitations__gt=0, invitations__lte=INVITATIONS_MAX),
                name="draw_invitations_1_100000",
            ),
            models.CheckConstraint(
                condition=models.Q(held_on__gte=EXPRESS_ENTRY_START), name="draw_held_from_2015"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Round %(number)s (%(date)s)") % {
            "number": self.number,
            "date": formats.date_format(self.held_on) if self.held_on else self.held_on,
        }

    def save(self, *args, **kwargs) -> None:
        # Derived here, not by callers: factories, the shell and history reverts must never
        # store a sequence that disagrees with the number.
        self.sequence = number_sequence(self.number)
        # The ranks too, and not in record_draw next to pool_warning: every client's estimate
        # reads them, so a draw saved any other way (factories, the shell) must not keep the
        # ranks of an older pool. Once per save, never per request; none for a pool that
        # cannot be stored or has no date (an estimate is always dated).
        valid = self.pool and not pool_bands.problems(self.pool, self.pool_as_of)
        self.pool_ranks = pool_bands.ranks(self.pool) if valid else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "pool" in update_fields:
            kwargs["update_fields"] = {*update_fields, "pool_ranks"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("draws:draw_detail", kwargs={"number": self.number})

    @property
    def published_name(self) -> str:
        """IRCC's own name for the round, as published: the French one on French pages when
        IRCC's French feed gave one, else the English."""
        if self.name_fr and (get_language() or "").startswith("fr"):
            return self.name_fr
        return self.ircc_name

    @property
    def tie_break_unpublished(self) -> bool:
        """Held before IRCC published tie-breaks: a missing one is IRCC's, not ours to record."""
        return self.held_on < TIE_BREAKS_PUBLISHED_FROM

    def clean(self) -> None:
        errors = checks.held_on_problems(self.held_on) if self.held_on else {}
        # The other dates are checked against a valid draw date only: against year 1 or 9999
        # they would add noise, or overflow.
        held_on = None if errors else self.held_on
        if self.ran_at:
            errors.update(checks.ran_at_problems(self.ran_at, held_on))
        if self.tie_break_at:
            ran_at = None if "ran_at" in errors else self.ran_at
            errors.update(checks.tie_break_problems(self.tie_break_at, held_on, ran_at))
        if held_on and self.category_id and not self.category.in_force(held_on):
            category = self.category
            in_force = checks.in_force_text(category.in_force_from, category.in_force_to)
            errors["category"] = gettext(
                "%(category)s was not in force on %(date)s (%(in_force)s); "
                "choose the version in force that day."
            ) % {"category": category, "date": formats.date_format(held_on), "in_force": in_force}
        errors.update(pool_bands.problems(self.pool, self.pool_as_of))
        if self.pool_as_of and self.pool_as_of < EXPRESS_ENTRY_START:
            errors.setdefault(
                "pool_as_of",
                gettext(
                    "The pool snapshot date %(date)s is before Express Entry began on %(start)s."
                )
                % {
                    "date": formats.date_format(self.pool_as_of),
                    "start": formats.date_format(EXPRESS_ENTRY_START),
                },
            )
        if errors:
            raise ValidationError(errors)
