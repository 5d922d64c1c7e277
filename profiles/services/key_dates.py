"""Storing what each file stands to lose (``profiles.key_dates``) as ``KeyDate`` rows.

Called by ``refresh_scores`` with the facts it has loaded (every change to a file, and the
nightly run) and after bulk inserts. Only clients whose rows changed are written: the nightly
run over 100,000 files changes few, and a delete-and-insert of every row would churn the table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from profiles.candidates.facts import ClientFacts
from profiles.candidates.loader import facts_for
from profiles.expiry import profile_expires_on
from profiles.key_dates import ECA, LANGUAGE, key_days
from profiles.models import Client, KeyDate

_COLUMNS = ("kind", "on", "description", "points", "profile_expires_on")


def refresh_key_dates(*, facts: Mapping[int, ClientFacts], on: date) -> int:
    """Rewrite the ``KeyDate`` rows, ``language_expires_on`` and ``eca_expires_on`` of the
    clients in ``facts`` whose key dates changed; returns how many clients changed.

    Four queries at most (stored rows, delete, insert, update) whatever the number of clients.
    """
    if not facts:
        return 0
    wanted = {pk: _wanted(client_facts, on) for pk, client_facts in facts.items()}
    stored: dict[int, set[tuple]] = defaultdict(set)
    rows = KeyDate.objects.filter(client_id__in=list(facts)).values_list("client_id", *_COLUMNS)
    for pk, *values in rows:
        stored[pk].add(tuple(values))
    changed = [pk for pk in facts if wanted[pk] != stored[pk]]
    if not changed:
        return 0
    KeyDate.objects.filter(client_id__in=changed).delete()
    KeyDate.objects.bulk_create(
        KeyDate(client_id=pk, computed_on=on, **dict(zip(_COLUMNS, values, strict=True)))
        for pk in changed
        for values in wanted[pk]
    )
    clients = []
    for pk in changed:
        language, eca = _earliest(wanted[pk])
        clients.append(Client(pk=pk, language_expires_on=language, eca_expires_on=eca))
    # Only these two columns, never a whole-row save: a consultant may be editing the file.
    Client.objects.bulk_update(clients, ["language_expires_on", "eca_expires_on"], batch_size=500)
    return len(changed)


def _wanted(client_facts: ClientFacts, on: date) -> set[tuple]:
    expires = profile_expires_on(client_facts.profile_submitted_at)
    return {(d.kind, d.on, d.description, d.points, expires) for d in key_days(client_facts, on)}


def _earliest(rows: set[tuple]) -> tuple[date | None, date | None]:
    """The first language result and the first ECA to expire, from ``_wanted``'s rows."""
    return tuple(
        min((v[1] for v in rows if v[0] == kind), default=None) for kind in (LANGUAGE, ECA)
    )


def key_dates_of_new_file(client: Client, client_facts: ClientFacts, on: date) -> list[KeyDate]:
    """For a file about to be inserted (imports): sets its two expiry columns and returns its
    unsaved ``KeyDate`` rows, from the facts already in memory: no query, no UPDATE after."""
    wanted = _wanted(client_facts, on)
    client.language_expires_on, client.eca_expires_on = _earliest(wanted)
    return [
        KeyDate(client=client, computed_on=on, **dict(zip(_COLUMNS, values, strict=True)))
        for values in wanted
    ]


def refresh_key_dates_of(*, clients: QuerySet[Client] | list[int], on: date | None = None) -> int:
    """``refresh_key_dates`` for files written in bulk (imports, seeding, demo data)."""
    return refresh_key_dates(facts=facts_for(clients), on=on or timezone.localdate())
