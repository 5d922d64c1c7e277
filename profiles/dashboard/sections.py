"""The pieces of the consultant's dashboard, and the sections other apps add to it.

A section is one kind of thing to act on (expired profiles, ITA deadlines, …): up to
``ITEMS`` items, soonest or most urgent first, the total however many there are, a sentence for
when there is none, and counts for the summary row. Each section's rows come from one query,
so the dashboard runs the same queries for 3 or for 3,000 items.

The totals stop at ``CAP`` (issue 16): an exact count reads every matching row (67,000 expired
results in a firm of 100,000 files, a second), a count of at most ``CAP + 1`` rows stops early.
Above the cap a total is a ``MoreThan`` that prints "1000+", as the client list's count does.
The counts ride along the top rows' query as uncorrelated scalar subqueries (``capped``), which
PostgreSQL runs once each, so a section still costs one query.

Draws adds its sections (the latest draws, eligibility changes) with ``register`` from its
``AppConfig.ready``: profiles must not import draws (DESIGN.md §1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext, ngettext

from profiles.models import Client
from profiles.pagination import COUNT_CAP, MoreThan

ITEMS = 10
CAP = COUNT_CAP  # read at each call, so tests can lower it


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
    total: int  # a MoreThan ("1000+") above CAP
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


def capped(queryset: QuerySet) -> RawSQL | Value:
    """The number of rows of ``queryset``, counting at most ``CAP + 1``, as an expression to
    annotate the section's top rows with. No ORDER BY inside: any ``CAP + 1`` rows will do,
    and the database stops as soon as it has them."""
    try:
        counting, params = capped_sql(queryset)
    except EmptyResultSet:  # ``__in=[]`` (no draw evaluated yet): Django knows it is empty
        return Value(0, IntegerField())
    return RawSQL(counting, params, IntegerField())  # noqa: S611


def capped_sql(queryset: QuerySet) -> tuple[str, tuple]:
    """``capped`` as SQL and its parameters, for a section written in SQL."""
    sql, params = queryset.order_by().values("pk")[: CAP + 1].query.sql_with_params()
    # Django's own compiled SQL, its values kept apart as parameters: nothing user-typed is
    # pasted in. (The ORM has no expression for a count over a sliced subquery.)
    return f"SELECT COUNT(*) FROM ({sql}) AS counted", params  # noqa: S608


def shown(counted: int) -> int:
    """A capped count as the dashboard shows it: exact up to ``CAP``, ``MoreThan`` above."""
    return counted if counted <= CAP else MoreThan(CAP)


def count_of(rows: list, name: str = "total") -> int:
    """The capped count ``name`` each row of a section's query carries, or 0 without rows
    (no rows: nothing matched, so every count of the section is 0)."""
    return shown(getattr(rows[0], name)) if rows else 0


def total_of(rows: list) -> int:
    """The section's capped total (``total``), or 0."""
    return count_of(rows)


def days_words(on: date, today: date) -> str:
    """ "today", "in 3 days", "12 days ago"."""
    days = (on - today).days
    if days == 0:
        return gettext("today")
    if days > 0:
        return ngettext("in %(count)s day", "in %(count)s days", days) % {"count": days}
    return ngettext("%(count)s day ago", "%(count)s days ago", -days) % {"count": -days}
