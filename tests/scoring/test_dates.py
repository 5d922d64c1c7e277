"""Whole years between dates: ages (completed years, crs-rules.md §2.1), and one convention for
documents dated 29 February (28 February: the conservative reading of "N years old", §9), used
by results, ECAs and the list filters alike.
"""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scoring.dates import age_on, last_day_n_years_old, years_after
from scoring.eligibility import eca_expiry_date
from scoring.language import expiry_date


def test_the_age_goes_up_on_the_birthday_itself():
    assert age_on(date(1994, 3, 2), date(2026, 3, 1)) == 31
    assert age_on(date(1994, 3, 2), date(2026, 3, 2)) == 32


def test_born_on_29_february_the_age_goes_up_on_1_march_in_a_common_year():
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


def test_born_on_29_february_the_age_goes_up_on_29_february_in_a_leap_year():
    assert age_on(date(2000, 2, 29), date(2028, 2, 28)) == 27
    assert age_on(date(2000, 2, 29), date(2028, 2, 29)) == 28


def test_a_date_is_n_years_old_on_its_anniversary():
    assert years_after(date(2024, 11, 25), 2) == date(2026, 11, 25)


def test_29_february_is_n_years_old_on_28_february_of_a_common_year():
    assert years_after(date(2024, 2, 29), 2) == date(2026, 2, 28)


def test_29_february_is_n_years_old_on_29_february_of_a_leap_year():
    assert years_after(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_a_29_february_language_result_and_eca_lapse_on_the_same_28_february():
    assert expiry_date(date(2024, 2, 29)) == date(2026, 2, 28)
    assert eca_expiry_date(date(2024, 2, 29)) == date(2029, 2, 28)


def test_a_29_february_result_is_2_years_old_on_28_february_two_years_on():
    assert last_day_n_years_old(date(2026, 2, 28), 2) == date(2024, 2, 29)


def test_on_29_february_the_latest_day_two_years_old_is_28_february():
    assert last_day_n_years_old(date(2028, 2, 29), 2) == date(2026, 2, 28)


@given(on=st.dates(date(2001, 1, 1), date(2099, 12, 31)), years=st.integers(1, 12))
def test_last_day_n_years_old_is_where_years_after_passes_the_date(on, years):
    last = last_day_n_years_old(on, years)
    assert years_after(last, years) <= on < years_after(last + timedelta(days=1), years)
