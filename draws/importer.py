"""Import IRCC's rounds feed: every round through ``record_draw``, all or nothing.

Rounds are upserted by IRCC's number, because IRCC renames and corrects old rounds in place
(rounds-data.md §4, §6.10). A second run over the same file changes nothing.
"""

import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from draws.categories import normalise_label, sync_categories
from draws.feed import FeedError, FeedRound, parse_round, text_of, whole_number
from draws.models import ROUND_NUMBER, Draw, DrawCategory, number_sequence
from draws.services import RecordedDraw, record_draw

BUNDLED_FEED = Path(__file__).resolve().parent / "data" / "ee_rounds_123_en.json"
FEED_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
FRENCH_FEED_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_fr.json"

# Which feed field each of the DRAW_FIELDS comes from, so an error names what to look at in
# the file.
FEED_FIELD = {
    "number": "drawNumber",
    "held_on": "drawDate",
    "category": "drawName",
    "ircc_name": "drawName",
    "invitations": "drawSize",
    "cutoff": "drawCRS",
    "tie_break_at": "drawCutOff",
    "ran_at": "drawDateTime",
    "programs": "drawText2",
    "ircc_url": "drawNumberURL",
    "pool": "dd1 to dd18",
    "pool_as_of": "drawDistributionAsOn",
}


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def read_source(source: str | Path) -> bytes:
    """The bytes of a feed file path or an http(s) URL."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        # Only http(s) URLs reach urllib (files are read as paths): never file: or other schemes.
        request = urllib.request.Request(text, headers={"User-Agent": "EE Portal"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.read()
    return Path(text).read_bytes()


def parse_rounds(raw_rounds: list[dict]) -> list[FeedRound]:
    """Every round parsed, oldest first; the first bad round or a repeated number raises."""
    rounds = [parse_round(raw) for raw in raw_rounds]
    seen: set[str] = set()
    for feed_round in rounds:
        if feed_round.number in seen:
            raise FeedError(feed_round.number, "drawNumber", _("appears twice in the file."))
        seen.add(feed_round.number)
    # Oldest first, so each round's history and id follow the order IRCC held them in.
    return sorted(rounds, key=lambda r: (r.held_on, number_sequence(r.number), r.number))


def import_rounds(
    raw_rounds: list[dict], *, dry_run: bool = False, by: AbstractBaseUser | None = None
) -> ImportCounts:
    """Record every round of the feed in one transaction; a dry run rolls it back at the end."""
    rounds = parse_rounds(raw_rounds)
    counts = ImportCounts()
    with transaction.atomic():
        # The engine's categories may have changed since the last migration.
        sync_categories(DrawCategory)
        categories = _categories_by_label()
        for feed_round in rounds:
            outcome = _record(feed_round, categories, by).outcome
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        if dry_run:
            transaction.set_rollback(True)
    return counts


def _categories_by_label() -> dict[str, DrawCategory]:
    return {
        normalise_label(label): category
        for category in DrawCategory.objects.all()
        for label in category.feed_labels
    }


def _record(
    feed_round: FeedRound, categories: dict[str, DrawCategory], by: AbstractBaseUser | None
) -> RecordedDraw:
    category = categories.get(normalise_label(feed_round.ircc_name))
    if category is None:
        raise FeedError(
            feed_round.number,
            "drawName",
            _(
                "%(name)r matches no draw category; add the label to its version in "
                "scoring/categories.py (or to draws.categories.PROGRAMS)."
            )
            % {"name": feed_round.ircc_name},
        )
    try:
        return record_draw(
            **feed_round.draw_values(), category=category, by=by, source=Draw.Source.IMPORT
        )
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise FeedError(feed_round.number, FEED_FIELD.get(field, field), messages[0]) from None


def looks_french(source: str | Path) -> bool:
    """IRCC's French feed is ee_rounds_123_fr.json: the name says which feed a file is."""
    return str(source).rstrip("/").rsplit("/", 1)[-1].lower().endswith("_fr.json")


def parse_french_names(raw_rounds: list[dict]) -> dict[str, str]:
    """IRCC's French round names by round number, in the file's order; the first bad round or
    a repeated number raises, naming the round as the English import does.

    The French feed has the English one's fields, but its dates and times are written in
    French and its numbers grouped with a space or a no-break space ("20 784"). Only the name
    is taken; the numbers are read to check the file is a rounds feed.
    """
    names: dict[str, str] = {}
    for raw in raw_rounds:
        number = text_of(raw.get("drawNumber", ""))
        if not ROUND_NUMBER.match(number):
            raise FeedError(
                number or "?",
                "drawNumber",
                _("%(value)r is not a number.") % {"value": raw.get("drawNumber")},
            )
        if number in names:
            raise FeedError(number, "drawNumber", _("appears twice in the file."))
        name = text_of(raw.get("drawName", ""))
        if not name:
            raise FeedError(number, "drawName", _("is empty."))
        for field in ("drawSize", "drawCRS"):
            whole_number(raw, field, number)
        names[number] = name
    return names


def import_french_names(raw_rounds: list[dict], *, dry_run: bool = False) -> ImportCounts:
    """Fill each round's French name (``Draw.name_fr``) from IRCC's French feed, all or nothing.

    Nothing else of a round changes: its facts come from the English feed only. A round of the
    French file that is not in the database refuses the whole file (import the English feed
    first), so a French file never half-applies. Each change is saved with the draw's history.
    """
    names = parse_french_names(raw_rounds)
    counts = ImportCounts()
    with transaction.atomic():
        draws = {d.number: d for d in Draw.objects.filter(number__in=names).select_for_update()}
        missing = [number for number in names if number not in draws]
        if missing:
            raise FeedError(
                missing[0],
                "drawNumber",
                _(
                    "is not a round in the database (%(count)s of the file are not); import "
                    "IRCC's English feed first."
                )
                % {"count": len(missing)},
            )
        for number, name in names.items():
            draw = draws[number]
            if draw.name_fr == name:
                counts.unchanged += 1
                continue
            draw.name_fr = name
            # Only this column: the round's facts, revision and runs stay as they are.
            draw.save(update_fields=["name_fr"])
            counts.updated += 1
        if dry_run:
            transaction.set_rollback(True)
    return counts
