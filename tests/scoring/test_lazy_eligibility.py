"""``LazyEligibility``: the answers of ``eligibility``, each program worked out when first read."""

from datetime import date

import pytest

from scoring.eligibility import LazyEligibility, eligibility
from tests.scoring.builders import ON, candidate, clb, developer, job

FOREIGN = (job("21231", date(2020, 1, 6), None, in_canada=False),)
CANDIDATES = {
    "cec": developer(),
    "abroad": developer(work_history=FOREIGN, canadian_experience_years=0, settlement_funds=9),
    "no history": candidate(unknown=frozenset({"work_history"})),
    "no language": developer(first_language=None),
    "expired": developer(first_language=clb(9, test_date=date(2020, 1, 1))),
}


@pytest.mark.parametrize("name", CANDIDATES)
def test_lazy_eligibility_answers_as_eligibility_does(name):
    c = CANDIDATES[name]
    eager, lazy = eligibility(c, ON), LazyEligibility(c, ON)
    assert (lazy.fsw, lazy.cec, lazy.fst) == (eager.fsw, eager.cec, eager.fst)
    assert (lazy.programs, lazy.any, lazy.undecided, lazy.none) == (
        eager.programs,
        eager.any,
        eager.undecided,
        eager.none,
    )
    assert lazy.reasons() == eager.reasons()


def test_a_cec_yes_answers_any_without_working_out_fsw_or_fst():
    lazy = LazyEligibility(developer(), ON)
    assert lazy.any
    assert (lazy._fsw, lazy._fst) == (None, None)


def test_nothing_is_worked_out_until_read():
    lazy = LazyEligibility(developer(), ON)
    assert (lazy._cec, lazy._fsw, lazy._fst) == (None, None, None)
