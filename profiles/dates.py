"""The two date rules of an Express Entry profile, for the model and the dated facts alike.

Here, importing no model, so that ``Client`` (its ``clean`` and ``profile_expires_at``) and
``profiles.candidates.facts`` (which must load without the app registry) share one copy.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

PROFILE_VALIDITY_MONTHS = 12  # crs-rules.md §9 (MI-2017 s.4(1)): a profile lasts 1 year


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` moved by whole calendar months; the 29th-31st clamp to the month's last day."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def local_date(moment: datetime) -> date:
    """The date of ``moment`` in the site's time zone (Ottawa's, as IRCC's).

    Not ``timezone.localtime``: its per-call lookup of the active time zone cost a tenth of
    the time of loading a chunk of clients, and a worker has no per-request zone anyway.
    """
    return moment.astimezone(timezone.get_default_timezone()).date()
