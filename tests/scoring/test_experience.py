"""Work history to experience years (crs-rules.md §2.5, §7.2: 1,560 h a year, 30 h/week cap)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import experience as xp
from tests.scoring.builders import job

ON = date(2026, 1, 1)


def test_a_calendar_year_of_full_time_work_is_one_year():
    history = [job("21231", date(2025, 1, 1), date(2025, 12, 31))]
    assert xp.summarise(history, ON) == (1, 0)


def test_hours_beyond_30_a_week_add_nothing():
    history = [job("21231", date(2025, 1, 1), None, hours=60)]
    assert xp.window_hours(history, ON, xp.counts_as_canadian) == 365 * 30 / 7


def test_two_years_at_15_hours_a_week_is_one_year():
    history = [job("21231", date(2024, 1, 1), date(2025, 12, 31), hours=15)]
    assert xp.canadian_years(history, ON) == 1


def test_two_jobs_at_once_are_capped_at_full_time():
    history = [
        job("21231", date(2025, 1, 1), None, hours=25),
        job("21232", date(2025, 1, 1), None, hours=25),
    ]
    assert xp.canadian_years(history, ON) == 1
    assert xp.window_hours(history, ON, xp.counts_as_canadian) < 1570


def test_51_weeks_of_full_time_work_is_not_a_year():
    history = [job("21231", date(2025, 1, 1), date(2025, 12, 23))]
    assert xp.canadian_years(history, ON) == 0


def test_52_weeks_of_full_time_work_is_a_year():
    history = [job("21231", date(2025, 1, 1), date(2025, 12, 30))]
    assert xp.canadian_years(history, ON) == 1


def test_work_on_the_as_of_date_is_not_yet_completed():
    history = [job("21231", date(2025, 1, 3), None)]
    assert xp.canadian_years(history, date(2026, 1, 1)) == 0
    assert xp.canadian_years(history, date(2026, 1, 2)) == 1


def test_self_employment_in_canada_is_not_canadian_experience():
    history = [job("21231", date(2020, 1, 1), None, self_employed=True)]
    assert xp.canadian_years(history, ON) == 0


def test_work_while_a_full_time_student_is_not_canadian_experience():
    history = [job("21231", date(2020, 1, 1), None, student=True)]
    assert xp.canadian_years(history, ON) == 0


def test_unauthorised_work_in_canada_is_not_canadian_experience():
    history = [job("21231", date(2020, 1, 1), None, authorised=False)]
    assert xp.canadian_years(history, ON) == 0


def test_teer_4_work_is_not_skilled_experience():
    history = [job("64100", date(2020, 1, 1), None)]
    assert xp.summarise(history, ON) == (0, 0)


def test_work_outside_canada_is_foreign_experience():
    history = [job("21231", date(2021, 1, 1), date(2023, 12, 31), in_canada=False)]
    assert xp.summarise(history, ON) == (0, 3)


def test_work_older_than_10_years_drops_out():
    history = [job("21231", date(2012, 1, 1), date(2016, 12, 31), in_canada=False)]
    assert xp.foreign_years(history, ON) == 1


def test_next_canadian_year_completes_52_weeks_after_starting():
    history = [job("21231", date(2025, 6, 1), None)]
    found = xp.next_year_completes(history, ON, canadian=True, until=date(2030, 1, 1))
    assert found == date(2026, 5, 31)
    assert xp.canadian_years(history, found) == 1


def test_no_next_year_when_the_work_has_ended():
    history = [job("21231", date(2024, 6, 1), date(2025, 3, 1))]
    assert xp.next_year_completes(history, ON, canadian=True, until=date(2030, 1, 1)) is None


def test_no_next_year_beyond_the_limit():
    history = [job("21231", date(2025, 12, 1), None, hours=10)]
    assert xp.next_year_completes(history, ON, canadian=True, until=date(2026, 6, 1)) is None


def test_a_gap_breaks_a_continuous_run():
    history = [
        job("21231", date(2024, 1, 1), date(2024, 6, 30)),
        job("21231", date(2024, 8, 1), date(2024, 12, 31)),
    ]
    run = xp.longest_run_hours(history, start=date(2016, 1, 1), end=ON)
    assert run == 182 * 30 / 7


def test_back_to_back_jobs_form_one_run():
    history = [
        job("21231", date(2024, 1, 1), date(2024, 6, 30)),
        job("21231", date(2024, 7, 1), date(2024, 12, 31)),
    ]
    run = xp.longest_run_hours(history, start=date(2016, 1, 1), end=ON)
    assert run == 366 * 30 / 7


def test_next_year_is_the_day_the_year_is_counted():
    # Reported: 37.5 h/week from 2022-01-21 plus an overlapping job; the year is counted on
    # 2027-01-15 (1,820 days at the 30 h/week cap), but a rounding error stepped past it.
    history = [
        job("13110", date(2022, 1, 21), None, hours=37.5),
        job("20012", date(2024, 6, 29), date(2026, 7, 9)),
    ]
    found = xp.next_year_completes(
        history, date(2026, 11, 25), canadian=True, until=date(2028, 11, 25)
    )
    assert found == date(2027, 1, 15)
    assert xp.canadian_years(history, date(2027, 1, 14)) == 4
    assert xp.canadian_years(history, found) == 5


def test_next_year_counts_a_job_starting_after_a_gap():
    # 181 days in 2025, then 183 more from 2026-03-01: the year completes 2026-08-31, though
    # no job is held on ON.
    history = [
        job("21231", date(2025, 1, 1), date(2025, 6, 30)),
        job("21231", date(2026, 3, 1), None),
    ]
    found = xp.next_year_completes(history, ON, canadian=True, until=date(2030, 1, 1))
    assert found == date(2026, 8, 31)
    assert xp.canadian_years(history, found - timedelta(days=1)) == 0
    assert xp.canadian_years(history, found) == 1


# NOCs of TEER 0-5, so some jobs count and some do not.
_NOCS = st.sampled_from(["00012", "13110", "20012", "21231", "33102", "44101", "64100", "75101"])


@st.composite
def _jobs(draw):
    start = draw(st.dates(date(2012, 1, 1), date(2027, 6, 30)))
    length = draw(st.sampled_from([None, None, 0]) | st.integers(0, 2500))
    return job(
        draw(_NOCS),
        start,
        None if length is None else start + timedelta(days=length),
        hours=draw(st.sampled_from([7.5, 15, 20, 22.5, 30, 37.5, 40]) | st.floats(0.5, 80)),
        in_canada=draw(st.booleans()),
        authorised=draw(st.booleans()),
        self_employed=draw(st.booleans()),
        student=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(
    history=st.lists(_jobs(), min_size=1, max_size=4),
    on=st.dates(date(2018, 1, 1), date(2027, 12, 31)),
    span=st.integers(1, 800),
    canadian=st.booleans(),
)
def test_next_year_completes_on_the_first_day_the_count_goes_up(history, on, span, canadian):
    years = xp.canadian_years if canadian else xp.foreign_years
    until = on + timedelta(days=span)
    before = years(history, on)
    first = next(
        (
            on + timedelta(days=n)
            for n in range(1, span + 1)
            if years(history, on + timedelta(days=n)) > before
        ),
        None,
    )
    found = xp.next_year_completes(history, on, canadian=canadian, until=until)
    assert found == first
    if found is not None:
        assert years(history, found - timedelta(days=1)) == before
        assert years(history, found) == before + 1


def test_next_count_change_finds_a_year_completing():
    history = [job("21231", date(2025, 6, 1), None)]
    found = xp.next_count_change(history, ON, canadian=True, until=date(2030, 1, 1))
    assert found == date(2026, 5, 31)


def test_next_count_change_finds_older_work_leaving_the_10_year_window():
    # Abroad to 2017-06-30: 52 weeks (364 days) of it are in the window up to 2026-07-02, the
    # day 2016-07-02 is 10 years back; from 2026-07-03 less than a year is left.
    history = [job("21231", date(2015, 1, 1), date(2017, 6, 30), in_canada=False)]
    found = xp.next_count_change(history, ON, canadian=False, until=date(2030, 1, 1))
    assert found == date(2026, 7, 3)
    assert xp.foreign_years(history, date(2026, 7, 2)) == 1
    assert xp.foreign_years(history, found) == 0


def test_next_count_change_is_none_when_nothing_can_move():
    history = [job("21231", date(2020, 1, 1), date(2021, 12, 31))]
    assert xp.next_count_change(history, ON, canadian=True, until=date(2028, 1, 1)) is None


@settings(max_examples=300, deadline=None)
@given(
    history=st.lists(_jobs(), min_size=1, max_size=4),
    on=st.dates(date(2018, 1, 1), date(2027, 12, 31)),
    span=st.integers(1, 800),
    canadian=st.booleans(),
)
def test_next_count_change_is_the_first_day_the_count_differs(history, on, span, canadian):
    years = xp.canadian_years if canadian else xp.foreign_years
    before = years(history, on)
    first = next(
        (
            on + timedelta(days=n)
            for n in range(1, span + 1)
            if years(history, on + timedelta(days=n)) != before
        ),
        None,
    )
    found = xp.next_count_change(history, on, canadian=canadian, until=on + timedelta(days=span))
    assert found == first
