"""The consultant dashboard's draw sections, from stored standings (registered with
``profiles.dashboard`` in ``DrawsConfig.ready``).

- The latest draws: the files that would have been invited, lost the tie-break, or came within
  ``NEAR_MISS`` points below the cut-off (the digest's own rule).
- Eligibility changes: for the most recently drawn categories, the files whose eligibility
  differs between the family's latest round and the one before (a new NOC list, experience
  completed, a result expired). Files out of the pool in either round are left out: that is
  the profile sections' news, not the category's.

``files`` comes from ``profiles.dashboard.dashboard_for``, already scoped to the consultant.
Two queries per section, whatever the number of files or rows; the totals are capped counts
(``profiles.dashboard.sections.capped``): "1000+" above the cap.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.db import connection
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.utils import formats
from django.utils.translation import gettext as _

from draws.models import Draw, DrawCategory, Family, Standing, Verdict
from draws.reevaluation.notifications import NEAR_MISS
from eeportal.i18n import tr
from profiles.dashboard import ITEMS, Item, Section, Tally, sections
from profiles.dashboard.sections import count_of

NAME = ("public_id", "first_name", "last_name")


def _uuid(value: object) -> uuid.UUID:
    """A raw query's UUID: PostgreSQL gives a UUID, SQLite (make run) its 32 hex digits."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


LATEST_DRAWS = 3
CATEGORY_FAMILIES = 3


def _evaluated() -> Exists:
    return Exists(Standing.objects.filter(draw=OuterRef("pk")))


def _round(draw: Draw) -> str:
    return _("Round %(number)s (%(day)s, %(category)s)") % {
        "number": draw.number,
        "day": formats.date_format(draw.held_on),
        "category": draw.category,
    }


def _standing_words(standing: Standing) -> tuple[str, str]:
    draw, margin = standing.draw, standing.margin
    values = {"crs": standing.crs, "margin": margin, "cutoff": draw.cutoff, "short": -margin}
    if standing.verdict == Verdict.INVITED:
        return _("Would have been invited"), _("CRS %(crs)s, %(margin)s above the cut-off") % values
    if standing.verdict == Verdict.TIE_LOST:
        return _("Lost the tie-break"), _("CRS %(crs)s, at the cut-off of %(cutoff)s") % values
    return _("Just below the cut-off"), _("CRS %(crs)s, %(short)s below %(cutoff)s") % values


