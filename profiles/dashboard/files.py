"""The dashboard's sections about the files themselves: profiles, expiries, ITAs, birthdays.

Every section reads stored columns and ``KeyDate`` rows (one query each, the totals capped
counts riding along, see ``sections``); the points at stake were computed by the engine when
the file was last re-scored.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext

from eeportal.i18n import tr
from profiles.choices import SEEKING_STAGES, Stage
from profiles.expiry import EXPIRING_WITHIN_DAYS, profile_expires_on, profile_expiring
from profiles.key_dates import described
from profiles.models import Client, KeyDate
from profiles.models.clients import APPLICATION_DAYS
from scoring.labels import ELIGIBILITY_NAMES

from .documents import document_section
from .sections import ITEMS, Item, Section, Tally, capped, count_of, days_words, total_of

NAME = ("public_id", "first_name", "last_name")
BIRTHDAYS_WITHIN_DAYS = 60
_PROGRAMS = {"fsw", "cec", "fst"}


def _counted(queryset: QuerySet, **counts: Q) -> QuerySet:
    """``queryset`` with the number of its rows (``total``) and of those matching each of
    ``counts`` on every row, computed by the database over the whole set (capped at ``CAP``)
    before the slice."""
    numbers = {name: capped(queryset.filter(q)) for name, q in counts.items()}
    return queryset.annotate(total=capped(queryset), **numbers)


def _list_url(**query: str) -> str:
    return f"{reverse('profiles:client_list')}?{urlencode(query)}"


def _eligible_words(keys: list[str]) -> str:
    names = [
        key.upper() if key in _PROGRAMS else tr(ELIGIBILITY_NAMES.get(key, key)) for key in keys
    ]
    if not names:
        return gettext(", not eligible for a program")
    return gettext(", eligible for %(programs)s") % {"programs": ", ".join(names)}


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
        means = gettext("Out of the pool: CRS %(crs)s%(eligible)s") % {
            "crs": crs,
            "eligible": _eligible_words(client.eligible_keys),
        }
        when = days_words(expired, today)
        items.append(Item(client, expired, gettext("Profile expired"), means, True, when))
    return Section(
        "expired-profiles", gettext("Profiles expired"), items, total_of(rows),
        gettext("No profile has expired without an ITA."),
        counts=[Tally(gettext("Profiles expired"), total_of(rows), urgent=bool(rows))],
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
        means = gettext("Leaves the pool unless invited first (CRS %(crs)s)") % {"crs": crs}
        when = days_words(expires, today)
        items.append(Item(client, expires, gettext("Profile expires"), means, False, when))
    days = {"days": EXPIRING_WITHIN_DAYS}
    return Section(
        "expiring-profiles", gettext("Profiles expiring in %(days)s days") % days, items,
        total_of(rows), gettext("No profile expires in the next %(days)s days.") % days,
        counts=[
            Tally(gettext("Expiring in 30 days"), count_of(rows, "within_30")),
            Tally(gettext("in 60 days"), count_of(rows, "within_60")),
            Tally(gettext("in 90 days"), total_of(rows)),
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
        Item(row.client, row.on,
             # The description is stored in English (KeyDate); the words around it are not.
             gettext("%(what)s expired") % {"what": tr(described(row.description))},
             gettext("Costs %(points)s CRS points now; a new one would earn them back")
             % {"points": row.points},
             True, days_words(row.on, today))
        for row in rows
    ]  # fmt: skip
    return Section(
        "expired-facts", gettext("Language results and ECAs expired"), items, total_of(rows),
        gettext("No language result or ECA has expired at a cost in points."),
        counts=[Tally(gettext("Results and ECAs expired"), total_of(rows), urgent=bool(rows))],
    )  # fmt: skip


def expiring_facts(seeking: QuerySet[Client], today: date, mine: dict) -> Section:
    """Language results and ECAs that expire before the profile does (within 90 days when no
    profile is in the pool) and cost points then, the soonest first."""
    before_profile = Q(profile_expires_on__gt=today, on__lt=F("profile_expires_on"))
    no_profile = Q(profile_expires_on=None, on__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS))
    rows = _fact_rows(seeking, Q(on__gt=today) & (before_profile | no_profile), "on")
    items = [
        Item(row.client, row.on,
             gettext("%(what)s expires") % {"what": tr(described(row.description))},
             gettext("Will cost %(points)s CRS points") % {"points": row.points}, False,
             days_words(row.on, today))
        for row in rows
    ]  # fmt: skip
    return Section(
        "expiring-facts", gettext("Language results and ECAs expiring before the profile"),
        items, total_of(rows), gettext("No language result or ECA expires before its profile."),
        counts=[Tally(gettext("Results and ECAs expiring"), total_of(rows))],
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
        values = {"count": abs(left), "day": date_format(client.ita_received_on)}
        if left < 0:
            means = (
                ngettext(
                    "Overdue by %(count)s day (ITA of %(day)s)",
                    "Overdue by %(count)s days (ITA of %(day)s)",
                    abs(left),
                )
                % values
            )
        else:
            means = (
                ngettext(
                    "%(count)s day left (ITA of %(day)s)",
                    "%(count)s days left (ITA of %(day)s)",
                    abs(left),
                )
                % values
            )
        items.append(
            Item(client, due, gettext("Application due"), means, left < 0, days_words(due, today))
        )
    overdue = count_of(rows, "overdue")
    return Section(
        "ita-deadlines", gettext("ITA application deadlines"), items, total_of(rows),
        gettext("No ITA is waiting for an application."),
        counts=[Tally(gettext("ITAs awaiting an application"), total_of(rows)),
                Tally(pgettext("ITAs", "overdue"), overdue, urgent=bool(overdue))],
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
        Item(row.client, row.on, tr(described(row.description)),
             gettext("Will cost %(points)s CRS points") % {"points": row.points},
             False, days_words(row.on, today))
        for row in rows
    ]  # fmt: skip
    return Section(
        "birthdays",
        gettext("Birthdays in the next %(days)s days") % {"days": BIRTHDAYS_WITHIN_DAYS},
        items, total_of(rows),
        gettext("No birthday in the next %(days)s days costs points.")
        % {"days": BIRTHDAYS_WITHIN_DAYS},
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
