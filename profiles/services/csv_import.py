"""CSV import of client files: all or nothing, every bad cell reported with its line and column.

Rows are parsed into unsaved model instances and checked with the models' own field and
``clean`` validation (so the import accepts exactly what the forms accept), scored in memory,
then written with one ``bulk_create`` per table (plus its history rows) inside one transaction:
a 5,000-row file is a few dozen INSERTs, not tens of thousands.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop, ngettext

from profiles.bulk import insert
from profiles.candidates.assessment import summary
from profiles.candidates.loader import facts_of
from profiles.choices import WITH_PARTNER, Person
from profiles.csv_format import (
    CLIENT_FIELDS,
    EXPORT_ONLY,
    KINDS,
    REQUIRED,
    Group,
    group_of,
    restore,
)
from profiles.models import Client, Firm, KeyDate, ScoreChange
from profiles.services.key_dates import key_dates_of_new_file
from profiles.services.stages import files_opened, open_files
from profiles.signals import facts_changed

from .csv_cells import parse_cell
from .csv_duplicates import ImportResult, split_duplicates

MAX_ROWS = 20_000
# Lines of any kind, blank ones included: blank lines do not count as rows, so without this a
# file of millions of empty lines was read to the end.
MAX_LINES = 2 * MAX_ROWS
PROGRESS_EVERY = 500


_MODELS = (Client, *{kind.model for kind in KINDS})
_FIELDS = {model: {f.name: f for f in model._meta.fields} for model in _MODELS}
# Fields a row must fill (no default, not blank); teer and the links are set by the import.
_REQUIRED = {
    model: {
        f.name
        for f in model._meta.fields
        if not f.blank and not f.has_default() and f.editable and not f.is_relation
    }
    for model in _MODELS
}


@dataclass(frozen=True)
class Problem:
    line: int  # the file's line number, the header being line 1
    column: str
    message: str


class ImportRejected(ValidationError):
    """Nothing was imported; ``problems`` lists every bad cell."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(
            ngettext(
                "%(count)s problem found; nothing was imported.",
                "%(count)s problems found; nothing was imported.",
                count,
            )
            % {"count": count}
        )


def _fill(instance: models.Model, cells: dict[str, str], names: dict[str, str]) -> dict:
    """Set ``instance``'s fields from ``cells``; returns {column: message} for bad cells."""
    errors = {}
    fields = _FIELDS[type(instance)]
    for field_name, column in names.items():
        raw = restore(cells.get(column, "").strip())
        if not raw:
            continue
        if "\x00" in raw:
            # PostgreSQL text cannot hold it (psycopg.DataError at the INSERT, a 500).
            errors[column] = gettext("Remove the NUL character (a zero byte) from this cell.")
            continue
        try:
            setattr(instance, field_name, parse_cell(fields[field_name], raw))
        except ValueError as error:
            errors[column] = str(error)
    return errors


def _check(instance: models.Model, names: dict[str, str], cells: dict[str, str]) -> dict:
    """The model's own validation, with each message keyed by its CSV column.

    Field checks run on the cells given and on required fields; a field left empty keeps its
    default, which is valid, and checking it 5,000 times is wasted work.
    """
    model = type(instance)
    given = {name for name, column in names.items() if cells.get(column, "").strip()}
    exclude = [name for name in _FIELDS[model] if name not in given | _REQUIRED[model]]
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        return {
            names.get(field, "row" if field == "__all__" else field): " ".join(messages)
            for field, messages in error.message_dict.items()
        }
    return {}


