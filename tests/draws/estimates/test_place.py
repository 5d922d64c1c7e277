"""Place in the pool, checked against figures worked by hand from round 434's distribution
(2026-08-03). Pure functions: no database."""

import itertools
import math
from datetime import date

import pytest

from draws import pool as pool_bands
from draws.estimates.place import place, share_above
from tests.draws.estimates.round_434 import AS_OF, POOL

RANKS = pool_bands.ranks(POOL)


def at(score: int):
    return place(RANKS, score, as_of=AS_OF, round_number="434")


def test_the_ranks_add_the_bands_above_each_band_highest_first():
    bands = {band["key"]: band for band in RANKS["bands"]}
    assert RANKS["total"] == 229_100  # the fifteen bands add up to IRCC's total
    assert bands["601-1200"]["above"] == 0
    assert bands["501-600"]["above"] == 500
    assert bands["481-490"]["above"] == 500 + 19_705 + 12_939
    assert bands["0-300"]["above"] == 229_100 - 7_683


def test_a_score_in_a_ten_point_band_is_placed_by_hand():
    # Bands wholly above 481-490: 500 + 19,705 + 12,939 = 33,144.
    # In 481-490 (12,890 over 10 points), 486..490 are above 485: 5 of 10 points.
    #   Evenly: 12,890 x 5/10 = 6,445, so 33,144 + 6,445 = 39,589.
    # Per point: 481-490 1,289.0; 471-480 (below) 1,636.8; 491-500 (above) 1,293.9.
    #   Change across the band towards the band below: T = ln(1,289.0 / 1,636.8) = -0.238876;
    #   towards the band above: T = ln(1,293.9 / 1,289.0) = +0.003794. Range [-0.238876, +0.003794].
    # Share above 485, c = (485 - 481 + 1) / 10 = 0.5, share = (e^T - e^(T c)) / (e^T - 1):
    #   T = -0.238876: (0.787512 - 0.887419) / (0.787512 - 1) = 0.470176; x 12,890 = 6,060.6
    #   T = +0.003794: (1.003801 - 1.001899) / 0.003801 = 0.500474; x 12,890 = 6,451.1
    # Low 33,144 + 6,060 (rounded down) = 39,204; high 33,144 + 6,452 (rounded up) = 39,596.
    found = at(485)
    assert (found.low, found.even, found.high) == (39_204, 39_589, 39_596)
    assert found.total == 229_100
    assert found.band == "481\N{EN DASH}490"
    assert round(found.top_low, 2) == 17.11  # 39,204 / 229,100
    assert round(found.top_high, 2) == 17.28  # 39,596 / 229,100


def test_a_score_in_the_coarse_band_is_placed_by_hand_with_a_wide_range():
    # Above 501-600: 601-1200 only, 500.
    # In 501-600 (19,705 over 100 points), 545..600 are above 544: 56 of 100 points.
    #   Evenly: 19,705 x 56/100 = 11,034.8, so 500 + 11,035 = 11,535.
    # Per point: 501-600 197.05 (centre 550.5); 491-500 1,293.9 (centre 495.5); 601-1200
    #   0.8333 (centre 900.5). Towards the band below: T = 100 x ln(197.05 / 1,293.9) / 55
    #   = 100 x -1.881959 / 55 = -3.421743; towards 601-1200: 100 x -5.465779 / 350 = -1.5617
    #   (inside the range already). Range [-3.421743, 0].
    # c = (544 - 501 + 1) / 100 = 0.44:
    #   T = -3.421743: (0.032655 - 0.221891) / (0.032655 - 1) = 0.195624; x 19,705 = 3,854.8
    #   T = 0: 1 - 0.44 = 0.56; x 19,705 = 11,034.8
    # Low 500 + 3,854 = 4,354; high 500 + 11,035 = 11,535.
    found = at(544)
    assert (found.low, found.even, found.high) == (4_354, 11_535, 11_535)
    assert found.band_width == 100


def test_a_score_above_600_gets_none_to_the_whole_top_band():
    # 601-1200 mixes nominees (600 + their own score) with a few others: 0 to all 500.
    # Evenly it would be 500 x 550/600 = 458.3, shown only as a point inside the range.
    found = at(650)
    assert (found.low, found.even, found.high) == (0, 458, 500)
    assert found.spread_unknown


def test_the_coarse_and_top_bands_give_wider_ranges_than_a_ten_point_band():
    fine, coarse, top = (at(s) for s in (485, 544, 650))
    fine_width = (fine.high - fine.low) / fine.high
    assert (coarse.high - coarse.low) / coarse.high > 10 * fine_width
    assert (top.high - top.low) / top.high > 10 * fine_width


@pytest.mark.parametrize(
    ("score", "higher"),
    [(490, 33_144), (500, 20_205), (600, 500), (1200, 0), (300, 229_100 - 7_683)],
)
def test_at_the_top_of_a_band_the_count_is_exact(score, higher):
    found = at(score)
    assert found.low == found.high == higher
    assert found.exact


def test_candidates_with_exactly_the_score_are_not_higher():
    # At the bottom of 481-490, 9 of its 10 points are above 481: the score's own point is not.
    found = at(481)
    assert found.even == 33_144 + round(12_890 * 9 / 10)
    assert found.high < 33_144 + 12_890


def test_a_score_of_300_or_less_is_placed_in_the_0_to_300_band():
    found = at(250)
    assert 229_100 - 7_683 < found.low <= found.even <= found.high < 229_100
    assert found.band_width == 301


def test_a_higher_score_never_has_more_candidates_above():
    places = [at(score) for score in range(1201)]
    assert all(a.low >= b.low and a.high >= b.high for a, b in itertools.pairwise(places))


def test_the_place_is_dated_to_the_distribution_and_its_round():
    found = at(485)
    assert (found.as_of, found.round_number) == (date(2026, 8, 3), "434")


def test_shown_figures_are_rounded_outwards_to_what_the_data_can_say():
    found = at(485)
    assert (found.shown_low, found.shown_high) == (39_200, 39_600)
    assert at(650).shown_high == 500
    assert found.top_text == "17.1% to 17.3%"
    assert at(650).top_text == "up to 0.3%"


def test_an_even_band_share_is_the_share_of_its_width():
    assert share_above(0.3, 0.0) == pytest.approx(0.7)
    assert share_above(0.3, 1e-13) == pytest.approx(0.7)


def test_a_steep_band_share_stays_a_number_between_0_and_1():
    assert 0 <= share_above(0.5, -700) < 1e-100
    assert share_above(0.5, 700) == pytest.approx(1.0)
    assert math.isfinite(share_above(0.001, 5000))


def test_an_empty_neighbour_keeps_the_trend_finite():
    pool = dict.fromkeys(POOL, 0)
    pool.update({"481-490": 100, "451-500": 100, "total": 100})
    ranks = pool_bands.ranks(pool)
    found = place(ranks, 485)
    assert 0 <= found.low <= found.even <= found.high <= 100
    assert all(
        b["trend"] is None or all(math.isfinite(t) for t in b["trend"]) for b in ranks["bands"]
    )


def test_a_score_outside_0_to_1200_is_refused():
    with pytest.raises(ValueError, match="between 0 and 1200"):
        place(RANKS, 1201)
