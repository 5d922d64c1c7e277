"""Work history to experience: full-time-equivalent hours and whole years, as of a date.

Rules (crs-rules.md §2.5, §4, §7.2): skilled work is NOC 2021 TEER 0-3; one year is 1,560 hours
(30 h/week for 52 weeks). Hours beyond 30 a week, even across two jobs held at once, add nothing.
A day's credit is the week's hours / 7, so a full calendar year of full-time work is one year.

- Canadian experience: in Canada, authorised, not self-employed, not while a full-time student.
- Foreign experience: outside Canada.
Both count only inside a window ending on the as-of date (10 years for CRS points). Work on the
as-of date itself is not yet completed, so it counts from the next day.

``profiles`` builds a candidate's ``canadian_experience_years`` / ``foreign_experience_years``
with ``summarise``; eligibility uses the hour helpers with its own windows and filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from math import floor

from scoring.dates import years_after
from scoring.types import WorkPeriod

FULL_TIME_HOURS_PER_WEEK = 30
HOURS_PER_YEAR = 1560
CRS_WINDOW_YEARS = 10
_EPSILON = 1e-6  # float sums of weekly hours; a whole year must not miss by a rounding error

Filter = Callable[[WorkPeriod], bool]


def is_skilled(period: WorkPeriod) -> bool:
    """NOC 2021 TEER 0, 1, 2 or 3 (§2.5)."""
    return period.teer <= 3


def counts_as_canadian(period: WorkPeriod) -> bool:
    """Skilled, in Canada, authorised, not self-employed, not while a full-time student."""
    return (
        is_skilled(period)
        and period.in_canada
        and period.authorised
        and not period.self_employed
        and not period.student
    )


def counts_as_foreign(period: WorkPeriod) -> bool:
    """Skilled work outside Canada."""
    return is_skilled(period) and not period.in_canada


def years_before(on: date, years: int) -> date:
    """``on`` moved back ``years`` years (29 February becomes 28 February, ``scoring.dates``)."""
    return years_after(on, -years)


def hours(periods: Iterable[WorkPeriod], *, start: date, end: date) -> float:
    """Full-time-equivalent hours worked on days from ``start`` up to (not including) ``end``.

    Each day earns the weekly hours of every period covering it, divided by 7, capped at 30/7.
    """
    first, stop = start.toordinal(), end.toordinal()
    events: list[tuple[int, float]] = []
    for period in periods:
        begin = max(period.start.toordinal(), first)
        finish = stop if period.end is None else min(period.end.toordinal() + 1, stop)
        if begin < finish:
            events.append((begin, period.hours_per_week))
            events.append((finish, -period.hours_per_week))
    if len(events) < 3:
        # No job, or one: the loop below would add one span at the job's rate. Most histories
        # are this; the re-evaluation calls it four times a client (bench/reevaluate.py).
        if not events:
            return 0.0
        (begin, rate), (finish, _) = events
        return (0.0 + (finish - begin) * min(0.0 + rate, FULL_TIME_HOURS_PER_WEEK)) / 7
    events.sort()
    total = rate = 0.0
    previous = first
    for day, change in events:
        if day > previous and rate > 0:
            total += (day - previous) * min(rate, FULL_TIME_HOURS_PER_WEEK)
        rate += change
        previous = day
    return total / 7


def whole_years(total_hours: float) -> int:
    """Completed years in ``total_hours`` (1,560 h each)."""
    return int(total_hours / HOURS_PER_YEAR + _EPSILON)


def window_hours(
    work_history: Iterable[WorkPeriod], on: date, where: Filter, *, years: int = CRS_WINDOW_YEARS
) -> float:
    """Hours of the periods passing ``where`` in the ``years`` before ``on``."""
    chosen = [p for p in work_history if where(p)]
    return hours(chosen, start=years_before(on, years), end=on)


def canadian_years(work_history: Iterable[WorkPeriod], on: date) -> int:
    """Whole years of Canadian skilled experience in the 10 years before ``on`` (§2.5)."""
    return whole_years(window_hours(work_history, on, counts_as_canadian))


def foreign_years(work_history: Iterable[WorkPeriod], on: date) -> int:
    """Whole years of foreign skilled experience in the 10 years before ``on`` (§4)."""
    return whole_years(window_hours(work_history, on, counts_as_foreign))


def window_years(counted: Iterable[WorkPeriod], on: date) -> int:
    """``canadian_years`` or ``foreign_years`` of periods already chosen with
    ``counts_as_canadian`` or ``counts_as_foreign``: a client's jobs are sorted once when loaded,
    not on every draw date. Periods starting on or after ``on`` add nothing."""
    return whole_years(hours(counted, start=years_before(on, CRS_WINDOW_YEARS), end=on))


def summarise(work_history: Iterable[WorkPeriod], on: date) -> tuple[int, int]:
    """(Canadian years, foreign years) for a ``Candidate`` scored on ``on``."""
    history = tuple(work_history)
    return canadian_years(history, on), foreign_years(history, on)


def longest_run_hours(periods: Iterable[WorkPeriod], *, start: date, end: date) -> float:
    """Hours in the longest unbroken run of employment inside [start, end).

    Periods that overlap or follow on the next day form one run ("continuous" work, §7.2);
    pass the periods of one occupation to test "continuous work in one occupation".
    """
    best = 0.0
    run: list[WorkPeriod] = []
    run_end = date.min
    for period in sorted(periods, key=lambda p: p.start):
        if run and (period.start - run_end).days > 1:
            best = max(best, hours(run, start=start, end=end))
            run = []
        run.append(period)
        run_end = max(run_end, period.end or date.max)
    if run:
        best = max(best, hours(run, start=start, end=end))
    return best


def by_occupation(periods: Iterable[WorkPeriod]) -> dict[str, list[WorkPeriod]]:
    """Periods grouped by NOC code."""
    groups: dict[str, list[WorkPeriod]] = {}
    for period in periods:
        groups.setdefault(period.noc, []).append(period)
    return groups


def next_year_completes(
    work_history: Iterable[WorkPeriod], on: date, *, canadian: bool, until: date
) -> date | None:
    """The first date after ``on`` (up to ``until``) with one more whole year of experience:
    the first day ``canadian_years`` (or ``foreign_years``) is one higher than on ``on``.

    Assumes the periods go on as recorded (open-ended ones indefinitely). None when no counted
    work is left to do or the year would complete after ``until``. Each candidate day is judged
    by ``whole_years(window_hours(...))``, the very test ``canadian_years`` applies, so the two
    cannot disagree by a rounding error; only days on which the count cannot yet have gone up
    are skipped.
    """
    where = counts_as_canadian if canadian else counts_as_foreign
    periods = [p for p in work_history if where(p)]
    total = window_hours(periods, on, where)
    target = whole_years(total) + 1
    day = on
    while True:
        # The most one day can add from here: every job with work still to come, capped at full
        # time. Older work leaving the window only takes hours away, so no day before
        # ``day + missing / most`` can reach the target. Stepping by the hours of the jobs held
        # on ``day`` passed the first day when a job started later, and rounding the step up
        # passed it by a day when the hours came out a hair short of a whole day's worth.
        weekly = sum(p.hours_per_week for p in periods if p.end is None or p.end >= day)
        most = min(weekly, FULL_TIME_HOURS_PER_WEEK) / 7
        if most <= 0:
            return None
        missing = target * HOURS_PER_YEAR - total
        day += timedelta(days=max(1, floor(missing / most)))
        if day > until:
            return None
        total = window_hours(periods, day, where)
        if whole_years(total) >= target:
            return day


def next_count_change(
    work_history: Iterable[WorkPeriod], on: date, *, canadian: bool, until: date
) -> date | None:
    """The first date after ``on`` (up to ``until``) on which the whole years of experience
    differ from those on ``on``, up (a year completes) or down (older work leaves the 10-year
    window); None when the count stays the same through ``until``.

    Walking the days from ``on`` and stopping at the first change finds them all in turn. Each
    candidate day is judged by ``whole_years(window_hours(...))``, the very test
    ``canadian_years`` applies. Days are skipped only while the count cannot have moved: one
    day adds at most the hours of the jobs still to come (capped at full time), and takes away
    at most two days' worth of the jobs that overlap the days leaving the window (its start
    moves two days at once when it steps over a 29 February that the end's year has not got).
    """
    where = counts_as_canadian if canadian else counts_as_foreign
    periods = [p for p in work_history if where(p)]
    total = window_hours(periods, on, where)
    count = whole_years(total)
    first, last = years_before(on, CRS_WINDOW_YEARS), years_before(until, CRS_WINDOW_YEARS)
    leaving = sum(
        p.hours_per_week for p in periods if p.start <= last and (p.end is None or p.end >= first)
    )
    most_lost = 2 * min(leaving, FULL_TIME_HOURS_PER_WEEK) / 7
    day = on
    while True:
        weekly = sum(p.hours_per_week for p in periods if p.end is None or p.end >= day)
        most_gained = min(weekly, FULL_TIME_HOURS_PER_WEEK) / 7
        can_lose = count > 0 and most_lost > 0
        if most_gained <= 0 and not can_lose:
            return None  # nothing left to add, and nothing that counts can leave the window
        steps = []
        if most_gained > 0:
            steps.append(floor(((count + 1) * HOURS_PER_YEAR - total) / most_gained))
        if can_lose:
            steps.append(floor((total - count * HOURS_PER_YEAR) / most_lost))
        day += timedelta(days=max(1, min(steps)))
        if day > until:
            return None
        total = window_hours(periods, day, where)
        if whole_years(total) != count:
            return day


def count_changes(
    work_history: Iterable[WorkPeriod], after: date, *, canadian: bool, until: date
) -> Iterator[tuple[date, int, int]]:
    """Each date in (``after``, ``until``] on which the whole years of Canadian (or foreign)
    experience change, as (date, years the day before, years from that date).
    """
    history = tuple(work_history)
    years_on = canadian_years if canadian else foreign_years
    day, years = after, years_on(history, after)
    while (found := next_count_change(history, day, canadian=canadian, until=until)) is not None:
        now = years_on(history, found)
        yield found, years, now
        day, years = found, now