def _row(
    cells: dict[str, str], firm: Firm, groups: list[Group]
) -> tuple[Client, list[models.Model], dict]:
    client = Client(firm=firm)
    names = {name: name for name in CLIENT_FIELDS}
    errors = _fill(client, cells, names)
    for column, message in _check(client, names, cells).items():
        errors.setdefault(column, message)
    facts: list[models.Model] = []
    for group in groups:
        group_names = {field: group.column(field) for field in group.fields}
        if not any(cells.get(column, "").strip() for column in group_names.values()):
            continue
        fact = group.model(person=group.person)
        group_errors = _fill(fact, cells, group_names)
        for column, message in _check(fact, group_names, cells).items():
            group_errors.setdefault(column, message)
        if group.person == Person.SPOUSE and client.marital_status not in WITH_PARTNER:
            group_errors.setdefault(
                group.columns[0],
                gettext("Spouse columns need marital_status married or common_law."),
            )
        errors.update(group_errors)
        facts.append(fact)
    return client, facts, errors


def _groups(header: list[str]) -> list[Group]:
    """The fact groups the header has columns for, in the order of ``csv_format.KINDS``."""
    found = {group for group in map(group_of, header) if group is not None}
    return sorted(found, key=lambda group: (KINDS.index(group.kind), group.number))


def _header_problems(header: list[str]) -> list[Problem]:
    known = set(CLIENT_FIELDS) | set(EXPORT_ONLY)
    problems = [
        Problem(1, name, gettext("Unknown column."))
        for name in header
        if name not in known and group_of(name) is None
    ]
    problems += [
        Problem(1, name, gettext("Column appears more than once."))
        for name in sorted({n for n in header if header.count(n) > 1})
    ]
    problems += [
        Problem(1, name, gettext("Required column is missing."))
        for name in sorted(REQUIRED - set(header))
    ]
    return problems


def _size(file: IO[bytes] | IO[str]) -> int | None:
    """Bytes (or characters) from the current position to the end, without reading them."""
    if getattr(file, "size", None) is not None:
        return file.size
    try:
        here = file.tell()
        end = file.seek(0, io.SEEK_END)
        file.seek(here)
    except (AttributeError, OSError, ValueError):
        return None
    return end - here


def _lines(file: IO[bytes] | IO[str]) -> Iterator[str]:
    """``file``'s lines as text, decoded one at a time: a 20 MB upload is never also one 20 MB
    string, and a byte that is not UTF-8 is reported on its own line."""
    limit = settings.CSV_IMPORT_MAX_BYTES
    if (size := _size(file)) is not None and size > limit:
        raise ImportRejected([Problem(0, "file", too_large(limit))])
    for number, line in enumerate(file, start=1):
        if isinstance(line, str):
            yield line.lstrip("\ufeff") if number == 1 else line
            continue
        try:
            # utf-8-sig: spreadsheets often save a byte-order mark before the header.
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            message = gettext("Save the file as UTF-8 CSV (line %(line)s is not UTF-8 text).") % {
                "line": number
            }
            raise ImportRejected([Problem(number, "file", message)]) from None


def too_large(limit: int) -> str:
    return gettext("Import at most %(size)s MB a file: split it into smaller files.") % {
        "size": limit // 1_000_000
    }


