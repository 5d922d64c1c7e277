"""Category-based selection eligibility as of a date (crs-rules.md §8; category-nocs.md).

A category round invites only candidates eligible for a program (``scoring.eligibility``) who
also meet the version's condition: French at NCLC 7, or work in one of its listed occupations.
Occupation tests need a work history (NOC, dates, hours); whether a version is in force on a
date is the caller's choice (``Category.in_force``).
"""

from __future__ import annotations

from datetime import date

from scoring import experience as xp
from scoring.categories import Category, ExperienceRule
from scoring.eligibility import (
    Answer,
    Eligibility,
    LazyEligibility,
    abilities_below,
    and_list,
    cant_tell,
    eligibility,
)
from scoring.text import N_, T_
from scoring.types import Candidate

__all__ = ["category_eligibility"]

SIX_MONTHS_HOURS = xp.HOURS_PER_YEAR // 2  # 6 months full-time = 780 h (26 weeks x 30 h)


def category_eligibility(
    candidate: Candidate,
    category: Category,
    on: date,
    *,
    programs: Eligibility | LazyEligibility | None = None,
) -> Answer:
    """Whether ``candidate`` meets one category version's conditions on ``on`` (§8).

    The candidate must be eligible for FSW, CEC or FST (a "no" to the category's own test wins
    over a "can't tell" about the programs); then French needs NCLC 7+ on all
    four French abilities (valid results), and an occupational category needs the version's
    experience rule in ONE listed occupation within the past 3 years (in Canada for the
    "with Canadian work experience" categories). Whether the version is in force on ``on`` is
    the caller's choice. Pass ``programs`` (``eligibility(candidate, on)``) when checking several
    categories, to work the program answers out once, or a ``LazyEligibility``: only ``any`` is
    read when a program is met.
    """
    if programs is None:
        programs = eligibility(candidate, on)
    if category.french_only:
        answer = _french_category(candidate, on)
    else:
        answer = _occupation_category(candidate, category, on)
    if programs.any or (not answer.eligible and not answer.undecided):
        return answer
    if programs.undecided:
        return cant_tell(
            T_(
                "Can't tell whether eligible for an Express Entry program: %(reasons)s",
                reasons=programs.reasons(),
            )
        )
    return Answer(
        False,
        T_("Not eligible for an Express Entry program: %(reasons)s", reasons=programs.reasons()),
    )


def _french_category(c: Candidate, on: date) -> Answer:
    results = [r for r in (c.first_language, c.second_language) if r is not None and r.is_french]
    if not results:
        return Answer(False, N_("No French test result (NCLC 7 in all four abilities needed)"))
    french = results[0]
    if french.expired(on):
        return Answer(False, T_("French result expired on %(day)s", day=french.expires_on))
    below = abilities_below(french, (7, 7, 7, 7))
    if below:
        return Answer(False, T_("French below NCLC 7 in %(abilities)s", abilities=and_list(below)))
    return Answer(True, N_("French NCLC 7+ in all four abilities"))


def _occupation_category(c: Candidate, category: Category, on: date) -> Answer:
    if not c.work_history:
        return cant_tell(
            N_(
                "No work history recorded: jobs with their NOC codes are needed to check the "
                "occupation list"
            )
        )
    where = category.canadian_experience_only
    periods = [
        p
        for p in c.work_history
        if p.noc in category.nocs and (not where or (p.in_canada and p.authorised))
    ]
    start = xp.years_before(on, 3)
    six = category.experience_rule is ExperienceRule.SIX_MONTHS_CONTINUOUS
    if six:
        measure, needed = xp.longest_run_hours, SIX_MONTHS_HOURS
    else:
        measure, needed = xp.hours, xp.HOURS_PER_YEAR
    best_noc, best = "", 0.0
    for noc, group in sorted(xp.by_occupation(periods).items()):
        worked = measure(group, start=start, end=on)
        if worked > best:
            best_noc, best = noc, worked
    if best + 1e-6 < needed:
        return Answer(False, _SHORT[six, where])
    return Answer(True, T_(_MET[six, where], noc=best_noc))


# (six months continuous, in Canada only): whole sentences, so each translates as one.
_SHORT = {
    (True, False): N_(
        "Less than 6 months continuous work in one listed occupation in the last 3 years"
    ),
    (True, True): N_(
        "Less than 6 months continuous work in one listed occupation in Canada in the last 3 years"
    ),
    (False, False): N_("Less than 12 months of work in one listed occupation in the last 3 years"),
    (False, True): N_(
        "Less than 12 months of work in one listed occupation in Canada in the last 3 years"
    ),
}
_MET = {
    (True, False): N_("6 months continuous work as NOC %(noc)s in the last 3 years"),
    (True, True): N_("6 months continuous work as NOC %(noc)s in Canada in the last 3 years"),
    (False, False): N_("12 months of work as NOC %(noc)s in the last 3 years"),
    (False, True): N_("12 months of work as NOC %(noc)s in Canada in the last 3 years"),
}
