"""The date checks of ``Draw.clean``, with the messages staff, the API and the import all see.

Each returns the errors keyed by field, empty when the value is fine.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

from scoring.rules import EXPRESS_ENTRY_START

# Express Entry opened on 2015-01-01 and held round 1 on 2015-01-31 (crs-rules.md §10): no
# draw, pool snapshot or profile submission (a tie-break) is older.
EXPRESS_ENTRY_OPENED_AT = datetime.combine(EXPRESS_ENTRY_START, time(), tzinfo=UTC)


def held_on_problems(held_on: date) -> dict[str, str]:
    if held_on > timezone.localdate():
        return {
            "held_on": f"The draw date {held_on:%Y-%m-%d} is in the future; "
            "record a round only once IRCC has held it."
        }
    if held_on < EXPRESS_ENTRY_START:
        return {
            "held_on": f"The draw date {held_on.isoformat()} is before Express Entry began on "
            f"{EXPRESS_ENTRY_START.isoformat()} (round 1 was held on 2015-01-31)."
        }
    return {}


def ran_at_problems(ran_at: datetime, held_on: date | None) -> dict[str, str]:
    # The UTC day, as IRCC publishes it. Ten rounds ran the next day: 2015 evening rounds in
    # Ottawa (after midnight UTC) and five between rounds 104 and 148 (rounds-data.md §3).
    day = ran_at.astimezone(UTC).date()
    if held_on is None or held_on <= day <= held_on + timedelta(days=1):
        return {}
    return {
        "ran_at": f"The round was run at {_utc(ran_at)}, not on the draw date "
        f"({held_on.isoformat()}) or the day after; every IRCC round ran on one of the two."
    }


def tie_break_problems(
    tie_break_at: datetime, held_on: date | None, ran_at: datetime | None
) -> dict[str, str]:
    if tie_break_at < EXPRESS_ENTRY_OPENED_AT:
        message = (
            f"The tie-breaking time ({_utc(tie_break_at)}) is before Express Entry opened on "
            f"{EXPRESS_ENTRY_START.isoformat()}; no profile was submitted earlier."
        )
    elif held_on and timezone.localtime(tie_break_at).date() > held_on:
        # IRCC runs rounds in Ottawa; a tie-break late on the draw day is the next day in UTC.
        message = (
            f"The tie-breaking time ({_utc(tie_break_at)}) is after the draw date "
            f"({held_on.isoformat()}); it is always before the round."
        )
    elif ran_at and tie_break_at > ran_at:
        message = (
            f"The tie-breaking time ({_utc(tie_break_at)}) is after the round was run "
            f"({_utc(ran_at)}); it is the submission time of a profile already in the pool."
        )
    else:
        return {}
    return {"tie_break_at": message}


def _utc(moment: datetime) -> str:
    # isoformat, not %Y: strftime writes year 1 as "1", not "0001".
    moment = moment.astimezone(UTC)
    return f"{moment.date().isoformat()} {moment:%H:%M} UTC"


def in_force_text(in_force_from: date | None, in_force_to: date | None) -> str:
    start = f"from {in_force_from:%Y-%m-%d}" if in_force_from else ""
    end = f"to {in_force_to:%Y-%m-%d}" if in_force_to else "onwards"
    return f"in force {start} {end}".replace("  ", " ")
