"""Files that put something on the dashboard, shared by its tests (real dates, real today)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from tests.factories import ClientFactory


def submitted(days_ago: int) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return datetime.combine(day, time(10), tzinfo=timezone.get_default_timezone())


def expired_profile(firm, consultant, **kwargs):
    """Submitted 400 days ago, never invited: out of the pool for about five weeks."""
    values = {"stage": "in_pool", "profile_submitted_at": submitted(400), "current_crs": 556,
              "eligible_for": " cec "}  # fmt: skip
    return ClientFactory(firm=firm, consultant=consultant, **{**values, **kwargs})


def expiring_profile(firm, consultant, days_left: int, **kwargs):
    return ClientFactory(
        firm=firm, consultant=consultant, stage="in_pool",
        profile_submitted_at=submitted(365 - days_left), **kwargs,
    )  # fmt: skip


def invited(firm, consultant, days_ago: int, **kwargs):
    """An ITA ``days_ago`` days ago, no application yet: due 60 days after the ITA."""
    values = {"stage": "ita_received", "profile_submitted_at": submitted(200),
              "ita_received_on": timezone.localdate() - timedelta(days=days_ago)}  # fmt: skip
    return ClientFactory(firm=firm, consultant=consultant, **{**values, **kwargs})
