"""The score history: every change of a client's stored CRS, with its reason (issue 7).

Written by ``services.refresh_scores`` when ``current_crs`` changes, and by the nightly run for
events that matter without moving the score (an Express Entry profile expiring). Read by the
consultant's client page and the portal.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .clients import Client


class ScoreChange(models.Model):
    class Kind(models.TextChoices):
        FILE = "file", _("File changed")
        DATE = "date", _("Date passed")
        RULES = "rules", _("Rules changed")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="score_changes")
    changed_on = models.DateField(help_text=_("The day the new score is computed for."))
    crs_before = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Empty for the first score of a file.")
    )
    crs_after = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=5, choices=Kind.choices)
    reason = models.TextField(help_text=_("In plain words, with the points each cause moved."))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who edited the file, for a file change made by a known user."),
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_on", "-recorded_at", "-pk"]
        indexes = [models.Index(fields=["client", "-changed_on"], name="score_change_client_day")]

    def __str__(self) -> str:
        return f"{self.client_id} on {self.changed_on}: {self.crs_before} → {self.crs_after}"

    @property
    def change(self) -> int | None:
        """Points gained (negative: lost); None for a file's first score."""
        return None if self.crs_before is None else self.crs_after - self.crs_before


class Erasure(models.Model):
    """What is left of an erased file: who erased which file (its public id, no personal data),
    when and why. The file, its facts, its history rows, documents and standings are gone."""

    class Reason(models.TextChoices):
        REQUESTED = "requested", _("Erased on request")
        RETENTION = "retention", _("Archived past the retention period")

    firm = models.ForeignKey("profiles.Firm", on_delete=models.CASCADE, related_name="erasures")
    file_id = models.UUIDField(help_text=_("The erased file's public id."))
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    erased_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=9, choices=Reason.choices, default=Reason.REQUESTED)

    class Meta:
        ordering = ["-erased_at", "-pk"]

    def __str__(self) -> str:
        return f"File {self.file_id} erased {self.erased_at:%Y-%m-%d}"
