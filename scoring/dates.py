"""Whole years between dates: a person's age, and when a language result, an ECA or anything
"N years old" lapses.

Age is completed years (crs-rules.md §2.1): the birthday itself counts, and someone born on
29 February is a year older from 1 March in a common year. ``age_on`` is that rule; the engine
inlines it on numbers the ``Candidate`` keeps (a test holds the two to the same answer).

For documents IRCC counts anniversaries: a result taken on 2024-03-10 is 2 years old on
2026-03-10. A date with no anniversary in the later year (29 February) needs a convention, and
there must be only one, or the engine, the client pages and the list filters disagree about a
day (they did: an ECA issued on 29 February lapsed on 1 March on the client page and 28 February
in the engine). We take 28 February, the conservative reading: the document stops counting a
day early rather than being counted a day after it may already be invalid.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = ["age_on", "last_day_n_years_old", "years_after"]


def age_on(birth: date, on: date) -> int:
    """Completed years from ``birth`` to ``on``; a birthday falling on ``on`` counts."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# Memoised: the re-evaluation asks the same few thousand (date, years) again and again (the
# windows of every client on one draw date, the expiry of every result and ECA it loads).
@lru_cache(maxsize=65536)
def years_after(day: date, years: int) -> date:
    """The ``years``-th anniversary of ``day``; of 29 February, 28 February in a common year.
    Past year 9999 it is ``date.max``: an expiry that far is "never", and no caller overflows."""
    if day.year + years > date.max.year:
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 2, 28)


def last_day_n_years_old(on: date, years: int) -> date:
    """The latest day that is ``years`` years old on ``on`` (``years_after(day) <= on``).

    Everything dated on or before it has lapsed by ``on``; everything after it has not. For a
    database filter, the inverse of ``years_after``: on 2026-02-28 it is 2024-02-29, since a
    result of that day expires on 2026-02-28.
    """
    day = years_after(on, -years)
    following = day + timedelta(days=1)
    return following if years_after(following, years) <= on else day
