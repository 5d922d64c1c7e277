"""Reading IRCC's rounds feed (``ee_rounds_123_en.json``) into plain values.

Every quirk handled here is listed in ``shared/reference/rounds-data.md`` §3 and §6: all values are
strings, numbers carry commas (spaces in the French feed), links come wrapped in HTML, the two
date-time fields are free text in some 30 shapes, rounds 1 to 76 have no tie-break, unpublished pool
distributions are all zeros, and two rounds are numbered 91a and 91b. Nothing here touches the
database; a problem raises ``FeedError`` naming the round and the feed field.
"""

import html
import json
import re
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from draws import pool as pool_bands
from draws.models import ROUND_NUMBER

IRCC_SITE = "https://www.canada.ca"


class FeedError(Exception):
    def __init__(self, number: str | None, field: str, problem: str) -> None:
        self.number, self.field = number, field
        # The field is the feed's own key (drawSize…), left as the file spells it.
        if number:
            message = _("Round %(number)s: %(field)s %(problem)s")
        else:
            message = _("%(field)s %(problem)s")
        super().__init__(message % {"number": number, "field": field, "problem": problem})


@dataclass(frozen=True)
class FeedRound:
    """A round's facts as ``record_draw`` takes them (``DRAW_FIELDS``), but its category: the
    importer matches that from ``ircc_name``."""

    number: str
    held_on: date
    ircc_name: str
    invitations: int
    cutoff: int
    ran_at: datetime | None
    tie_break_at: datetime | None
    programs: str
    ircc_url: str
    pool: dict[str, int] | None
    pool_as_of: date | None

    def draw_values(self) -> dict[str, object]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


def read_feed(data: bytes) -> list[dict]:
    """The list of raw rounds in a feed file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # The French feed was once served as Windows-1252 without saying so (§6.11).
        text = data.decode("cp1252")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(
            None, _("The file"), _("is not valid JSON (%(error)s).") % {"error": exc}
        ) from None
    rounds = document.get("rounds") if isinstance(document, dict) else None
    if not isinstance(rounds, list) or not all(isinstance(r, dict) for r in rounds):
        raise FeedError(
            None, _("The file"), _('has no "rounds" list: is it ee_rounds_123_en.json?')
        )
    return rounds


_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip

# Month, day (with an optional "3rd"), optional year, then the first h:mm:ss. Covers "July 3rd
# 2026 at 21:35:13 UTC", "March 02. 2024 at …", "April 26,2023 18:10:04 UTC", "May 31, 2024
# at12:48:30", "October 7 at 16:38:21 UTC" (no year), "January 23, 2025 at 2025-01-23 15:30:04
# UTC" and "at  7:18:52". AM/PM is ignored: IRCC's times are 24-hour ("15:48:39 AM").
_MOMENT = re.compile(
    r"([A-Za-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?[,.]?\s*(\d{4})?.*?(\d{1,2}):(\d{2}):(\d{2})"
)
_LONG_DATE = re.compile(r"^([A-Za-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?[,.]?\s*(\d{4})$")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""")


def text_of(value: object) -> str:
    """A feed value as plain text: tags and entities removed, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(str(value))).split())


def whole_number(raw: dict, field: str, number: str) -> int:
    text = text_of(raw.get(field, "")).replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not text.isdigit():
        raise FeedError(
            number, field, _("%(value)r is not a whole number.") % {"value": raw.get(field)}
        )
    return int(text)


def _long_date(text: str) -> date | None:
    match = _LONG_DATE.match(text)
    month = _MONTHS.get(match.group(1).lower()) if match else None
    if not month:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(2)))
    except ValueError:
        return None


def _held_on(raw: dict, number: str) -> date:
    try:
        return date.fromisoformat(text_of(raw.get("drawDate", "")))
    except ValueError:
        # A 2023 mirror had "11-01-2023"; the long form next to it says which day that is.
        held_on = _long_date(text_of(raw.get("drawDateFull", "")))
        if held_on is None:
            raise FeedError(
                number, "drawDate", _("%(value)r is not a date.") % {"value": raw.get("drawDate")}
            ) from None
        return held_on


def _moment(raw: dict, field: str, number: str, held_on: date) -> datetime | None:
    text = text_of(raw.get(field, ""))
    if not text:
        return None
    match = _MOMENT.search(text)
    month = _MONTHS.get(match.group(1).lower()) if match else None
    if not month:
        raise FeedError(number, field, _("%(value)r is not a date and time.") % {"value": text})
    day, year, hour, minute, second = (int(g) if g else None for g in match.groups()[1:])
    try:
        moment = datetime(year or held_on.year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        raise FeedError(
            number, field, _("%(value)r is not a date and time.") % {"value": text}
        ) from None
    if year is None and moment.date() > held_on:
        # Round 208's "October 7" with no year: the latest October 7 before the round.
        moment = moment.replace(year=held_on.year - 1)
    return moment


def _ran_at(raw: dict, number: str, held_on: date) -> datetime | None:
    moment = _moment(raw, "drawDateTime", number, held_on)
    if moment and not held_on <= moment.date() <= held_on + timedelta(days=1):
        # An evening round in Ottawa is the next day in UTC (rounds 7, 104, …), but round 357's
        # "July 12" for a July 22 round is a typo: the draw date wins.
        moment = datetime.combine(held_on, moment.timetz())
    return moment


def _url(raw: dict) -> str:
    match = _HREF.search(str(raw.get("drawNumberURL", "")))
    if not match:
        return ""
    # Since round 237 the href carries the CMS-internal prefix /content/canadasite.
    path = html.unescape(match.group(1)).removeprefix("/content/canadasite")
    return IRCC_SITE + path if path.startswith("/") else path


def _pool(raw: dict, number: str) -> tuple[dict[str, int] | None, date | None]:
    counts = {b.key: whole_number(raw, b.feed_field, number) for b in pool_bands.BANDS}
    if not any(counts.values()):
        return None, None  # IRCC published no distribution (before 2022-01-19, and 223 to 227)
    text = text_of(raw.get("drawDistributionAsOn", ""))
    as_of = _long_date(text)
    if as_of is None:
        problem = _("%(value)r is not a date.") % {"value": text}
        raise FeedError(number, "drawDistributionAsOn", problem)
    return counts, as_of


def parse_round(raw: dict) -> FeedRound:
    number = text_of(raw.get("drawNumber", ""))
    if not ROUND_NUMBER.match(number):
        raise FeedError(
            number or "?",
            "drawNumber",
            _("%(value)r is not a number.") % {"value": raw.get("drawNumber")},
        )
    name = text_of(raw.get("drawName", ""))
    if not name:
        raise FeedError(number, "drawName", _("is empty."))
    held_on = _held_on(raw, number)
    pool, pool_as_of = _pool(raw, number)
    return FeedRound(
        number=number,
        held_on=held_on,
        ircc_name=name,
        invitations=whole_number(raw, "drawSize", number),
        cutoff=whole_number(raw, "drawCRS", number),
        ran_at=_ran_at(raw, number, held_on),
        tie_break_at=_moment(raw, "drawCutOff", number, held_on),
        programs=text_of(raw.get("drawText2", "")),
        ircc_url=_url(raw),
        pool=pool,
        pool_as_of=pool_as_of,
    )
