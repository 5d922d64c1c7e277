"""Rows of a CSV import that duplicate a file the firm has, or an earlier row of the same file.

They are skipped, each named with its line and the file it matches, unless the consultant asks
to import duplicates: the rest of the file is still imported (a duplicate is not a bad cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from django.utils.translation import gettext

from profiles.duplicates import Match, Newcomer, describe, email_key, matches_in_firm, name_key
from profiles.models import Client, Firm

Row = TypeVar("Row")


@dataclass(frozen=True)
class SkippedRow:
    line: int
    name: str  # "Garcia, Chloé", as the client list writes it
    matches: list[Match] = field(default_factory=list)  # the firm's files it matches
    same_as_line: int | None = None  # or an earlier row of the same file

    @property
    def reason(self) -> str:
        if self.matches:
            return gettext("It has %(matches)s.") % {"matches": describe(self.matches)}
        return gettext(
            "It has the same e-mail, or the same name and birth date, as line "
            "%(line)s of this file."
        ) % {"line": self.same_as_line}


@dataclass(frozen=True)
class ImportResult:
    created: list[Client]
    skipped: list[SkippedRow]


@dataclass
class _Seen:
    """The rows kept so far, by what makes two rows the same person."""

    emails: dict[str, int] = field(default_factory=dict)
    people: dict[tuple[str, date | None], int] = field(default_factory=dict)

    def line_of(self, newcomer: Newcomer) -> int | None:
        email = email_key(newcomer.email)
        if email and email in self.emails:
            return self.emails[email]
        return self.people.get(_person(newcomer))

    def add(self, newcomer: Newcomer, line: int) -> None:
        if email := email_key(newcomer.email):
            self.emails.setdefault(email, line)
        self.people.setdefault(_person(newcomer), line)


def _person(newcomer: Newcomer) -> tuple[str, date | None]:
    return name_key(newcomer.first_name, newcomer.last_name), newcomer.birth_date


def split_duplicates(
    *, firm: Firm, rows: Sequence[tuple[int, Client, Row]]
) -> tuple[list[tuple[Client, Row]], list[SkippedRow]]:
    """(rows to import, rows skipped) of ``rows`` (line, unsaved client, its facts), in one
    query for the firm's files."""
    newcomers = [Newcomer.of(client) for _, client, _ in rows]
    existing = matches_in_firm(firm=firm, newcomers=newcomers)
    kept: list[tuple[Client, Row]] = []
    skipped: list[SkippedRow] = []
    seen: _Seen = _Seen()
    for (line, client, facts), newcomer, matches in zip(rows, newcomers, existing, strict=True):
        name = f"{client.last_name}, {client.first_name}"
        earlier = seen.line_of(newcomer)
        if matches or earlier is not None:
            skipped.append(SkippedRow(line, name, matches, None if matches else earlier))
            continue
        seen.add(newcomer, line)
        kept.append((client, facts))
    return kept, skipped
