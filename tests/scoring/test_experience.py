"""Work history to experience years (crs-rules.md §2.5, §7.2: 1,560 h a year, 30 h/week cap)."""

from datetime import date

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
