"""The pieces of the consultant's dashboard, and the sections other apps add to it.

A section is one kind of thing to act on (expired profiles, ITA deadlines, …): up to
``ITEMS`` items, soonest or most urgent first, the total however many there are, a sentence for
when there is none, and counts for the summary row. Each section's rows come from one query
(the total rides along as a window count), so the dashboard runs the same queries for 3 or for
3,000 items.

Draws adds its sections (the latest draws, eligibility changes) with ``register`` from its
``AppConfig.ready``: profiles must not import draws (DESIGN.md §1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext, ngettext

from profiles.models import Client

ITEMS = 10


@dataclass(frozen=True)
class Item:
    client: Client  # only the name and public id are loaded
    on: date
    what: str  # "Profile expired", "IELTS result of 2024-05-01 expires"
    means: str  # what it costs or means: "Will cost 24 CRS points", "Out of the pool: CRS 556"
    urgent: bool = False  # shown in red: overdue, expired
    when: str = ""  # "12 days ago", "in 3 days"; empty: the date says it


@dataclass(frozen=True)
class Tally:
    label: str
    value: int
    urgent: bool = False


@dataclass(frozen=True)
class Section:
    key: str  # the anchor on the page and the name in the API
    title: str
    items: list[Item]
    total: int
    empty: str  # said in words when there is nothing
    counts: list[Tally] = field(default_factory=list)  # the summary row; default: the total
    more_url: str = ""  # the client list filtered to the same files, when it can be

    @property
    def summary(self) -> list[Tally]:
        return self.counts or [Tally(self.title, self.total)]


# (files in the dashboard's scope: open, not archived; today) -> sections
Provider = Callable[[QuerySet[Client], date], list[Section]]
_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add ``provider``'s sections after the file sections (once, however often ready runs)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def registered() -> list[Provider]:
    return list(_PROVIDERS)


def total_of(rows: list) -> int:
    """The window count each row of a section's query carries (``total``), or 0."""
    return rows[0].total if rows else 0


def days_words(on: date, today: date) -> str:
    """ "today", "in 3 days", "12 days ago"."""
    days = (on - today).days
    if days == 0:
        return gettext("today")
    if days > 0:
        return ngettext("in %(count)s day", "in %(count)s days", days) % {"count": days}
    return ngettext("%(count)s day ago", "%(count)s days ago", -days) % {"count": -days}
