from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def in_words(duration: timedelta | None) -> str:
    """A lockout length as people say it: "30 minutes", "1 hour", "1 hour 30 minutes"."""
    if not isinstance(duration, timedelta):
        return ""
    minutes = int(duration.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes or not parts:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
