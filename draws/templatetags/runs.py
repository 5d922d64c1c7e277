"""Figures of re-evaluation runs as staff read them: "2 min 5 s", "1,234/s"."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def span(value: timedelta | None) -> str:
    """A duration or ETA, rounded to what matters: "0.4 s", "42 s", "2 min 5 s", "1 h 3 min"."""
    if value is None:
        return "—"
    seconds = value.total_seconds()
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


@register.filter
def per_second(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:,.0f}/s"
