"""The dashboard's sections about the files themselves: profiles, expiries, ITAs, birthdays.

Every section reads stored columns and ``KeyDate`` rows (one query each, the total as a window
count); the points at stake were computed by the engine when the file was last re-scored.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import Count, F, Q, QuerySet, Window
from django.urls import reverse

from profiles.choices import SEEKING_STAGES, Stage
from profiles.expiry import EXPIRING_WITHIN_DAYS, profile_expires_on, profile_expiring
from profiles.models import Client, KeyDate
from profiles.models.clients import APPLICATION_DAYS
from scoring.labels import ELIGIBILITY_NAMES

from .documents import document_section
from .sections import ITEMS, Item, Section, Tally, days_words, total_of

NAME = ("public_id", "first_name", "last_name")
BIRTHDAYS_WITHIN_DAYS = 60
_PROGRAMS = {"fsw", "cec", "fst"}


def _counted(queryset: QuerySet, **counts: Q) -> QuerySet:
    """``queryset`` with the number of its rows (``total``) and of those matching each of
    ``counts`` on every row, computed by the database over the whole set, before the slice."""
    windows = {name: Window(Count("pk", filter=q)) for name, q in counts.items()}
    return queryset.annotate(total=Window(Count("pk")), **windows)


def _list_url(**query: str) -> str:
    return f"{reverse('profiles:client_list')}?{urlencode(query)}"


def _eligible_words(keys: list[str]) -> str:
    names = [key.upper() if key in _PROGRAMS else ELIGIBILITY_NAMES.get(key, key) for key in keys]
    return f", eligible for {', '.join(names)}" if names else ", not eligible for a program"


def expired_profiles(seeking: QuerySet[Client], today: date, mine: dict) -> Section:
    files = seeking.filter(profile_expiring(None, today), ita_received_on=None)
    rows = list(
        _counted(files)
        .only(*NAME, "profile_submitted_at", "current_crs", "eligible_for")
        .order_by("-profile_submitted_at", "pk")[:ITEMS]
    )
    items = []
    for client in rows:
        expired = profile_expires_on(client.profile_submitted_at)
        crs = "—" if client.current_crs is None else client.current_crs
        means = f"Out of the pool: CRS {crs}{_eligible_words(client.eligible_keys)}"
        when = days_words(expired, today)
        items.append(Item(client, expired, "Profile expired", means, True, when))
    return Section(
        "expired-profiles", "Profiles expired", items, total_of(rows),
        "No profile has expired without an ITA.",
        counts=[Tally("Profiles expired", total_of(rows), urgent=bool(rows))],
        more_url=_list_url(profile_status="expired", **mine),
    )  # fmt: skip


def expiring_profiles(seeking: QuerySet[Client], today: date, mine: dict) -> Section:
    soon = {days: profile_expiring(today + timedelta(days=1), today + timedelta(days=days))
            for days in (30, 60, EXPIRING_WITHIN_DAYS)}  # fmt: skip
    files = seeking.filter(soon[EXPIRING_WITHIN_DAYS], ita_received_on=None)
    rows = list(
        _counted(files, within_30=soon[30], within_60=soon[60])
        .only(*NAME, "profile_submitted_at", "current_crs")
        .order_by("profile_submitted_at", "pk")[:ITEMS]
    )
    items = []
    for client in rows:
        expires = profile_expires_on(client.profile_submitted_at)
        crs = "—" if client.current_crs is None else client.current_crs
        means = f"Leaves the pool unless invited first (CRS {crs})"
        when = days_words(expires, today)
        items.append(Item(client, expires, "Profile expires", means, False, when))
    first = rows[0] if rows else None
    return Section(
        "expiring-profiles", f"Profiles expiring in {EXPIRING_WITHIN_DAYS} days", items,
        total_of(rows), f"No profile expires in the next {EXPIRING_WITHIN_DAYS} days.",
        counts=[
            Tally("Expiring in 30 days", first.within_30 if first else 0),
            Tally("in 60 days", first.within_60 if first else 0),
            Tally("in 90 days", total_of(rows)),
        ],
        more_url=_list_url(profile_status="expiring", **mine),
    )  # fmt: skip


def _fact_rows(seeking: QuerySet[Client], condition: Q, *order: str) -> list[KeyDate]:
    rows = KeyDate.objects.filter(
        condition, client__in=seeking, kind__in=[KeyDate.Kind.LANGUAGE, KeyDate.Kind.ECA]
    )
    return list(
        _counted(rows)
        .select_related("client")
        .only("on", "kind", "description", "points", *(f"client__{name}" for name in NAME))
        .order_by(*order, "pk")[:ITEMS]
    )


def expired_facts(seeking: QuerySet[Client], today: date, mine: dict) -> Section:
    """Language results and ECAs that have expired and whose renewal would earn points back,
    the most recently expired first."""
    rows = _fact_rows(seeking, Q(on__lte=today), "-on")
    items = [
        Item(row.client, row.on, f"{row.description} expired",
             f"Costs {row.points} CRS points now; a new one would earn them back", True,
             days_words(row.on, today))
        for row in rows
    ]  # fmt: skip
    return Section(
        "expired-facts", "Language results and ECAs expired", items, total_of(rows),
        "No language result or ECA has expired at a cost in points.",
        counts=[Tally("Results and ECAs expired", total_of(rows), urgent=bool(rows))],
    )  # fmt: skip


def expiring_facts(seeking: QuerySet[Client], today: date, mine: dict) -> Section:
    """Language results and ECAs that expire before the profile does (within 90 days when no
    profile is in the pool) and cost points then, the soonest first."""
    before_profile = Q(profile_expires_on__gt=today, on__lt=F("profile_expires_on"))
    no_profile = Q(profile_expires_on=None, on__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS))
    rows = _fact_rows(seeking, Q(on__gt=today) & (before_profile | no_profile), "on")
    items = [
        Item(row.client, row.on, f"{row.description} expires",
             f"Will cost {row.points} CRS points", False, days_words(row.on, today))
        for row in rows
    ]  # fmt: skip
    return Section(
        "expiring-facts", "Language results and ECAs expiring before the profile", items,
        total_of(rows), "No language result or ECA expires before its profile.",
        counts=[Tally("Results and ECAs expiring", total_of(rows))],
    )  # fmt: skip


def ita_deadlines(open_files: QuerySet[Client], today: date, mine: dict) -> Section:
    """ITAs received and not yet answered by an application: 60 days from the ITA."""
    overdue_before = today - timedelta(days=APPLICATION_DAYS)
    files = open_files.filter(stage=Stage.ITA_RECEIVED, ita_received_on__isnull=False)
    rows = list(
        _counted(files, overdue=Q(ita_received_on__lt=overdue_before))
        .only(*NAME, "ita_received_on")
        .order_by("ita_received_on", "pk")[:ITEMS]
    )
    items = []
    for client in rows:
        due = client.application_due_on
        left = (due - today).days
        days = f"{abs(left)} day{'s' * (abs(left) != 1)}"
        state = f"Overdue by {days}" if left < 0 else f"{days} left"
        means = f"{state} (ITA of {client.ita_received_on:%Y-%m-%d})"
        items.append(Item(client, due, "Application due", means, left < 0, days_words(due, today)))
    overdue = rows[0].overdue if rows else 0
    return Section(
        "ita-deadlines", "ITA application deadlines", items, total_of(rows),
        "No ITA is waiting for an application.",
        counts=[Tally("ITAs awaiting an application", total_of(rows)),
                Tally("overdue", overdue, urgent=bool(overdue))],
        more_url=_list_url(stage=Stage.ITA_RECEIVED, **mine),
    )  # fmt: skip


def costly_birthdays(seeking: QuerySet[Client], today: date, mine: dict) -> Section:
    until = today + timedelta(days=BIRTHDAYS_WITHIN_DAYS)
    rows = list(
        _counted(
            KeyDate.objects.filter(
                client__in=seeking, kind=KeyDate.Kind.BIRTHDAY, on__gt=today, on__lte=until
            )
        )
        .select_related("client")
        .only("on", "description", "points", *(f"client__{name}" for name in NAME))
        .order_by("on", "pk")[:ITEMS]
    )
    items = [
        Item(row.client, row.on, row.description, f"Will cost {row.points} CRS points",
             False, days_words(row.on, today))
        for row in rows
    ]  # fmt: skip
    return Section(
        "birthdays", f"Birthdays in the next {BIRTHDAYS_WITHIN_DAYS} days", items,
        total_of(rows), f"No birthday in the next {BIRTHDAYS_WITHIN_DAYS} days costs points.",
    )  # fmt: skip


def file_sections(files: QuerySet[Client], today: date, mine: dict) -> list[Section]:
    """``files``: the dashboard's scope (not archived). Profiles, expiries and birthdays matter
    only until the ITA; the deadline only until the application."""
    seeking = files.filter(stage__in=SEEKING_STAGES)
    return [
        expired_profiles(seeking, today, mine),
        expiring_profiles(seeking, today, mine),
        expired_facts(seeking, today, mine),
        expiring_facts(seeking, today, mine),
        ita_deadlines(files, today, mine),
        costly_birthdays(seeking, today, mine),
        document_section(files, today),
    ]
