"""The re-evaluation of every client against a draw (DESIGN.md §4, §5).

A run is fanned out as rows, not as a Celery chord: one ``ReevaluationChunk`` per id range of
clients. Progress is a query over these rows, and a redelivered or re-queued chunk finds out
from its own row whether it still has work to do.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from draws.models.rounds import Draw
from profiles.models import Client


class ReevaluationRun(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        SUPERSEDED = "superseded", _("Superseded by a correction")

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="runs")
    revision = models.PositiveIntegerField(help_text="The draw revision this run evaluates.")
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    total = models.PositiveIntegerField(default=0, help_text="Clients to evaluate.")
    done = models.PositiveIntegerField(default=0, help_text="Clients evaluated.")
    failed = models.PositiveIntegerField(
        default=0, help_text="Clients whose file could not be scored."
    )
    created_at = models.DateTimeField(default=timezone.now)
    queued_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty while the task broker could not be reached."
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A redelivered "start this run" task, or a second save of the same correction,
            # must never create a second run for the same figures.
            models.UniqueConstraint(fields=["draw", "revision"], name="one_run_per_draw_revision")
        ]
        indexes = [models.Index(fields=["state", "created_at"], name="run_state_created")]

    def __str__(self) -> str:
        return f"Re-evaluation of round {self.draw.number} (revision {self.revision})"

    @property
    def duration(self) -> timedelta | None:
        if self.started_at is None:
            return None
        return (self.finished_at or timezone.now()) - self.started_at

    @property
    def rate(self) -> float | None:
        """Clients evaluated per second so far."""
        duration = self.duration
        if not duration or not self.done:
            return None
        return self.done / max(duration.total_seconds(), 0.001)

    @property
    def eta(self) -> timedelta | None:
        rate = self.rate
        if self.state != self.State.RUNNING or not rate:
            return None
        return timedelta(seconds=(self.total - self.done) / rate)

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.PENDING, self.State.RUNNING)


class ReevaluationChunk(models.Model):
    """The clients with ``first_id <= pk <= last_id``: one task's worth of work."""

    run = models.ForeignKey(ReevaluationRun, on_delete=models.CASCADE, related_name="chunks")
    first_id = models.BigIntegerField()
    last_id = models.BigIntegerField()
    size = models.PositiveIntegerField(help_text="Clients in the range when the run started.")
    evaluated = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    queued_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "first_id"]
        indexes = [
            models.Index(
                fields=["run"], condition=models.Q(done_at=None), name="chunk_pending_by_run"
            )
        ]

    def __str__(self) -> str:
        return f"Clients {self.first_id} to {self.last_id} of {self.run}"


class Verdict(models.TextChoices):
    """How a client stood in a draw (DESIGN.md §4)."""

    INVITED = "invited", _("Would have been invited")
    TIE_LOST = "tie_lost", _("At the cut-off, lost the tie-break")
    BELOW_CUTOFF = "below_cutoff", _("Below the cut-off")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible for this round")
    CANT_TELL = "cant_tell", _("Can't tell: a fact is missing")
    NOT_IN_POOL = "not_in_pool", _("Not in the pool")


class Standing(models.Model):
    """One client in one draw: the score then, under the rules then, and the verdict.

    On PostgreSQL the table is partitioned by draw, a partition per block of 64 draws created
    with the block's first draw (migration 0008): a run rewrites rows in one partition, whose
    indexes hold 64 draws' rows, not every draw's. Rows are found by (draw, client), never by
    ``id``, which that table does not index (``one_standing_per_draw_client`` is its key).
    """

    # No index of their own (db_index=False): the constraint and indexes below lead with each.
    draw = models.ForeignKey(
        Draw, on_delete=models.CASCADE, related_name="standings", db_index=False
    )
    # The database cascades too (migration 0004): a client deleted while a chunk is writing
    # takes the chunk's rows with it instead of failing either transaction.
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="standings", db_index=False
    )
    crs = models.PositiveSmallIntegerField()
    eligible = models.BooleanField()
    reason = models.CharField(max_length=300, blank=True)
    margin = models.SmallIntegerField(help_text="CRS minus the draw's cut-off.")
    verdict = models.CharField(max_length=12, choices=Verdict.choices)
    revision = models.PositiveIntegerField(help_text="The draw revision these figures are for.")
    evaluated_at = models.DateTimeField()

    class Meta:
        ordering = ["-draw__held_on", "-draw__sequence"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "client"], name="one_standing_per_draw_client")
        ]
        indexes = [
            models.Index(fields=["client", "draw"], name="standing_client_draw"),
            models.Index(fields=["draw", "verdict"], name="standing_draw_verdict"),
            # The dashboard's eligibility changes (issue 16): whether a file was judged in a
            # round, looked up for the few files eligible in one round and not the other.
            models.Index(
                fields=["draw", "client"],
                include=["eligible"],
                condition=~models.Q(verdict__in=["not_in_pool", "cant_tell"]),
                name="standing_judged",
            ),
            # The eligible judged standings alone (about one in ten in a category round): the
            # eligibility changes start from the files eligible in one round and not the other.
            models.Index(
                fields=["draw", "client"],
                condition=models.Q(eligible=True)
                & ~models.Q(verdict__in=["not_in_pool", "cant_tell"]),
                name="standing_eligible",
            ),
            # The dashboard's latest draws (issue 16): a draw's newsworthy standings (invited,
            # or within NEAR_MISS = 10 points below, draws.reevaluation.notifications) by
            # margin, so its first ten are read in order. The condition must stay the
            # condition of draws.dashboard._newsworthy_rows for PostgreSQL to use the index.
            models.Index(
                "draw",
                models.F("margin").desc(),
                "id",
                condition=models.Q(verdict="invited")
                | models.Q(verdict__in=["below_cutoff", "tie_lost"], margin__gte=-10),
                name="standing_newsworthy",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client_id} in round {self.draw_id}: {self.verdict}"
