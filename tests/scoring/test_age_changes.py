"""Birthdays that move the score when only the age is given: undated, each a real re-score."""

from dataclasses import replace
from datetime import date

from scoring.age_changes import age_changes
from scoring.engine import score_totals
from tests.scoring.builders import ON, candidate, clb, spouse


def test_a_29_year_old_loses_points_at_the_next_birthday():
    """crs-rules.md §2.1, without spouse: 110 at 29, 105 at 30."""
    c = candidate(age=29)
    first = age_changes(c, ON)[0]
    assert (first.birthday, first.age, first.change) == (1, 30, -5)
    assert first.total_after == score_totals(replace(c, age=30), ON).total
    assert first.description == (
        f"At your next birthday (age 30) your score drops by 5 points, to {first.total_after}"
    )


def test_the_birthday_after_is_counted_from_the_next_one():
    """crs-rules.md §2.1, with spouse: 95 at 30, 90 at 31."""
    changes = age_changes(candidate(age=29, spouse=spouse()), ON)
    assert [(c.age, c.change) for c in changes] == [(30, -5), (31, -5)]
    assert changes[1].description.startswith("At the birthday after (age 31)")


def test_birthdays_that_change_nothing_are_left_out():
    """crs-rules.md §2.1: 100/110 points for every age from 20 to 29."""
    assert age_changes(candidate(age=25), ON) == []


def test_no_age_points_are_left_to_lose_at_45():
    assert age_changes(candidate(age=45), ON) == []


def test_the_last_age_points_go_at_45():
    """crs-rules.md §2.1, without spouse: 6 at 44, 0 from 45."""
    (change,) = age_changes(candidate(age=44), ON)
    assert (change.age, change.change) == (45, -6)


def test_turning_18_raises_the_score():
    """crs-rules.md §2.1: 0 points at 17 or less, 99 at 18 single."""
    change = age_changes(candidate(age=17), ON)[0]
    assert (change.age, change.change) == (18, 99)
    assert "rises by 99 points" in change.description


def test_a_known_birth_date_gives_no_undated_change():
    c = candidate(age=None, birth_date=date(1997, 1, 15), first_language=clb(7))
    assert age_changes(c, ON) == []


def test_a_horizon_shorter_than_a_year_holds_no_certain_birthday():
    assert age_changes(candidate(age=29), ON, horizon_days=200) == []
