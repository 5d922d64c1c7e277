from draws.models.reevaluation import ReevaluationChunk, ReevaluationRun, Standing, Verdict
from draws.models.rounds import (
    CRS_MAX,
    CRS_RANGE_MESSAGE,
    DRAW_FIELDS,
    INVITATIONS_MAX,
    INVITATIONS_MAX_MESSAGE,
    INVITATIONS_MESSAGE,
    ROUND_NUMBER,
    Draw,
    DrawCategory,
    Family,
    number_sequence,
)

__all__ = [
    "CRS_MAX",
    "CRS_RANGE_MESSAGE",
    "DRAW_FIELDS",
    "INVITATIONS_MAX",
    "INVITATIONS_MAX_MESSAGE",
    "INVITATIONS_MESSAGE",
    "ROUND_NUMBER",
    "Draw",
    "DrawCategory",
    "Family",
    "ReevaluationChunk",
    "ReevaluationRun",
    "Standing",
    "Verdict",
    "number_sequence",
]
