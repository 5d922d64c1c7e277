"""The outlook as a pure function: hand-checked values, and what must always hold."""

import itertools
import math
from datetime import date, timedelta

import pytest

from draws.estimates.outlook import Horizon, RoundFact, kinds_open, outlook

ON = date(2026, 8, 7)


def cec_rounds(cutoffs, kind="cec"):
    """One round a month back from ON, newest first, of ``kind``."""
    return [
        RoundFact(str(500 + i), ON - timedelta(days=30 * i), kind, cutoff)
        for i, cutoff in enumerate(cutoffs)
    ]


def test_with_no_round_below_the_score_the_low_figure_is_0_and_the_high_ln10():
    # k = 0: lambda_low = 0; lambda_high = ln 10 / 12 a month (80% upper limit of a Poisson 0).
    # 12 months: 1 - e^(-ln 10) = 1 - 0.1 = 90%; 3 months: 1 - 0.1^(3/12) = 43.77%.
    found = outlook(score=480, rounds=cec_rounds([500] * 12), on=ON, open_kinds={"cec"})
    three, _, twelve = found.horizons
    assert (three.low, twelve.low) == (0.0, 0.0)
    assert twelve.high == pytest.approx(0.9)
    assert three.high == pytest.approx(1 - 0.1**0.25)
    assert three.text == "up to 44%"
    assert found.lowest_cutoff == 500


def test_with_12_rounds_of_12_below_the_score_the_high_figure_is_near_but_under_certain():
    # k = 12: lambda_high = 17.782 / 12 a month; 12 months: 1 - e^-17.782, capped at 99.9%.
    # lambda_low = 7.829 / 12; 3 months: 1 - e^(-7.829/4) = 85.9%.
    found = outlook(score=530, rounds=cec_rounds([500] * 12), on=ON, open_kinds={"cec"})
    three, _, twelve = found.horizons
    assert 0.99 < twelve.high < 1
    assert three.low == pytest.approx(1 - math.exp(-7.829 / 4), abs=1e-4)
    assert twelve.text == "above 95%"
    assert "100" not in twelve.text


def test_a_higher_score_never_lowers_either_figure():
    rounds = cec_rounds([495, 500, 505, 510, 515, 520, 525, 530, 535, 540])
    found = [outlook(score=s, rounds=rounds, on=ON, open_kinds={"cec"}) for s in range(480, 560, 5)]
    for a, b in itertools.pairwise(found):
        for lower, higher in zip(a.horizons, b.horizons, strict=True):
            assert lower.low <= higher.low and lower.high <= higher.high


def test_a_longer_horizon_never_lowers_either_figure():
    found = outlook(score=512, rounds=cec_rounds([505, 510, 515, 520]), on=ON, open_kinds={"cec"})
    lows = [h.low for h in found.horizons]
    highs = [h.high for h in found.horizons]
    assert lows == sorted(lows) and highs == sorted(highs)
    assert all(h.low <= h.high for h in found.horizons)


def test_a_round_at_exactly_the_score_widens_only_the_upper_figure():
    without = outlook(score=510, rounds=cec_rounds([505, 520]), on=ON, open_kinds={"cec"})
    tied = outlook(score=510, rounds=cec_rounds([505, 510]), on=ON, open_kinds={"cec"})
    assert [h.low for h in tied.horizons] == [h.low for h in without.horizons]
    assert all(t.high > w.high for t, w in zip(tied.horizons, without.horizons, strict=True))
    assert tied.ties == 1


def test_kinds_we_cannot_tell_widen_only_the_upper_figure():
    rounds = cec_rounds([505, 520]) + cec_rounds([470, 480], kind="healthcare")
    sure = outlook(score=510, rounds=rounds, on=ON, open_kinds={"cec"})
    unsure = outlook(
        score=510, rounds=rounds, on=ON, open_kinds={"cec"}, unsure_kinds={"healthcare"}
    )
    assert [h.low for h in unsure.horizons] == [h.low for h in sure.horizons]
    assert all(u.high > s.high for u, s in zip(unsure.horizons, sure.horizons, strict=True))
    assert (unsure.unsure_rounds, unsure.unsure_cleared) == (2, 2)


def test_rounds_of_kinds_not_open_to_the_client_never_count():
    cec = cec_rounds([505, 520])
    found = outlook(
        score=510, rounds=cec + cec_rounds([300] * 10, kind="pnp"), on=ON, open_kinds={"cec"}
    )
    alone = outlook(score=510, rounds=cec, on=ON, open_kinds={"cec"})
    assert found == alone
    assert found.open_rounds == 2


def test_rounds_older_than_12_months_or_after_the_date_never_count():
    old = RoundFact("1", date(2025, 8, 7), "cec", 300)  # 12 months back: outside
    later = RoundFact("2", date(2026, 8, 8), "cec", 300)
    found = outlook(score=510, rounds=[old, later], on=ON, open_kinds={"cec"})
    assert (found.open_rounds, found.since) == (0, date(2025, 8, 8))


def test_without_any_round_of_an_open_kind_there_is_no_outlook_to_show():
    found = outlook(score=510, rounds=cec_rounds([400], kind="fst"), on=ON, open_kinds={"cec"})
    assert not found.known
    assert "nothing to base an outlook on" in found.reasoning


def test_the_reasoning_gives_the_counts_the_period_and_says_it_is_no_promise():
    found = outlook(score=512, rounds=cec_rounds([505, 512, 530]), on=ON, open_kinds={"cec"})
    assert "In the 12 months to 2026-08-07, 3 rounds" in found.reasoning
    assert "1 had a cut-off below 512 and 1 exactly 512" in found.reasoning
    assert "look like the last 12" in found.reasoning
    assert "not a promise" in found.reasoning
    assert "the client" in found.reasoning_for_consultant


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (0.0, 0.004, "under 1%"),
        (0.0, 0.44, "up to 44%"),
        (0.12, 0.58, "12% to 58%"),
        (0.62, 0.97, "62% to above 95%"),
        (0.96, 0.999, "above 95%"),
    ],
)
def test_a_horizon_reads_as_a_range_and_never_as_100_percent(low, high, text):
    assert Horizon(3, low, high).text == text


def test_general_and_pnp_rounds_open_through_a_program():
    assert kinds_open(eligible_for=" cec french ") == (
        frozenset({"cec", "french", "general"}),
        frozenset(),
    )
    sure, _ = kinds_open(eligible_for=" fsw ", nominated=True)
    assert sure == {"fsw", "general", "pnp"}
    assert kinds_open(eligible_for="", nominated=True) == (frozenset(), frozenset())


def test_when_every_program_is_uncertain_general_rounds_are_uncertain_too():
    sure, unsure = kinds_open(eligible_for="", undecided_for=" fsw healthcare ")
    assert sure == frozenset()
    assert unsure == {"fsw", "healthcare", "general"}


def test_a_kind_both_eligible_and_undecided_counts_as_eligible():
    sure, unsure = kinds_open(eligible_for=" cec ", undecided_for=" cec fsw ")
    assert "cec" in sure and "cec" not in unsure and "fsw" in unsure
