"""CSV export of client files with their current CRS, in the import's format (``csv_format``).

Every fact row is written, so the file imports again as the same facts and the same score: the
header has as many numbered groups of each kind as the busiest exported client needs (at least
the template's). The one exception is the spouse's rows of a client with no spouse or partner:
they do not count, and the import refuses spouse columns for such a client.

Streamed in chunks of 2,000 clients, each read with four queries (``values`` for the clients and
their three kinds of fact rows), after six small ones for the header, so a firm of 100,000
exports in constant memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import Count, QuerySet

from profiles.choices import WITH_PARTNER, Person
from profiles.csv_format import (
    CLIENT_FIELDS,
    EXPORT_ONLY,
    KINDS,
    Group,
    Kind,
    columns,
    groups,
    neutralise,
)
from profiles.models import Client

CHUNK = 2000


class _Echo:
    """A file-like object whose write() returns the line, for StreamingHttpResponse."""

    def write(self, value: str) -> str:
        return value


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return "" if value is None else value


def _group_counts(clients: QuerySet[Client]) -> dict[Kind, int]:
    """Groups of each kind the header needs: the most rows any exported client has."""
    counts = {}
    for kind in KINDS:
        rows = kind.model.objects.filter(client__in=clients.order_by().values("pk"))
        if kind.person == Person.SPOUSE:
            rows = rows.filter(client__marital_status__in=WITH_PARTNER)
        most = (
            rows.filter(person=kind.person)
            .values("client_id")
            .annotate(rows=Count("pk"))
            .order_by("-rows")
            .values_list("rows", flat=True)
            .first()
        )
        counts[kind] = max(kind.template_groups, most or 0)
    return counts


def _rows(clients: list[dict], header_groups: list[Group]) -> Iterator[list]:
    ids = [client["id"] for client in clients]
    facts: dict[tuple[int, str, str], list[dict]] = {}
    for model in {kind.model for kind in KINDS}:
        fields = next(kind.fields for kind in KINDS if kind.model is model)
        rows = model.objects.filter(client_id__in=ids).order_by("pk")
        for row in rows.values("client_id", "person", *fields):
            facts.setdefault((row["client_id"], model._meta.label, row["person"]), []).append(row)
    for client in clients:
        line = [_cell(client[name]) for name in (*EXPORT_ONLY, *CLIENT_FIELDS)]
        for group in header_groups:
            # The n-th group of a kind takes that person's n-th row of the kind.
            key = (client["id"], group.model._meta.label, group.person)
            mine = facts.get(key, [])
            if group.person == Person.SPOUSE and client["marital_status"] not in WITH_PARTNER:
                mine = []
            row = mine[group.number - 1] if group.number <= len(mine) else None
            line += [_cell(row[f]) if row else "" for f in group.fields]
        yield line


def export_csv(clients: QuerySet[Client]) -> Iterator[str]:
    """The CSV text of ``clients`` (already scoped and filtered), line by line."""
    writer = csv.writer(_Echo())
    header_groups = groups(_group_counts(clients))
    header = [*EXPORT_ONLY, *columns(header_groups)]
    yield "\ufeff" + writer.writerow(header)  # byte-order mark: spreadsheets then read UTF-8
    fields = ("id", *EXPORT_ONLY, *CLIENT_FIELDS)
    after = 0
    ordered = clients.order_by("pk")
    while chunk := list(ordered.filter(pk__gt=after).values(*fields)[:CHUNK]):
        for line in _rows(chunk, header_groups):
            yield writer.writerow(line)
        after = chunk[-1]["id"]
