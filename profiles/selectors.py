"""Reads of client files, always scoped by who is asking (DESIGN.md §6, §9.2).

``clients_visible_to`` is the only way to fetch client rows: a consultant sees their firm's
clients, a client their own file, anyone else nothing (staff use the admin). Views look objects
up inside it, so another firm's client is a 404, never a 403.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Exists, F, Model, OuterRef, QuerySet, Window
from django.db.models.functions import Lead
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from django_otp.plugins.otp_totp.models import TOTPDevice

from eeportal.i18n import tr
from profiles.candidates.assessment import Assessment, assess
from profiles.candidates.loader import facts_of
from profiles.choices import Stage
from profiles.models import (
    Client,
    EducationCredential,
    FileAccess,
    Firm,
    LanguageTestResult,
    Membership,
    ScoreChange,
    StageChange,
    WorkPeriod,
)
from profiles.roles import roles_of

FACT_MODELS: dict[str, type[Model]] = {
    "credentials": EducationCredential,
    "languages": LanguageTestResult,
    "work": WorkPeriod,
}
_HIDDEN_IN_HISTORY = {"history_id", "history_date", "history_change_reason", "history_type"}
_HIDDEN_IN_HISTORY |= {"history_user", "id", "public_id", "client", "created_at", "teer"}


def firm_of(*, user: User | AnonymousUser) -> Firm | None:
    """The consultant's firm, or None for anyone who is not a consultant."""
    if not roles_of(user).consultant:
        return None
    return user.membership.firm


def clients_visible_to(*, user: User | AnonymousUser) -> QuerySet[Client]:
    """The client files ``user`` may read: their firm's, their own, or none."""
    roles = roles_of(user)
    if roles.consultant:
        # roles_of has already loaded the membership, so this adds no query.
        return Client.objects.filter(firm_id=user.membership.firm_id)
    if roles.client:
        return Client.objects.filter(pk=user.client_file.pk)
    return Client.objects.none()


def own_client_file(*, user: User | AnonymousUser) -> Client | None:
    """A signed-in client's own file (for the portal), or None. ``roles_of`` has loaded it
    already (the one file ``clients_visible_to`` gives a client), so this adds no query."""
    return user.client_file if roles_of(user).client else None


def facts_of_client(*, client: Client) -> dict[str, list[Model]]:
    """The file's fact rows by kind, the client's before the spouse's (one query per kind)."""
    return {kind: list(model.objects.filter(client=client)) for kind, model in FACT_MODELS.items()}


def assessment_of(
    *, client: Client, on: date, rows: Iterable[Model] | None = None, with_events: bool = True
) -> Assessment:
    """The score, eligibility, advice and (unless ``with_events`` is false) dated events on
    ``on``, computed now (one client only). ``rows`` are the file's fact rows when the caller
    has them already (``facts_of_client``, a prefetch): read again, they cost three queries.
    """
    if rows is None:
        rows = chain.from_iterable(facts_of_client(client=client).values())
    return assess(facts_of(client, rows), on, with_events=with_events)


def score_history(*, client: Client, limit: int = 20) -> list[ScoreChange]:
    """The latest changes of the client's CRS with their reasons, newest first (one query).
    ``client`` comes from ``clients_visible_to``: the caller has already scoped it."""
    return list(client.score_changes.select_related("changed_by")[:limit])


def consultants_of(*, firm: Firm) -> QuerySet[Membership]:
    """The firm's seats with their users and whether each uses two-factor sign-in (one query)."""
    apps = TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)
    return firm.memberships.select_related("user").annotate(two_factor=Exists(apps))


def access_log_of(*, firm: Firm) -> QuerySet[FileAccess]:
    """The firm's access log, newest first, each line with its user and file (one query a
    page, however many lines)."""
    return firm.file_accesses.select_related("user", "client")


def stage_changes(*, client: Client, limit: int = 50) -> list[StageChange]:
    """The file's stage changes, newest first, with who made them (one query). ``client`` is
    already scoped by the caller."""
    return list(client.stage_changes.select_related("changed_by")[:limit])


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    what: str  # "Client file", "Language test IELTS ...", ...
    kind: str  # "created", "changed", "deleted"
    changes: list[tuple[str, str, str]]  # (field, before, after)


# The fact models' names as ``_label`` writes them, for the catalogue.
_FACT_NAMES = (
    gettext_noop("Education credential"),
    gettext_noop("Language test result"),
    gettext_noop("Work period"),
)


def _label(record: Model, model: type[Model]) -> str:
    if model is Client:
        return gettext("Client file")
    return gettext("%(kind)s: %(fact)s") % {
        "kind": gettext(str(model._meta.verbose_name).capitalize()),
        "fact": record.instance,
    }


def _display(field, value) -> str:
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime):
        # Stored in UTC; shown in the site's time zone, as the form shows it (to the second).
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    return str(value)


def _kept_predecessors(records: QuerySet, kept: list[Model]) -> dict[int, Model]:
    """{object id: its record just before the oldest one in ``kept``} for each object whose
    oldest kept record is a change, in one query: a LEAD window over each object's history,
    keeping the records whose next one is that oldest kept record."""
    oldest: dict[int, Model] = {}
    for record in kept:
        oldest.setdefault(record.id, record)
    wanted = [record.history_id for record in oldest.values() if record.history_type == "~"]
    if not wanted:
        return {}
    following = Window(
        Lead("history_id"), partition_by=[F("id")], order_by=[F("history_date"), F("history_id")]
    )
    older = records.filter(id__in=list(oldest)).annotate(next_history_id=following)
    return {record.id: record for record in older.filter(next_history_id__in=wanted)}


