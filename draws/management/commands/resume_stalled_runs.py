"""``manage.py resume_stalled_runs``: re-send what a dead broker or a killed worker left behind.

Beat does the same every minute (``draws.tasks.resume_stalled_runs``); the command is for an
operator who has just brought the broker back, or for a deployment without beat.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser

from draws.reevaluation import notices


class Command(BaseCommand):
    help = (
        "Re-queue re-evaluation chunks pending too long, finish runs whose chunks are all done, "
        "and send pending runs to the dispatcher."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--stalled-after",
            type=int,
            metavar="SECONDS",
            help="Re-queue chunks queued at least this long ago and not done "
            "(default: REEVALUATION_STALLED_AFTER, 600).",
        )

    def handle(self, *args, stalled_after: int | None, **options) -> None:
        if stalled_after is not None and stalled_after < 0:
            raise CommandError("--stalled-after is a number of seconds, 0 or more.")
        after = None if stalled_after is None else timedelta(seconds=stalled_after)
        self.stdout.write(self.style.SUCCESS(str(notices.resume(stalled_after=after))))
