"""A CSV import run by a Celery worker (issue 14): the upload waits here, then its outcome.

A 20,000-row file takes longer than a request should, so the page stores the upload, queues
``profiles.tasks.run_client_import`` and shows this job's progress. The uploaded bytes are
cleared once the job ends (they are personal data); the outcome keeps counts, the problems and
the skipped rows' names, and the job itself is deleted after ``CLIENT_IMPORT_KEEP_DAYS``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .firms import Firm


class ClientImport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Nothing imported: problems found")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=255, blank=True)
    import_duplicates = models.BooleanField(default=False)
    content = models.BinaryField(blank=True, help_text=_("The upload, until the job ends."))
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    # [{"line", "column", "message"}] for a rejected file; the rows skipped as duplicates as
    # [{"line", "name", "matches": [{"file": public_id, "on"}], "same_as_line"}].
    problems = models.JSONField(default=list, blank=True)
    skipped = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["firm", "-created_at"])]

    def __str__(self) -> str:
        return f"Import {self.id} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.REJECTED, self.Status.FAILED)