OUTSIDE_THE_FIRM = gettext_lazy("someone outside the firm")
_TIES = ("membership", "client_file")  # what ties a user to a firm
_USER_COLUMNS = ("first_name", "last_name", "username", "membership__firm", "client_file__firm")


def _name_for(user: User, *, firm_id: int) -> str:
    """The user's name as the file's firm may see it: anyone not tied to another firm (its own
    consultants and clients' logins, a consultant since removed, staff) by name; another firm's
    consultant or client as OUTSIDE_THE_FIRM, so the page never names them (a file moved between
    firms in the admin keeps the old firm's people in its history)."""
    ties = (getattr(user, "membership", None), getattr(user, "client_file", None))
    if any(tie is not None and tie.firm_id != firm_id for tie in ties):
        return OUTSIDE_THE_FIRM
    return user.get_full_name() or user.get_username()


def _people(ids: set[int], *, firm_id: int) -> dict[int, str]:
    """{user id: ``_name_for``} for the users among ``ids``, in one query."""
    if not ids:
        return {}
    users = User.objects.filter(pk__in=ids).select_related(*_TIES).only(*_USER_COLUMNS)
    return {user.pk: _name_for(user, firm_id=firm_id) for user in users}


def _related(field, value, *, people: dict[int, str], client: Client) -> str:
    """A foreign key's value as the person or firm it points to, not its id ("user: — → 4")."""
    if value is None:
        return "—"
    if field.related_model is Firm:
        return client.firm.name if value == client.firm_id else gettext("another firm")
    return people.get(value, gettext("a deleted login"))


def _stage_change(change: StageChange) -> Change:
    user = change.changed_by
    who = user.get_full_name() or user.get_username() if user else gettext("system")
    before = Stage(change.previous_stage).label if change.previous_stage else "—"
    after = gettext("%(stage)s on %(day)s") % {
        "stage": change.get_stage_display(),
        "day": date_format(change.on),
    }
    diff = [("stage", before, after)]
    if change.reason:
        # Stored in English when the site wrote it ("File opened"): |tr finds those.
        diff.append(("reason", "—", tr(change.reason)))
    return Change(change.recorded_at, who, gettext("File stage"), "changed", diff)


def _document_events(client: Client, limit: int) -> list[Change]:
    """Uploads, reviews, removals and messages (issue 13), one query; who as the firm may
    see them, and never a message's text (the thread shows that)."""
    events = client.document_events.select_related(*(f"by__{tie}" for tie in _TIES))[:limit]
    changes = []
    for event in events:
        who = _name_for(event.by, firm_id=client.firm_id) if event.by else gettext("system")
        diff = [("reason", "—", event.note)] if event.note else []
        is_message = event.action == event.Action.MESSAGE
        what = event.what if is_message else gettext("Document: %(what)s") % {"what": event.what}
        changes.append(Change(event.at, who, what, event.get_action_display().lower(), diff))
    return changes


def client_history(
    *, client: Client, limit: int = 100, stages: list[StageChange] | None = None
) -> list[Change]:
    """Who changed what and when in the file, newest first, with before/after values.

    One query per audited table (the client and its three fact tables), each cut to its
    newest ``limit`` records in SQL: a file edited for years has thousands. A change is shown
    against the record before it of the same object; when a table has ``limit`` records or
    more, an object's oldest kept change needs one older still, read by one more query.
    Saves that changed nothing shown are left out, so a table may give fewer than ``limit``.
    """
    if stages is None:
        stages = stage_changes(client=client, limit=limit)
    changes: list[Change] = [_stage_change(change) for change in stages]
    changes += _document_events(client, limit)
    related: list[tuple[list, int, object, object, object]] = []  # diff, index, field, old, new
    tables = [(Client, Client.history.filter(id=client.pk))]
    tables += [(m, m.history.filter(client_id=client.pk)) for m in FACT_MODELS.values()]
    for model, records in tables:
        newest = records.select_related(*(f"history_user__{tie}" for tie in _TIES))
        newest = newest.order_by("-history_date", "-history_id")
        kept = list(newest[:limit])[::-1]  # oldest first: each record's predecessor before it
        fields = [f for f in model.history.model._meta.fields if f.name not in _HIDDEN_IN_HISTORY]
        previous_by_object = _kept_predecessors(records, kept) if len(kept) == limit else {}
        for record in kept:
            before = previous_by_object.get(record.id)
            previous_by_object[record.id] = record
            kind = {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]
            diff = []
            if kind == "changed" and before is not None:
                for field in fields:
                    old, new = getattr(before, field.attname), getattr(record, field.attname)
                    if old != new:
                        name = str(field.verbose_name)
                        if field.is_relation:  # named below, with one query for all of them
                            related.append((diff, len(diff), field, old, new))
                            diff.append((name, "", ""))
                        else:
                            diff.append((name, _display(field, old), _display(field, new)))
                if not diff:
                    continue
            user = record.history_user
            who = _name_for(user, firm_id=client.firm_id) if user else "system"
            changes.append(Change(record.history_date, who, _label(record, model), kind, diff))
    ids = {
        value
        for _, _, field, old, new in related
        if field.related_model is User
        for value in (old, new)
        if value is not None
    }
    people = _people(ids, firm_id=client.firm_id)
    for diff, index, field, old, new in related:
        before = _related(field, old, people=people, client=client)
        diff[index] = (diff[index][0], before, _related(field, new, people=people, client=client))
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]
