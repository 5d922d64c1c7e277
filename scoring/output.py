"""The public output format (DESIGN.md §3): what the CRS API and the ``crs`` command print.

Plain dicts and lists ready for ``json.dumps``, so both print exactly the same thing.
"""

from __future__ import annotations

from scoring.breakdown import Breakdown
from scoring.eligibility import Eligibility, eligibility
from scoring.engine import score
from scoring.parsing import ScoreRequest

__all__ = ["breakdown_to_json", "eligibility_to_json", "result_to_json"]


def breakdown_to_json(breakdown: Breakdown) -> dict:
    """The public output format (DESIGN.md §3) of one breakdown, ready for ``json.dumps``."""
    rules = breakdown.rules
    return {
        "total": breakdown.total,
        "core_human_capital": breakdown.core_human_capital,
        "spouse_factors": breakdown.spouse_factors,
        "skill_transferability": breakdown.skill_transferability,
        "additional": breakdown.additional,
        "rules": {
            "id": rules.id,
            "effective": rules.effective.isoformat(),
            "description": rules.description,
        },
        "lines": [
            {
                "section": str(line.section),
                "factor": line.factor,
                "points": line.points,
                "detail": line.detail,
            }
            for line in breakdown.lines
        ],
        "expired": list(breakdown.expired),
        "age": breakdown.age,
        "with_spouse": breakdown.with_spouse,
    }


def eligibility_to_json(answers: Eligibility) -> dict:
    """FSW, CEC and FST answers as ``{"fsw": {"eligible", "status", "reason", "points"}, ...}``;
    ``status`` is "yes", "no" or "cant_tell" (a fact needed to decide is missing: the reason
    names it), and ``eligible`` is true only for "yes"."""
    return {
        name: {
            "eligible": answer.eligible,
            "status": answer.status,
            "reason": answer.reason,
            "points": answer.points,
        }
        for name, answer in (("fsw", answers.fsw), ("cec", answers.cec), ("fst", answers.fst))
    }


def result_to_json(request: ScoreRequest) -> dict:
    """What the API and the ``crs`` command print for one request: the as-of date used, the
    breakdown and program eligibility (approximate without a work history, as its reasons say).
    """
    as_of, candidate = request
    return {
        "as_of": as_of.isoformat(),
        **breakdown_to_json(score(candidate, as_of)),
        "eligibility": eligibility_to_json(eligibility(candidate, as_of)),
    }
