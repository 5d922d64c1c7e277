"""How one client stood in one draw (DESIGN.md §4), from their facts as of the draw date.

Pure decisions over the engine's answers; no queries. The chunk task calls ``judge`` for
thousands of clients, so everything that depends only on the draw is worked out once in
``DrawContext``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from draws.models import Draw, DrawCategory, Verdict
from profiles.candidates.facts import ClientFacts
from scoring.categories import Category, category_by_key
from scoring.category_eligibility import category_eligibility
from scoring.eligibility import Answer, LazyEligibility, cant_tell, in_pool
from scoring.engine import score_totals
from scoring.text import N_


class Judgement(NamedTuple):
    crs: int
    eligible: bool
    reason: str
    margin: int
    verdict: str


@dataclass(frozen=True)
class DrawContext:
    on: date
    cutoff: int
    tie_break_at: datetime | None
    kind: str  # a program key ("general", "cec", "fsw", "fst", "pnp") or "category"
    category: Category | None

    @classmethod
    def of(cls, draw: Draw) -> DrawContext:
        is_category = draw.category.kind == DrawCategory.Kind.CATEGORY
        return cls(
            on=draw.held_on,
            cutoff=draw.cutoff,
            tie_break_at=draw.tie_break_at,
            kind="category" if is_category else draw.category.key,
            category=category_by_key(draw.category.key) if is_category else None,
        )


def _round_test(candidate, ctx: DrawContext, programs: LazyEligibility) -> Answer:
    """Whether the candidate, in the pool, could be invited in this kind of round at all.

    What it reads of ``programs`` is all that is worked out: a program round only its own
    program (with CEC, which is always known), a category round whether any program is met
    (with CEC met, no other), a general or PNP round all three, whose names it stores.
    """
    if ctx.category is not None:
        return category_eligibility(candidate, ctx.category, ctx.on, programs=programs)
    if ctx.kind in ("fsw", "cec", "fst"):
        return getattr(programs, ctx.kind)
    if not programs.any:
        return cant_tell("Can't tell whether eligible for a program: " + programs.reasons())
    if ctx.kind == "pnp" and not candidate.provincial_nomination:
        return Answer(False, N_("No provincial nomination on the draw date"))
    return Answer(True, "Eligible: " + ", ".join(p.upper() for p in programs.programs))


def _pool_problem(facts: ClientFacts, candidate, on: date) -> str:
    # Stored as the reason, in English; the fixed ones are marked (N_) so the pages can say
    # them in the reader's language (``|tr``). Those with a date stay English.
    if facts.profile_submitted_at is None:
        return N_("No Express Entry profile submitted")
    submitted = facts.profile_submitted_on
    if submitted > on:
        return f"Profile submitted later, on {submitted:%Y-%m-%d}"
    if not facts.profile_valid_on(on):
        expired = facts.profile_expires_on
        return f"Profile expired on {expired:%Y-%m-%d} (12 months after submission)"
    if facts.ita_received_on is not None and facts.ita_received_on < on:
        return f"Already invited on {facts.ita_received_on:%Y-%m-%d}"
    documents = in_pool(candidate, on)
    return "" if documents.eligible else documents.reason


def judge(facts: ClientFacts, ctx: DrawContext) -> Judgement:
    """The client's CRS on the draw date and their verdict in the draw."""
    candidate = facts.candidate(ctx.on)
    crs = score_totals(candidate, ctx.on).total
    margin = crs - ctx.cutoff
    problem = _pool_problem(facts, candidate, ctx.on)
    # Lazy: a round decides on fewer programs than it asks about (see ``_round_test``).
    programs = LazyEligibility(candidate, ctx.on)
    if not problem and programs.none:
        # IRCC keeps no profile that meets no program: such a client is not in the pool at all.
        problem = "Meets no Express Entry program: " + programs.reasons()
    if problem:
        return Judgement(crs, False, problem[:300], margin, Verdict.NOT_IN_POOL)
    answer = _round_test(candidate, ctx, programs)
    reason = answer.reason[:300]
    if answer.undecided:
        return Judgement(crs, False, reason, margin, Verdict.CANT_TELL)
    if not answer.eligible:
        return Judgement(crs, False, reason, margin, Verdict.NOT_ELIGIBLE)
    if margin > 0:
        return Judgement(crs, True, reason, margin, Verdict.INVITED)
    if margin < 0:
        return Judgement(crs, True, reason, margin, Verdict.BELOW_CUTOFF)
    return Judgement(crs, True, reason, margin, _tie(facts.profile_submitted_at, ctx))


def _tie(submitted_at: datetime, ctx: DrawContext) -> str:
    # At the cut-off, IRCC invited the profiles submitted up to the published tie-break moment:
    # it is the submission time of the last candidate invited. Rounds before 2017-11-15
    # published none, so everyone at the cut-off counts as invited.
    if ctx.tie_break_at is None or submitted_at <= ctx.tie_break_at:
        return Verdict.INVITED
    return Verdict.TIE_LOST
