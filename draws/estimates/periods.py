"""The periods the estimates count over, as plain dates (pure: no Django, no clock)."""

from __future__ import annotations

from datetime import date, timedelta

YEAR_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """``day`` moved back by whole calendar months; the 29th to 31st clamp to the month's end
    (31 March less one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month + 1, day=last)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def year_to(on: date) -> date:
    """The first day of the 12 months ending on ``on``: 2025-08-08 for 2026-08-07."""
    return months_before(on, YEAR_MONTHS) + timedelta(days=1)
