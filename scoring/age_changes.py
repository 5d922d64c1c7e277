"""Birthdays that move the score when only the age is known, not the birth date.

Given an age, the calculator cannot date a birthday, so ``upcoming_events`` lists none, and a
29-year-old read "No dated change in the next two years" although age points drop at 30
(issue 12). These changes are undated instead: "at your next birthday", each a real re-score
of the candidate one year older, under the rules in force on the scoring date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from scoring.advice import HORIZON_DAYS
from scoring.engine import score_totals
from scoring.text import N_, T_
from scoring.types import Candidate

__all__ = ["AgeChange", "age_changes"]

_WHICH = {1: N_("At your next birthday"), 2: N_("At the birthday after")}


@dataclass(frozen=True, slots=True)
class AgeChange:
    birthday: int  # 1: the next birthday, 2: the one after
    age: int  # the age turned
    total_after: int
    change: int  # total_after minus the total at the age before

    @property
    def description(self) -> str:
        """ "At your next birthday (age 30) your score drops by 5 points, to 470"."""
        values = {
            "which": _WHICH[self.birthday],
            "age": self.age,
            "points": abs(self.change),
            "total": self.total_after,
        }
        # Whole sentences, one per case: "drops"/"rises" and "point(s)" are not pieces a
        # translation can reuse.
        if self.change < 0:
            if abs(self.change) == 1:
                return T_(
                    "%(which)s (age %(age)s) your score drops by 1 point, to %(total)s", **values
                )
            return T_(
                "%(which)s (age %(age)s) your score drops by %(points)s points, to %(total)s",
                **values,
            )
        if self.change == 1:
            return T_("%(which)s (age %(age)s) your score rises by 1 point, to %(total)s", **values)
        return T_(
            "%(which)s (age %(age)s) your score rises by %(points)s points, to %(total)s",
            **values,
        )


def age_changes(
    candidate: Candidate, on: date, horizon_days: int = HORIZON_DAYS
) -> list[AgeChange]:
    """The birthdays within ``horizon_days`` (the next and, over two years, the one after)
    that change the total, for a candidate given by age; none when the birth date is known
    (``upcoming_events`` dates those) or when the age points no longer move (45 and over)."""
    if candidate.birth_date is not None or candidate.age is None:
        return []
    # A birthday a year: the two-year horizon of the dated events holds two.
    count = min(horizon_days // 365, len(_WHICH))
    before = score_totals(candidate, on).total
    changes = []
    for years in range(1, count + 1):
        older = candidate.age + years
        total = score_totals(replace(candidate, age=older), on).total
        if total != before:
            changes.append(AgeChange(years, older, total, total - before))
        before = total
    return changes
