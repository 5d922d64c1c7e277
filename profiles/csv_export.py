"""CSV export of client files with their current CRS, in the import's format (``csv_format``).

Streamed in chunks of 2,000 clients, each read with five queries (``values_list`` for the
clients and their three kinds of fact rows), so a firm of 100,000 exports in constant memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import QuerySet

from profiles.csv_format import CLIENT_FIELDS, EXPORT_ONLY, GROUPS
from profiles.models import Client

CHUNK = 2000
HEADER = [*EXPORT_ONLY, *CLIENT_FIELDS, *(c for group in GROUPS for c in group.columns)]


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
    return "" if value is None else value


def _rows(clients: list[dict]) -> Iterator[list]:
    ids = [client["id"] for client in clients]
    facts: dict[tuple[int, str], list[dict]] = {}
    for model in {group.model for group in GROUPS}:
        fields = sorted({f for g in GROUPS if g.model is model for f in g.fields})
        rows = model.objects.filter(client_id__in=ids).order_by("pk")
        for row in rows.values("client_id", "person", *fields):
            facts.setdefault((row["client_id"], model._meta.label), []).append(row)
    for client in clients:
        used: dict[tuple[str, str], int] = {}
        line = [_cell(client[name]) for name in (*EXPORT_ONLY, *CLIENT_FIELDS)]
        for group in GROUPS:
            # The n-th group of a kind for a person takes that person's n-th row of the kind.
            key = (group.model._meta.label, group.person)
            index = used.get(key, 0)
            used[key] = index + 1
            mine = [
                row
                for row in facts.get((client["id"], group.model._meta.label), [])
                if row["person"] == group.person
            ]
            row = mine[index] if index < len(mine) else None
            line += [_cell(row[f]) if row else "" for f in group.fields]
        yield line


def export_csv(clients: QuerySet[Client]) -> Iterator[str]:
    """The CSV text of ``clients`` (already scoped and filtered), line by line."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)  # byte-order mark: spreadsheets then read UTF-8
    fields = ("id", *EXPORT_ONLY, *CLIENT_FIELDS)
    after = 0
    ordered = clients.order_by("pk")
    while chunk := list(ordered.filter(pk__gt=after).values(*fields)[:CHUNK]):
        for line in _rows(chunk):
            yield writer.writerow(line)
        after = chunk[-1]["id"]
