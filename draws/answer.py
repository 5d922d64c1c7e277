"""The client's answer at a glance (issue 12, item 1): today's score against the latest round
of each kind the client could take part in, in plain words.

"Would you have been invited" compares today's score with that round's cut-off, and at the
cut-off the profile's submission time with the round's tie-break time, as IRCC decides it
(DESIGN.md §4). What happened in each round on its own date, with the score of that date, is
the standings table's job; this card answers "where do I stand now".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import formats
from django.utils.translation import gettext as _

from draws import estimates
from draws.models import Draw, Family
from eeportal.i18n import tr
from eeportal.public_cache import per_revision
from profiles.candidates.assessment import Assessment
from profiles.dates import local_date
from profiles.models import Client

# The order a client reads the kinds in: the rounds open to most people first.
_PROGRAM_ORDER = ("general", "cec", "fsw", "fst", "pnp")


class Outcome:
    INVITED = "invited"
    TIE_WON = "tie_won"
    TIE_LOST = "tie_lost"
    BELOW = "below"


@dataclass(frozen=True)
class RoundAnswer:
    kind: str  # a Family value: "general", "cec", "french", …
    kind_name: str
    draw: Draw | None  # the latest round of the kind; None when there has been none
    outcome: str  # an Outcome value ("" without a round)
    unsure: bool = False  # the client's eligibility for this kind cannot be told yet
    score: int = 0  # today's score, which the sentence compares with the cut-off

    @property
    def invited(self) -> bool:
        return self.outcome in (Outcome.INVITED, Outcome.TIE_WON)

    @property
    def gap(self) -> int:
        """Points between today's score and the cut-off (positive above it)."""
        return 0 if self.draw is None else self.score - self.draw.cutoff

    @property
    def short_by(self) -> int:
        return -self.gap


@dataclass(frozen=True)
class AnswerCard:
    on: date
    score: int
    rounds: list[RoundAnswer]
    out_of_pool: str  # why the profile is not in the pool today, in words; "" if it is
    meets_no_program: bool

    @property
    def invited_kinds(self) -> list[RoundAnswer]:
        return [row for row in self.rounds if row.invited and not row.unsure]


def open_kinds(assessment: Assessment) -> tuple[list[str], list[str]]:
    """(kinds the client is eligible for today, kinds that cannot be told yet), as ``Family``
    values. General rounds are open to anyone eligible for a program; PNP rounds to those
    with a nomination as well."""
    yes = assessment.eligible_keys
    unsure = list(assessment.undecided_keys)
    kinds = []
    if any(key in ("fsw", "cec", "fst") for key in yes):
        kinds.append("general")
        if assessment.nominated:
            kinds.append("pnp")
    kinds += yes
    if unsure and not kinds:
        unsure = ["general", *unsure]
    order = {key: i for i, key in enumerate(_PROGRAM_ORDER)}
    ranked = sorted(dict.fromkeys(kinds), key=lambda k: (order.get(k, len(order)), k))
    return ranked, [k for k in dict.fromkeys(unsure) if k not in ranked]


def latest_by_kind(kinds: list[str]) -> dict[str, Draw]:
    """The latest round of each kind in ``kinds`` (``_latest_of_each_kind``)."""
    latest = _latest_of_each_kind() if kinds else {}
    return {kind: latest[kind] for kind in kinds if kind in latest}


@per_revision
def _latest_of_each_kind() -> dict[str, Draw]:
    """The latest round of every kind: one query per process and data revision, a window
    numbering each kind's rounds newest first (every portal and client page asks)."""
    rows = (
        Draw.objects.select_related("category")
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("category__family")],
                order_by=[F("held_on").desc(), F("sequence").desc(), F("number").desc()],
            )
        )
        .filter(place=1)
    )
    return {draw.category.family: draw for draw in rows}


def outcome(score: int, draw: Draw, submitted_at: datetime | None) -> str:
    """How today's score would have done in ``draw``: above, below, or at the cut-off with the
    tie-break decided by the profile's submission time (no profile yet: it would be created
    after the tie-break, so the tie is lost; no published tie-break: everyone at it)."""
    if score > draw.cutoff:
        return Outcome.INVITED
    if score < draw.cutoff:
        return Outcome.BELOW
    tie = draw.tie_break_at
    if tie is None or (submitted_at is not None and submitted_at <= tie):
        return Outcome.TIE_WON
    return Outcome.TIE_LOST


def answer_card(
    *, assessment: Assessment, submitted_at: datetime | None, out_of_pool: str
) -> AnswerCard:
    """The card for one client: two queries at most (the latest round per kind)."""
    score = assessment.breakdown.total
    kinds, unsure = open_kinds(assessment)
    latest = latest_by_kind(kinds + unsure)
    names = dict(Family.choices)
    rows = [
        RoundAnswer(
            kind=kind,
            kind_name=names.get(kind, kind),
            draw=latest.get(kind),
            outcome=outcome(score, latest[kind], submitted_at) if kind in latest else "",
            unsure=kind in unsure,
            score=score,
        )
        for kind in kinds + unsure
    ]
    return AnswerCard(
        on=assessment.on,
        score=score,
        rounds=rows,
        out_of_pool=out_of_pool,
        meets_no_program=not kinds and not unsure,
    )


def out_of_pool(client: Client, on: date, expired: list[str]) -> str:
    """Why the client's profile is not in the pool on ``on``, in words ("" when it is)."""
    # Said in the reader's language (built per request); dates as the page writes them.
    if client.ita_received_on is not None:
        return _("invited to apply on %(day)s") % {
            "day": formats.date_format(client.ita_received_on)
        }
    if client.profile_submitted_at is None:
        return _("no Express Entry profile has been submitted yet")
    expires = local_date(client.profile_expires_at)
    if expires <= on:
        return _("the profile expired on %(day)s (profiles last 12 months)") % {
            "day": formats.date_format(expires)
        }
    if expired:
        return _("%(results)s expired") % {"results": "; ".join(str(tr(e)) for e in expired)}
    return ""


@dataclass(frozen=True)
class ClientAnswer:
    """Everything the client's answer shows: the card and the three estimates, all from today's
    score and eligibility (the stored copies may be a night old)."""

    card: AnswerCard
    place: estimates.Place | None
    outlook: estimates.Outlook
    backtest: estimates.Backtest


def client_answer(*, client: Client, assessment: Assessment) -> ClientAnswer:
    """The answer for one client already fetched through ``clients_visible_to``: five queries
    (latest round per kind, latest distribution, last year's rounds, standings, none more for
    a longer history)."""
    card = answer_card(
        assessment=assessment,
        submitted_at=client.profile_submitted_at,
        out_of_pool=out_of_pool(client, assessment.on, assessment.expired),
    )
    return ClientAnswer(
        card=card,
        # A profile that meets no program is not in the pool, so it has no place in it.
        place=None if card.meets_no_program else estimates.pool_place(card.score),
        outlook=estimates.outlook_for(
            score=card.score,
            eligible_for=" ".join(assessment.eligible_keys),
            undecided_for=" ".join(assessment.undecided_keys),
            nominated=assessment.nominated,
            on=assessment.on,
        ),
        backtest=estimates.backtest_of(client, on=assessment.on),
    )
