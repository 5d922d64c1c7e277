from django.core.management.base import BaseCommand, CommandError, CommandParser

from draws.feed import FeedError, read_feed
from draws.importer import (
    BUNDLED_FEED,
    FEED_URL,
    FRENCH_FEED_URL,
    import_french_names,
    import_rounds,
    looks_french,
    read_source,
)


class Command(BaseCommand):
    help = (
        "Import IRCC's Express Entry rounds feed (ee_rounds_123_en.json) from a file or URL. "
        "All or nothing; running it again changes nothing. Given IRCC's French feed "
        "(ee_rounds_123_fr.json, or --french), fill only the rounds' French names."
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
        parser.add_argument(
            "--french",
            action="store_true",
            help="The source is IRCC's French feed (implied by a name ending in _fr.json, e.g. "
            f"{FRENCH_FEED_URL}): only the rounds' French names are written.",
        )

    def handle(self, *args, source: str, dry_run: bool, french: bool, **options) -> None:
        french = french or looks_french(source)
        try:
            raw_rounds = read_feed(read_source(source))
            if french:
                counts = import_french_names(raw_rounds, dry_run=dry_run)
            else:
                counts = import_rounds(raw_rounds, dry_run=dry_run)
        except OSError as exc:
            raise CommandError(f"Cannot read {source}: {exc}") from None
        except FeedError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        if french:
            self.stdout.write(
                f"{counts.total} French round names: {counts.updated} updated, "
                f"{counts.unchanged} unchanged."
            )
        else:
            self.stdout.write(
                f"{counts.total} rounds: {counts.created} created, {counts.updated} updated, "
                f"{counts.unchanged} unchanged."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
