"""The consultant's work on a file (issue 11): its stage changes and the dates that matter.

``StageChange`` is the audit of a file's stages (who, when, which date, why): the client page's
timeline and file history read it. ``KeyDate`` rows are computed, not typed: what the file
stands to lose on a date (a language result or ECA expiring, a birthday), rewritten by
``services.key_dates.refresh_key_dates`` whenever the file is re-scored (every change and
nightly), so the dashboard and the reminders read rows instead of scoring thousands of files.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from profiles.choices import Stage

from .clients import TEXT_LIMIT, Client


class StageChange(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    previous_stage = models.CharField(max_length=12, choices=Stage.choices, blank=True)
    on = models.DateField(help_text=_("The day the file reached this stage."))
    reason = models.TextField(
        blank=True,
        max_length=TEXT_LIMIT,
        validators=[MaxLengthValidator(TEXT_LIMIT)],
        help_text=_("Required for a step back."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["client", "-recorded_at"], name="stage_change_client")]

    def __str__(self) -> str:
        return f"{self.client_id}: {self.get_stage_display()} on {self.on}"


class KeyDate(models.Model):
    class Kind(models.TextChoices):
        LANGUAGE = "language", _("Language result")
        ECA = "eca", _("ECA")
        BIRTHDAY = "birthday", _("Birthday")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="key_dates")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    on = models.DateField(help_text=_("The day it expires (or the birthday)."))
    description = models.CharField(max_length=200)
    points = models.PositiveSmallIntegerField(
        help_text=_("CRS points lost on that day; for what has expired, what it would earn now.")
    )
    profile_expires_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The file's profile expiry when computed: facts expiring before it count."),
    )
    computed_on = models.DateField()

    class Meta:
        ordering = ["on", "pk"]
        indexes = [
            models.Index(fields=["kind", "on"], name="key_date_kind_on"),
            # The dashboard's results and ECAs (issue 16) read their top rows in these orders
            # and stop at ten instead of sorting 70,000: soonest first, most recent first.
            models.Index(
                fields=["on", "id"],
                condition=models.Q(kind__in=["language", "eca"]),
                name="key_date_fact_soonest",
            ),
            models.Index(
                fields=["-on", "id"],
                condition=models.Q(kind__in=["language", "eca"]),
                name="key_date_fact_latest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client_id}: {self.description} on {self.on} (-{self.points})"