def _unreadable(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        limit = csv.field_size_limit()
        return gettext("A cell is longer than %(limit)s characters; nothing after it was read.") % {
            "limit": number_format(limit, force_grouping=True)
        }
    return gettext("This line is not valid CSV (%(error)s); nothing after it was read.") % {
        "error": error
    }


Parsed = tuple[Client, list[models.Model]]


def _client_rows(
    reader, firm: Firm, problems: list[Problem]
) -> Iterator[tuple[int, Client, list[models.Model]]]:
    """Each client row of ``reader`` parsed; bad cells are added to ``problems``."""
    header = [name.strip().lower() for name in next(reader, [])]
    if not header:
        raise ImportRejected([Problem(1, "file", gettext("The file is empty."))])
    if header_problems := _header_problems(header):
        raise ImportRejected(header_problems)
    groups = _groups(header)
    rows = 0
    for values in reader:
        line = reader.line_num
        if line > MAX_LINES:
            raise ImportRejected(
                [
                    Problem(
                        line,
                        "file",
                        gettext("Import at most %(count)s lines a file.")
                        % {"count": number_format(MAX_LINES, force_grouping=True)},
                    )
                ]
            )
        if not any(value.strip() for value in values):
            continue
        if rows >= MAX_ROWS:
            raise ImportRejected(
                [
                    Problem(
                        line,
                        "file",
                        gettext("Import at most %(count)s rows a file.") % {"count": MAX_ROWS},
                    )
                ]
            )
        rows += 1
        if len(values) > len(header):
            problems.append(Problem(line, "row", gettext("More cells than columns in the header.")))
            continue
        client, facts, errors = _row(dict(zip(header, values, strict=False)), firm, groups)
        problems += [Problem(line, column, message) for column, message in errors.items()]
        yield line, client, facts


def import_clients_csv(
    *,
    firm: Firm,
    by: User | None,
    file: IO[bytes] | IO[str],
    today: date | None = None,
    import_duplicates: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Create one client file per row of ``file`` (see ``csv_format``), or none at all if any
    cell is bad.

    Raises ``ImportRejected`` listing every problem (line, column, message). Rows that may
    duplicate a file of the firm, or an earlier row, are skipped and listed in the result,
    unless ``import_duplicates``. ``progress`` is told the number of rows read so far, every
    ``PROGRESS_EVERY`` rows.
    """
    today = today or timezone.localdate()
    reader = csv.reader(_lines(file))
    problems: list[Problem] = []
    rows: list[tuple[int, Client, list[models.Model]]] = []
    try:
        for row in _client_rows(reader, firm, problems):
            rows.append(row)
            if progress and len(rows) % PROGRESS_EVERY == 0:
                progress(len(rows))
    except csv.Error as error:
        # A cell over the csv module's size limit, for one: the reader cannot go on reliably.
        problems.append(Problem(reader.line_num, "row", _unreadable(error)))
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise ImportRejected([Problem(2, "file", gettext("The file has no client rows."))])
    if import_duplicates:
        parsed, skipped = [(client, facts) for _, client, facts in rows], []
    else:
        parsed, skipped = split_duplicates(firm=firm, rows=rows)
    created = _write(parsed, by=by, today=today) if parsed else []
    return ImportResult(created, skipped)


@transaction.atomic
def _write(parsed: list[tuple[Client, list[models.Model]]], *, by, today: date) -> list[Client]:
    # Scored before the INSERT, from the instances in memory: no UPDATE pass afterwards.
    key_dates = []
    for client, facts in parsed:
        client_facts = facts_of(client, facts)
        candidate = client_facts.candidate(today)
        client.current_crs, client.eligible_for, client.undecided_for = summary(candidate, today)
        client.crs_computed_on = today
        key_dates += key_dates_of_new_file(client, client_facts, today)
    clients = [client for client, _ in parsed]
    open_files(clients, firm=clients[0].firm, by=by)
    insert(Client, clients, by=by)
    for key_date in key_dates:
        key_date.client_id = key_date.client.pk
    KeyDate.objects.bulk_create(key_dates, batch_size=2000)
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for client, facts in parsed:
        for fact in facts:
            fact.client = client
            by_model.setdefault(type(fact), []).append(fact)
    for model, facts in by_model.items():
        insert(model, facts, by=by)
    # The first entry of each score history, in one more INSERT (COPY on PostgreSQL).
    insert(
        ScoreChange,
        [
            ScoreChange(
                client=client,
                changed_on=today,
                crs_after=client.current_crs,
                kind=ScoreChange.Kind.FILE,
                # Stored in English and shown with |tr (the history is read in either language).
                reason=gettext_noop("Imported from a CSV file"),
                changed_by=by,
            )
            for client in clients
        ],
        history=False,
    )
    files_opened(clients, by=by, on=today, key_dates=False)
    ids = [client.pk for client in clients]
    transaction.on_commit(lambda: facts_changed.send(sender=Client, client_ids=ids))
    return clients
