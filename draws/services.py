"""Operations that change draws. ``record_draw`` is the one way a draw is written (DESIGN.md §5):
the admin, the API and the IRCC import all call it, so the re-evaluation hooks in here once.
"""

from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from draws import pool as pool_bands
from draws.models import DRAW_FIELDS, Draw, DrawCategory, ReevaluationRun
from draws.reevaluation.runs import schedule_reevaluation


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class RecordedDraw(NamedTuple):
    draw: Draw
    outcome: Outcome
    run: ReevaluationRun | None = None  # scheduled when the change can change who is invited

    @property
    def changed(self) -> bool:
        return self.outcome is not Outcome.UNCHANGED


# The facts compared with the stored round: all but its number, which finds it. `source` is
# not compared: a re-import that finds the figures a staff member typed in has nothing to do.
DATA_FIELDS = tuple(name for name in DRAW_FIELDS if name != "number")


@transaction.atomic
def record_draw(
    *,
    number: str | int,
    held_on: date,
    category: DrawCategory,
    invitations: int,
    cutoff: int,
    by: AbstractBaseUser | None,
    source: Draw.Source,
    tie_break_at: datetime | None = None,
    ran_at: datetime | None = None,
    ircc_name: str = "",
    programs: str = "",
    ircc_url: str = "",
    pool: dict[str, int] | None = None,
    pool_as_of: date | None = None,
) -> RecordedDraw:
    """Create round ``number``, or correct it in place, and say whether anything changed.

    The optional facts default to empty, as on the model (IRCC published no tie-break before
    round 77): a caller passes what it has, and an API body without ``tie_break_at`` is a round
    without one, not a TypeError.

    Validates everything (``Draw.clean`` and the field validators) and raises
    ``ValidationError`` keyed by field. Every change is kept in the draw's history with ``by``
    (None for the command-line import) and the source as the reason.
    """
    given = locals()  # the arguments, before any other name: DRAW_FIELDS, `by` and `source`
    values = {name: given[name] for name in DATA_FIELDS}
    for name, value in values.items():
        if isinstance(value, str):  # the name, programs and link, as typed or pasted
            values[name] = value.strip()
    number = str(number).strip()
    # Locked so two corrections of one round cannot interleave and lose one of them.
    draw = Draw.objects.select_for_update().filter(number=number).first()
    outcome = Outcome.CREATED if draw is None else Outcome.UPDATED
    if draw is None:
        draw = Draw(number=number, source=source)
    if outcome is Outcome.UPDATED and not _differs(draw, values):
        return RecordedDraw(draw, Outcome.UNCHANGED)
    reevaluate = outcome is Outcome.CREATED or _differs(draw, _who_is_invited(values))

    for name, value in values.items():
        setattr(draw, name, value)
    draw.source = source
    # The uniqueness of the number was settled by the locked lookup above; the check
    # constraints are the field validators' job (and the database's).
    # `sequence` is derived from the number on save.
    draw.full_clean(exclude=["sequence"], validate_unique=False, validate_constraints=False)
    draw.pool_warning = pool_bands.warnings(pool, pool_as_of, held_on)
    draw._history_user = by
    draw._change_reason = f"{Draw.Source(source).label}: {outcome}"
    if reevaluate and outcome is Outcome.UPDATED:
        draw.revision += 1  # the row is locked: no concurrent correction can share a number
    try:
        with transaction.atomic():
            draw.save()
    except IntegrityError as error:
        # A new number has no row to lock: two people creating the same round at the same
        # moment both pass the lookup, and the unique constraint stops the second one.
        if outcome is Outcome.CREATED and Draw.objects.filter(number=number).exists():
            message = f"Round {number} was just recorded by someone else; open it to correct it."
            raise ValidationError({"number": message}) from error
        raise
    run = schedule_reevaluation(draw=draw) if reevaluate else None
    return RecordedDraw(draw, outcome, run)


# The facts that decide standings; a corrected name, link or pool distribution re-runs nothing.
REEVALUATION_FIELDS = ("held_on", "category", "cutoff", "tie_break_at")


def _who_is_invited(values: dict) -> dict:
    return {name: values[name] for name in REEVALUATION_FIELDS}


def _differs(draw: Draw, values: dict) -> bool:
    for name, value in values.items():
        if name == "category":
            if draw.category_id != value.pk:
                return True
        elif getattr(draw, name) != value:
            return True
    return False


def draw_values(draw: Draw) -> dict:
    """A draw's facts as ``record_draw`` keyword arguments (for forms and PATCH: a partial
    change is applied to an unsaved copy, then recorded whole)."""
    return {name: getattr(draw, name) for name in DRAW_FIELDS}