def _newsworthy_rows(files, draws: list[Draw]) -> list[Standing]:
    """The first ``ITEMS`` newsworthy standings of ``draws`` (newest draw first, then by margin),
    each with the section's capped counts. Each draw's own first ``ITEMS`` are read from the
    partial index ``standing_newsworthy`` in its order and stop there; the first ``ITEMS`` of
    all are among them. One ORDER BY over every draw's rows sorted all 14,000 newsworthy
    standings of the newest draw first (50 ms for 100,000 files).

    Written in SQL around the scope compiled once: built with the ORM, its six subqueries
    compiled the scope six times (4 ms of the request)."""
    if not draws:
        return []
    scope, scope_params = files.order_by().values("pk").query.sql_with_params()
    table = Standing._meta.db_table
    # Invited, or within NEAR_MISS points below, written as ``standing_newsworthy``'s condition
    # is: PostgreSQL uses a partial index only for a condition it can match to the index's.
    newsworthy = (
        f"FROM {table} WHERE (verdict = %s OR (margin >= %s AND verdict IN (%s, %s))) "
        f"AND client_id IN ({scope})"
    )
    news_params = [
        Verdict.INVITED,
        -NEAR_MISS,
        Verdict.BELOW_CUTOFF,
        Verdict.TIE_LOST,
        *scope_params,
    ]
    parts, params = [], []
    for draw in draws:
        parts.append(
            "SELECT * FROM (SELECT id AS pk, draw_id, crs, margin, verdict, client_id "  # noqa: S608
            f"{newsworthy} AND draw_id = %s ORDER BY margin DESC, id LIMIT %s) AS top"
        )
        params += [*news_params, draw.pk, ITEMS]
    among = ", ".join("%s" for _ in draws)
    counts, count_params = [], []
    # No count of all three: their sum is exact when each is, and past the cap when one is.
    for condition, values in (
        ("verdict = %s", [Verdict.INVITED]),
        ("verdict = %s", [Verdict.TIE_LOST]),
        # ``margin < 0`` adds nothing (below the cut-off is a negative margin), but it lets
        # PostgreSQL read the ten points below from ``standing_newsworthy`` instead of
        # every below-cutoff standing of the draws from the heap (12 ms against 4).
        ("verdict = %s AND margin < 0", [Verdict.BELOW_CUTOFF]),
    ):
        counts.append(
            f"(SELECT COUNT(*) FROM (SELECT 1 {newsworthy} AND draw_id IN ({among}) "  # noqa: S608
            f"AND {condition} LIMIT %s) AS counted)"
        )
        count_params += [*news_params, *(d.pk for d in draws), *values, sections.CAP + 1]
    # The draws' own order (-held_on, -sequence): draws tied on both share a rank, so their
    # standings mix by margin as they did when ordered by those columns.
    keys = sorted({(d.held_on, d.sequence) for d in draws}, reverse=True)
    rank = " ".join("WHEN %s THEN %s" for _ in draws)
    rank_params = [v for d in draws for v in (d.pk, keys.index((d.held_on, d.sequence)))]
    client = files.model._meta.db_table
    sql = (
        "SELECT t.pk, t.draw_id, t.crs, t.margin, t.verdict, c.id, c.public_id, c.first_name, "  # noqa: S608
        f"c.last_name, {', '.join(counts)} FROM ({' UNION ALL '.join(parts)}) AS t "
        f"JOIN {client} c ON c.id = t.client_id "
        f"ORDER BY CASE t.draw_id {rank} END, t.margin DESC, t.pk LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*count_params, *params, *rank_params, ITEMS])
        found = cursor.fetchall()
    by_pk = {draw.pk: draw for draw in draws}
    rows = []
    for sid, draw_id, crs, margin, verdict, cid, public_id, first, last, *numbers in found:
        row = Standing(id=sid, crs=crs, margin=margin, verdict=verdict, client_id=cid)
        row.draw = by_pk[draw_id]
        row.client = files.model.from_db(
            connection.alias, ["id", "public_id", "first_name", "last_name"],
            [cid, _uuid(public_id), first, last],
        )  # fmt: skip
        row.invited, row.tie_lost, row.near = numbers
        row.total = sum(numbers)
        rows.append(row)
    return rows


def latest_draws(files, today: date) -> Section:
    draws = list(Draw.objects.filter(_evaluated()).select_related("category")[:LATEST_DRAWS])
    rows = _newsworthy_rows(files, draws)
    items = []
    for standing in rows:
        what, means = _standing_words(standing)
        items.append(Item(standing.client, standing.draw.held_on, what,
                          _("%(round)s: %(means)s") % {"round": _round(standing.draw),
                                                       "means": means}, urgent=False))  # fmt: skip
    numbers = ", ".join(draw.number for draw in draws)
    empty = (
        _("No file would have been invited or came within %(near)s points in rounds %(numbers)s.")
        % {"near": NEAR_MISS, "numbers": numbers}
        if draws
        else _("No draw has been evaluated yet.")
    )
    names = ("total", "invited", "tie_lost", "near")
    total, invited, tie_lost, near = (count_of(rows, name) for name in names)
    return Section(
        "latest-draws", _("The latest draws"), items, total, empty,
        counts=[Tally(_("Would have been invited"), invited),
                Tally(_("lost the tie-break"), tie_lost),
                Tally(_("within %(near)s points below") % {"near": NEAR_MISS}, near)],
    )  # fmt: skip


def _family_pairs() -> list[tuple[Draw, Draw]]:
    """(latest, previous) evaluated round of the most recently drawn category families."""
    newest_first = [F("held_on").desc(), F("sequence").desc(), F("number").desc()]
    ranked = (
        Draw.objects.filter(_evaluated(), category__kind=DrawCategory.Kind.CATEGORY)
        .annotate(
            rank=Window(RowNumber(), partition_by=F("category__family"), order_by=newest_first)
        )
        .filter(rank__lte=2)
        .select_related("category")
    )
    by_family: dict[str, list[Draw]] = {}
    for draw in sorted(ranked, key=lambda d: d.rank):
        by_family.setdefault(draw.category.family, []).append(draw)
    pairs = [(found[0], found[1]) for found in by_family.values() if len(found) == 2]
    pairs.sort(key=lambda pair: (pair[0].held_on, pair[0].sequence), reverse=True)
    return pairs[:CATEGORY_FAMILIES]


# A "can't tell" is no change of eligibility: only yes and no are compared.
_JUDGED = [Verdict.NOT_IN_POOL, Verdict.CANT_TELL]  # left out (index ``standing_judged``)


def _changes(pairs: list[tuple[Draw, Draw]]) -> tuple[str, list]:
    """SQL for (draw_id, client_id) of the files judged the other way in each pair's older
    round: judged in both rounds and eligible in exactly one.

    Driven from the eligible side, which is small (about one judged file in ten in a category
    round): the files eligible in one round and not the other are those found once among both
    rounds' entries of the partial index ``standing_eligible`` (2,000 a round for 100,000
    files), and only those few hundred are looked up in ``standing_judged``. The INTERSECT of
    every judged file of both rounds that this replaces hashed 50,000 rows a pair (30 ms a
    pair, against 3)."""
    table = Standing._meta.db_table
    judged = (
        f"EXISTS (SELECT 1 FROM {table} j WHERE j.draw_id = %s "  # noqa: S608
        "AND j.client_id = moved.client_id AND j.verdict NOT IN (%s, %s))"
    )
    parts, params = [], []
    for newest, older in pairs:
        # Table names from the models; every value is a parameter.
        parts.append(
            f"SELECT %s AS draw_id, client_id FROM (SELECT client_id FROM {table} "  # noqa: S608
            "WHERE draw_id IN (%s, %s) AND eligible AND verdict NOT IN (%s, %s) "
            f"GROUP BY client_id HAVING COUNT(*) = 1) AS moved WHERE {judged} AND {judged}"
        )
        params += [newest.pk, newest.pk, older.pk, *_JUDGED]
        params += [newest.pk, *_JUDGED, older.pk, *_JUDGED]
    return " UNION ALL ".join(parts), params


def _changed_rows(files, pairs: list[tuple[Draw, Draw]]) -> list[tuple[Standing, int, int]]:
    """The first ``ITEMS`` changes (newly eligible first, then by name), each with the number
    of changes and of newly eligible files (window counts: computing the changes is the cost,
    counting them once computed is not, so these stay exact)."""
    if not pairs:
        return []
    changes, params = _changes(pairs)
    # The scope as a scalar subquery for each change's client, not ``IN (scope)``: PostgreSQL
    # cannot guess how few the changes are, and for ``IN`` it hashed every file of the firm
    # (60 ms); a scalar subquery is never turned into a join, so it probes the few rows found.
    mine = files.order_by().filter(pk=RawSQL("c.id", ())).values("pk")[:1]
    scope, scope_params = mine.query.sql_with_params()
    standing, client = Standing._meta.db_table, files.model._meta.db_table
    sql = (
        f"SELECT n.id, n.draw_id, n.eligible, n.reason, c.id, c.public_id, c.first_name, "  # noqa: S608
        f"c.last_name, COUNT(*) OVER (), SUM(CASE WHEN n.eligible THEN 1 ELSE 0 END) OVER () "
        f"FROM ({changes}) AS ch "
        f"JOIN {standing} n ON n.draw_id = ch.draw_id AND n.client_id = ch.client_id "
        f"JOIN {client} c ON c.id = n.client_id "
        f"WHERE ({scope}) IS NOT NULL "
        f"ORDER BY n.eligible DESC, c.last_name, c.first_name, n.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *scope_params, ITEMS])
        found = cursor.fetchall()
    rows = []
    for sid, draw_id, eligible, reason, cid, public_id, first, last, total, newly in found:
        person = files.model.from_db(
            connection.alias, ["id", "public_id", "first_name", "last_name"],
            [cid, _uuid(public_id), first, last],
        )  # fmt: skip
        row = Standing(
            id=sid, draw_id=draw_id, client_id=cid, eligible=bool(eligible), reason=reason
        )
        row.client = person
        rows.append((row, total, int(newly)))
    return rows


def eligibility_changes(files, today: date) -> Section:
    pairs = _family_pairs()
    latest = {newest.pk: (newest, older) for newest, older in pairs}
    found = _changed_rows(files, pairs)
    rows = [row for row, _, _ in found]
    items = []
    for row in rows:
        newest, older = latest[row.draw_id]
        family = str(Family(newest.category.family).label)
        if row.eligible:
            what = _("Newly eligible: %(family)s") % {"family": family}
            means = _("Eligible in %(round)s") % {"round": _round(newest)}
        else:
            what = _("No longer eligible: %(family)s") % {"family": family}
            means = _("Eligible in round %(older)s, not in round %(newest)s: %(reason)s") % {
                "older": older.number,
                "newest": newest.number,
                "reason": tr(row.reason),
            }
        items.append(Item(row.client, newest.held_on, what, means))
    total, newly = found[0][1:] if found else (0, 0)
    names = ", ".join(str(Family(newest.category.family).label) for newest, _ in pairs)
    empty = (
        _("No file's eligibility changed between the last two rounds of %(names)s.")
        % {"names": names}
        if pairs
        else _("No category has had two evaluated rounds yet.")
    )
    return Section(
        "eligibility-changes", _("Category eligibility since the previous round"), items, total,
        empty, counts=[Tally(_("Newly eligible"), newly),
                       Tally(_("no longer eligible"), total - newly)],
    )  # fmt: skip


def draw_sections(files, today: date) -> list[Section]:
    return [latest_draws(files, today), eligibility_changes(files, today)]
