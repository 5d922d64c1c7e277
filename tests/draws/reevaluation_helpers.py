"""Clients in the pool for the re-evaluation tests, built from real facts with factories."""

import datetime as dt

from draws.models import Draw, DrawCategory
from draws.services import RecordedDraw, record_draw
from tests import factories

DRAW_DAY = dt.date(2026, 6, 10)
SUBMITTED = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)


def pool_client(*, firm=None, submitted_at=SUBMITTED, test_date=dt.date(2026, 1, 5), **fields):
    """CEC-eligible on DRAW_DAY: Canadian bachelor's, CELPIP 9, 3+ years in Canada as a
    software developer, profile submitted SUBMITTED. Scores 490 on DRAW_DAY (born 1994-03-02)."""
    client = factories.ClientFactory(
        firm=firm or factories.FirmFactory(), profile_submitted_at=submitted_at, **fields
    )
    factories.CredentialFactory(client=client)
    factories.LanguageResultFactory(client=client, test_date=test_date)
    factories.WorkPeriodFactory(client=client, start=dt.date(2022, 1, 3))
    return client


def category(key: str) -> DrawCategory:
    return DrawCategory.objects.get(key=key)


def record_cec_draw(**changes) -> RecordedDraw:
    """Round 500, a CEC draw on DRAW_DAY with cut-off 480, recorded as staff would."""
    values = {
        "number": "500",
        "held_on": DRAW_DAY,
        "category": category("cec"),
        "invitations": 3000,
        "cutoff": 480,
        "tie_break_at": dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC),
        "by": None,
        "source": Draw.Source.ADMIN,
    }
    return record_draw(**(values | changes))
