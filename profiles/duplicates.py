"""Files a new client may duplicate: the same e-mail, or the same name and birth date (issue 11).

Only the creating firm's files are compared, so a match never tells a consultant that another
firm holds a file on the same person. Names are compared without case or accents and with
spaces collapsed ("CHLOÉ  garcia" is "Chloe Garcia"): the same person typed twice rarely
matches to the letter. One query for any number of newcomers (a 5,000-row import included).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext

from profiles.models import Client, Firm


@dataclass(frozen=True)
class Newcomer:
    """Who a new file says the client is."""

    first_name: str
    last_name: str
    birth_date: date | None
    email: str = ""

    @classmethod
    def of(cls, client: Client) -> Newcomer:
        return cls(client.first_name, client.last_name, client.birth_date, client.email)


@dataclass(frozen=True)
class Match:
    """An existing file of the firm that a newcomer may be; ``on`` says what is the same."""

    client: Client
    on: str  # "e-mail" or "name and birth date"

    @property
    def name(self) -> str:
        return f"{self.client.last_name}, {self.client.first_name}"


def name_key(first_name: str, last_name: str) -> str:
    text = unicodedata.normalize("NFKD", f"{first_name} {last_name}")
    bare = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def email_key(email: str) -> str:
    return email.strip().casefold()


def matches_in_firm(*, firm: Firm, newcomers: Sequence[Newcomer]) -> list[list[Match]]:
    """For each newcomer, the firm's files it may duplicate (e-mail matches first)."""
    emails = {email_key(n.email) for n in newcomers if n.email.strip()}
    births = {n.birth_date for n in newcomers if n.birth_date is not None}
    if not emails and not births:
        return [[] for _ in newcomers]
    candidates = (
        Client.objects.filter(firm=firm)
        .annotate(email_lower=Lower("email"))
        .filter(Q(email_lower__in=emails) | Q(birth_date__in=births))
        .only("public_id", "first_name", "last_name", "email", "birth_date")
        .order_by("last_name", "first_name", "pk")
    )
    by_email: dict[str, list[Client]] = {}
    by_person: dict[tuple[str, date], list[Client]] = {}
    for client in candidates:
        if client.email.strip():
            by_email.setdefault(email_key(client.email), []).append(client)
        key = (name_key(client.first_name, client.last_name), client.birth_date)
        by_person.setdefault(key, []).append(client)
    found = []
    for newcomer in newcomers:
        email = email_key(newcomer.email)
        matches = [Match(c, "e-mail") for c in by_email.get(email, [])] if email else []
        seen = {match.client.pk for match in matches}
        key = (name_key(newcomer.first_name, newcomer.last_name), newcomer.birth_date)
        matches += [
            Match(c, "name and birth date") for c in by_person.get(key, []) if c.pk not in seen
        ]
        found.append(matches)
    return found


def _same(match: Match) -> str:
    # ``on`` stays a code (the API's matched_on, the stored import outcome); the words are here.
    if match.on == "e-mail":
        return gettext("the same e-mail as %(name)s") % {"name": match.name}
    return gettext("the same name and birth date as %(name)s") % {"name": match.name}


def describe(matches: Sequence[Match]) -> str:
    """ "the same e-mail as Garcia, Chloé; the same name and birth date as Garcia, Chloe" """
    return "; ".join(_same(match) for match in matches)


class DuplicateClient(ValidationError):
    """A new file looks like one the firm already has; ``matches`` says which and why.

    Raised by ``services.create_client`` unless told the duplicate is intended: the form then
    asks to confirm, the API asks for ``confirm_duplicate``.
    """

    def __init__(self, matches: Sequence[Match]) -> None:
        self.matches = list(matches)
        super().__init__(
            gettext(
                "This may be a client you already have: %(matches)s. "
                "Open that file, or confirm that this is a different person."
            )
            % {"matches": describe(self.matches)}
        )


def refuse_duplicates(client: Client) -> None:
    """Raise ``DuplicateClient`` if ``client`` (unsaved) matches a file of its firm."""
    [matches] = matches_in_firm(firm=client.firm, newcomers=[Newcomer.of(client)])
    if matches:
        raise DuplicateClient(matches)
