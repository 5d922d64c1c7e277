"""Fast inserts of many new rows (CSV import, seeding, demo data), with their history rows.

On PostgreSQL rows go in with ``COPY``: Django's ``bulk_create`` spends ~200 µs per client row
preparing values in Python, which made a 5,000-row import take ten seconds and 100,000
synthetic clients several minutes. Primary keys are taken from the table's sequence first, so
the caller can link fact rows to new clients. Other databases (the zero-setup SQLite site) use
``bulk_create`` / simple-history's ``bulk_create_with_history``.

Values are written as the instances hold them (``attname``), so callers must pass instances
that passed validation; ``auto_now``/``auto_now_add`` fields are filled here.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

BATCH = 2000


def _copy(model: type[models.Model], fields: list[models.Field], rows: list[tuple]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    # The psycopg cursor underneath Django's wrapper; COPY runs inside the same transaction.
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _next_ids(model: type[models.Model], count: int) -> list[int]:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _stamp(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                setattr(obj, field.attname, now)


def insert(
    model: type[models.Model],
    objs: Sequence[models.Model],
    *,
    history: bool = True,
    by: User | None = None,
) -> None:
    """Insert unsaved ``objs`` of ``model`` and set their pks; with ``history``, also one
    "created" history row each, attributed to ``by``.
    """
    if not objs:
        return
    if connection.vendor != "postgresql":
        if history:
            bulk_create_with_history(objs, model, batch_size=BATCH, default_user=by)
        else:
            model.objects.bulk_create(objs, batch_size=BATCH)
        return
    _stamp(model, objs)
    for obj, pk in zip(objs, _next_ids(model, len(objs)), strict=True):
        obj.pk = pk
    fields = list(model._meta.concrete_fields)
    names = [f.attname for f in fields]
    _copy(model, fields, [tuple(getattr(obj, name) for name in names) for obj in objs])
    if history:
        _copy_history(model, objs, by)


def insert_values(model: type[models.Model], rows: Sequence[dict]) -> None:
    """Insert rows given as ``{attname: value}``, without history (benchmark seeding); fields
    left out take their defaults. Sets ``row["id"]``. No model instance is built on PostgreSQL:
    at 100,000 clients Django's ``Model.__init__`` alone costs more than the COPY.
    """
    if not rows:
        return
    if connection.vendor != "postgresql":
        objs = [model(**row) for row in rows]
        model.objects.bulk_create(objs, batch_size=BATCH)
        for row, obj in zip(rows, objs, strict=True):
            row["id"] = obj.pk
        return
    for row, pk in zip(rows, _next_ids(model, len(rows)), strict=True):
        row["id"] = pk
    now = timezone.now()
    fields = list(model._meta.concrete_fields)
    makers = []  # per column: (attname, fixed default, default factory or None)
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            makers.append((field.attname, now, None))
        elif field.has_default() and callable(field.default):
            makers.append((field.attname, None, field.default))
        else:
            makers.append((field.attname, field.get_default(), None))
    _copy(
        model,
        fields,
        [
            tuple(
                row[name] if name in row else (factory() if factory else default)
                for name, default, factory in makers
            )
            for row in rows
        ],
    )


def _copy_history(model: type[models.Model], objs: Sequence[models.Model], by: User | None):
    historical = model.history.model
    tracked = {f.attname for f in historical.tracked_fields}
    extra = {
        "history_date": timezone.now(),
        "history_change_reason": None,
        "history_type": "+",
        "history_user_id": by.pk if by else None,
    }
    fields = [f for f in historical._meta.concrete_fields if f.attname != "history_id"]
    getters = []
    for field in fields:
        if field.attname in extra:
            getters.append((False, extra[field.attname]))
        else:
            assert field.attname in tracked, field.attname
            getters.append((True, field.attname))
    rows = [
        tuple(getattr(obj, value) if from_obj else value for from_obj, value in getters)
        for obj in objs
    ]
    _copy(historical, fields, rows)
