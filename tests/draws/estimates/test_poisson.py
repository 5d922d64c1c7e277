"""Exact Poisson limits, against values that can be checked by hand or in chi-square tables."""

import math

import pytest

from draws.estimates.poisson import at_most, limits


def test_from_a_count_of_0_the_upper_limit_is_minus_ln_of_the_tail():
    # P(X = 0) = e^-mu = 0.1 gives mu = ln 10 = 2.302585; nothing below 0.
    assert limits(0, 0.8) == (0.0, pytest.approx(math.log(10)))


def test_from_a_count_of_1_the_lower_limit_is_minus_ln_of_one_less_the_tail():
    # P(X >= 1) = 1 - e^-mu = 0.1 gives mu = -ln 0.9 = 0.105361.
    assert limits(1, 0.8)[0] == pytest.approx(-math.log(0.9))


def test_the_limits_for_12_match_the_chi_square_tables():
    # chi2(0.10; 24) / 2 = 15.659 / 2 = 7.829; chi2(0.90; 26) / 2 = 35.563 / 2 = 17.782.
    low, high = limits(12, 0.8)
    assert low == pytest.approx(7.829, abs=1e-3)
    assert high == pytest.approx(17.782, abs=1e-3)


def test_a_wider_confidence_gives_wider_limits():
    narrow, wide = limits(5, 0.8), limits(5, 0.9)
    assert wide[0] < narrow[0] < 5 < narrow[1] < wide[1]


def test_the_distribution_sums_to_one_with_a_large_mean():
    assert at_most(400, 150.0) == pytest.approx(1.0)
    assert at_most(0, 0.0) == 1.0


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        limits(-1, 0.8)
