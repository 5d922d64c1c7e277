"""Read queries for draws. Draws are public facts, so they are not scoped by user; standings
are read for a client the caller has already authorised, or through ``clients_visible_to``."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from draws.models import Draw, Family, ReevaluationRun, Standing, Verdict
from profiles.models import Client
from profiles.roles import roles_of
from profiles.selectors import clients_visible_to


def draws_for_list() -> QuerySet[Draw]:
    """Draws with their category loaded: the list page, the API and the admin show both."""
    return Draw.objects.select_related("category")


def standings_of(*, client: Client) -> QuerySet[Standing]:
    """One client's standings, newest draw first. ``client`` must have been fetched through
    ``profiles.selectors.clients_visible_to``: that is where the scope is decided."""
    return Standing.objects.filter(client=client).select_related("draw__category")


_SHOWN = (
    "crs", "margin", "eligible", "reason", "verdict",
    "client__public_id", "client__first_name", "client__last_name",
)  # fmt: skip


@dataclass(frozen=True)
class VerdictGroup:
    verdict: Verdict
    count: int  # every client of the group; ``standings`` holds the first few
    standings: list[Standing]


def firm_clients_in(
    *, draw: Draw, user: User | AnonymousUser, per_verdict: int = 10
) -> list[VerdictGroup] | None:
    """The requesting consultant's firm's clients in ``draw``, by verdict (in the verdicts'
    order), the highest CRS first; None for anyone who is not a consultant.

    One query whatever the firm's size: a window numbers the rows of each verdict, keeps
    ``per_verdict`` of them and carries the verdict's total on each row.
    """
    if not roles_of(user).consultant:
        return None
    in_order = [F("crs").desc(), F("client__last_name"), F("client__first_name"), F("pk")]
    rows = (
        Standing.objects.filter(draw=draw, client__in=clients_visible_to(user=user))
        .select_related("client")
        .only(*_SHOWN)
        .annotate(
            place=Window(RowNumber(), partition_by=[F("verdict")], order_by=in_order),
            of=Window(Count("pk"), partition_by=[F("verdict")]),
        )
        .filter(place__lte=per_verdict)
        .order_by("place")
    )
    groups: dict[str, list[Standing]] = defaultdict(list)
    for standing in rows:
        groups[standing.verdict].append(standing)
    return [
        VerdictGroup(verdict, groups[verdict][0].of, groups[verdict])
        for verdict in Verdict
        if groups[verdict]
    ]


def runs_for_list() -> QuerySet[ReevaluationRun]:
    """Re-evaluation runs, newest first, with their draw (for staff only: the views check)."""
    return ReevaluationRun.objects.select_related("draw")


def neighbours(draw: Draw) -> tuple[Draw | None, Draw | None]:
    """The previous and the next round of the same family (e.g. healthcare across versions)."""
    same_family = draws_for_list().filter(category__family=draw.category.family)
    earlier = (
        Q(held_on__lt=draw.held_on)
        | Q(held_on=draw.held_on, sequence__lt=draw.sequence)
        | Q(held_on=draw.held_on, sequence=draw.sequence, number__lt=draw.number)
    )
    later = (
        Q(held_on__gt=draw.held_on)
        | Q(held_on=draw.held_on, sequence__gt=draw.sequence)
        | Q(held_on=draw.held_on, sequence=draw.sequence, number__gt=draw.number)
    )
    previous = same_family.filter(earlier).order_by("-held_on", "-sequence", "-number").first()
    following = same_family.filter(later).order_by("held_on", "sequence", "number").first()
    return previous, following


def _months(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last``."""
    months, (year, month) = [], map(int, first.split("-"))
    while f"{year}-{month:02d}" <= last:
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def chart_data(draws: QuerySet[Draw]) -> dict:
    """Cut-off CRS over time per family, and invitations per month, from one query.

    Months without a round are listed with 0 so the bars keep a true time scale.
    """
    rows = draws.order_by("held_on", "sequence", "number").values_list(
        "held_on", "number", "cutoff", "invitations", "category__family"
    )
    points: dict[str, list] = defaultdict(list)
    per_month: dict[str, int] = defaultdict(int)
    for held_on, number, cutoff, invitations, family in rows:
        points[family].append({"date": held_on.isoformat(), "crs": cutoff, "round": number})
        per_month[f"{held_on:%Y-%m}"] += invitations
    families = [
        {
            "family": family.value,
            "label": family.label,
            "points": points[family.value],
            "rounds": len(points[family.value]),
            "lowest": min(p["crs"] for p in points[family.value]),
            "highest": max(p["crs"] for p in points[family.value]),
            "latest": points[family.value][-1],
        }
        for family in Family
        if points[family.value]
    ]
    months = _months(min(per_month), max(per_month)) if per_month else []
    return {
        "families": families,
        "months": [{"month": month, "invitations": per_month.get(month, 0)} for month in months],
    }
