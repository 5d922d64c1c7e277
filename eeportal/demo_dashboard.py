"""Demo files that put something in each section of the demo consultant's dashboard: a profile
expired five weeks ago, ITAs due soon and overdue, a result expiring before its profile, a
birthday that costs points. Dates are relative to the day of loading; created once."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from profiles import services
from profiles.models import EducationCredential, Firm, LanguageTestResult, WorkPeriod

DOMAIN = "dashboard-demo.example.com"


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(11, 30), tzinfo=timezone.get_default_timezone())


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (28 February for a 29th that year lacks)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _facts(today: date, *, tested_days_ago: int, test: str = "celpip") -> dict:
    scores = {"ielts": (8, 7.5, 7, 7.5)}.get(test, (10, 9, 9, 10))
    return {
        EducationCredential: [{"level": "masters", "in_canada": True, "length_years": 2,
                               "completed_on": date(today.year - 4, 5, 31)}],
        LanguageTestResult: [dict(zip(("listening", "reading", "writing", "speaking"), scores,
                                      strict=True),
                                  test=test, test_date=today - timedelta(days=tested_days_ago))],
        WorkPeriod: [{"noc": "21232", "start": date(today.year - 4, 9, 1), "in_canada": True}],
    }  # fmt: skip


def load_dashboard_files(firm: Firm) -> None:
    if firm.clients.filter(email__endswith=f"@{DOMAIN}").exists():
        return
    today = timezone.localdate()
    turns_31 = _years_before(today + timedelta(days=25), 31)
    files = (
        # name, born, profile submitted (days ago), ITA (days ago), result taken (days ago), test
        ("Omar", "Haddad", date(today.year - 31, 1, 9), 400, None, 300, "celpip"),
        ("Sofia", "Rossi", date(today.year - 28, 2, 11), 200, 45, 250, "celpip"),
        ("Daniel", "Martin", date(today.year - 34, 4, 2), 240, 70, 200, "celpip"),
        ("Kenji", "Sato", date(today.year - 27, 5, 20), 60, None, 709, "ielts"),
        ("Grace", "Mensah", turns_31, 100, None, 150, "celpip"),
    )  # fmt: skip
    for first, last, born, submitted, ita, tested, test in files:
        data = {
            "first_name": first, "last_name": last, "birth_date": born,
            "email": f"{first.lower()}.{last.lower()}@{DOMAIN}",
            "profile_submitted_at": _moment(today - timedelta(days=submitted)),
            "ita_received_on": today - timedelta(days=ita) if ita else None,
        }  # fmt: skip
        services.create_client(
            firm=firm, by=None, data=data, facts=_facts(today, tested_days_ago=tested, test=test)
        )
