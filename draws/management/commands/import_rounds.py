from django.core.management.base import BaseCommand, CommandError, CommandParser

from draws.feed import FeedError, read_feed
from draws.importer import BUNDLED_FEED, FEED_URL, import_rounds, read_source


class Command(BaseCommand):
    help = (
        "Import IRCC's Express Entry rounds feed (ee_rounds_123_en.json) from a file or URL. "
        "All or nothing; running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "source",
            nargs="?",
            default=str(BUNDLED_FEED),
            help=f"A file path or URL (default: the bundled copy; IRCC's live feed: {FEED_URL}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, then roll everything back."
        )

    def handle(self, *args, source: str, dry_run: bool, **options) -> None:
        try:
            counts = import_rounds(read_feed(read_source(source)), dry_run=dry_run)
        except OSError as exc:
            raise CommandError(f"Cannot read {source}: {exc}") from None
        except FeedError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        self.stdout.write(
            f"{counts.total} rounds: {counts.created} created, {counts.updated} updated, "
            f"{counts.unchanged} unchanged."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
