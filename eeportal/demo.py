"""Demo data for `make run`: a staff user, two firms with one consultant each, a client login,
and about 200 varied client files (120 at Maple Route, 80 at Northern Lights).

Idempotent: every row is looked up by a natural key before it is created, and passwords are set
only on creation (re-hashing would change the row on every run). The client files are generated
from a fixed seed relative to the day of the first run, and only into a firm that has none yet.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from eeportal.demo_dashboard import load_dashboard_files
from profiles import services
from profiles.bulk import insert
from profiles.models import (
    Client,
    EducationCredential,
    Firm,
    LanguageTestResult,
    Membership,
    WorkPeriod,
)
from profiles.services.stages import files_opened, open_files
from profiles.synthetic import as_instances, synthetic_client

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 (published demo logins, printed by make run)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str


DEMO_LOGINS = (
    DemoLogin("staff", "staff: admin, draws and re-evaluation runs"),
    DemoLogin("consultant", "consultant at Maple Route Immigration"),
    DemoLogin("consultant2", "consultant at Northern Lights Consulting"),
    DemoLogin("client", "client of Maple Route Immigration (portal)"),
)


def _user(username: str, *, first_name: str, last_name: str, is_staff: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.eeportal.local",
            "is_staff": is_staff,
            "is_superuser": is_staff,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def load_demo_accounts() -> None:
    _user("staff", first_name="Sam", last_name="Staff", is_staff=True)
    firm_a, _ = Firm.objects.get_or_create(name="Maple Route Immigration")
    firm_b, _ = Firm.objects.get_or_create(name="Northern Lights Consulting")
    for username, firm, first, last in (
        ("consultant", firm_a, "Chloé", "Tremblay"),
        ("consultant2", firm_b, "Arjun", "Mehta"),
    ):
        user = _user(username, first_name=first, last_name=last)
        Membership.objects.get_or_create(user=user, defaults={"firm": firm, "is_firm_admin": True})
    client_user = _user("client", first_name="Priya", last_name="Sharma")
    if not Client.objects.filter(user=client_user).exists():
        _priya(client_user, firm_a)
    for firm, count, seed in ((firm_a, 120, 2026), (firm_b, 80, 2027)):
        if not firm.clients.filter(email__endswith=f"@{DEMO_CLIENT_DOMAIN}").exists():
            _demo_clients(firm, count=count, seed=seed)
    load_dashboard_files(firm_a)
    _restart_grace_period()


def _restart_grace_period() -> None:
    """A demo loaded long ago gets its staff and consultants' two-factor grace period back at
    the next `make run`, so the demo always opens without an authenticator app (README,
    "Two-factor sign-in"). Within the period nothing changes: loading twice is a no-op."""
    ending = timezone.now() - timedelta(days=max(settings.TWO_FACTOR_GRACE_DAYS - 1, 0))
    User.objects.filter(
        username__in=[login.username for login in DEMO_LOGINS], date_joined__lt=ending
    ).update(date_joined=timezone.now())


DEMO_CLIENT_DOMAIN = "demo-client.example.com"


def _priya(user: User, firm: Firm) -> None:
    """The `client` login's file: a Canadian-educated nurse with an accompanying spouse."""
    today = timezone.localdate()
    client = services.create_client(
        firm=firm,
        by=None,
        data={
            "first_name": "Priya",
            "last_name": "Sharma",
            "email": user.email,
            "phone": "+1 647 555 0142",
            "birth_date": date(today.year - 31, 3, 14),
            "marital_status": "married",
            "spouse_name": "Rohan Sharma",
            "profile_submitted_at": timezone.now() - timedelta(days=140),
            "contact_updates_allowed": True,
        },
    )
    client.user = user
    client.save(update_fields=["user"])
    for model, data in (
        (EducationCredential, {"level": "masters", "in_canada": True, "length_years": 2,
                               "completed_on": date(today.year - 3, 5, 31)}),
        (EducationCredential, {"level": "bachelors", "in_canada": False, "length_years": 4,
                               "completed_on": date(today.year - 9, 6, 15),
                               "eca_date": today - timedelta(days=900)}),
        (LanguageTestResult, {"test": "celpip", "listening": 10, "reading": 9, "writing": 9,
                              "speaking": 10, "test_date": today - timedelta(days=200)}),
        (WorkPeriod, {"noc": "31301", "start": date(today.year - 3, 7, 4),
                      "hours_per_week": 37.5, "in_canada": True}),
        (WorkPeriod, {"noc": "31301", "start": date(today.year - 8, 1, 10),
                      "end": date(today.year - 5, 8, 31), "in_canada": False}),
        (EducationCredential, {"person": "spouse", "level": "bachelors", "in_canada": False,
                               "eca_date": today - timedelta(days=400)}),
        (LanguageTestResult, {"person": "spouse", "test": "ielts", "listening": 7,
                              "reading": 6.5, "writing": 6, "speaking": 6.5,
                              "test_date": today - timedelta(days=300)}),
    ):  # fmt: skip
        services.add_fact(client=client, model=model, by=None, data=data)


def _demo_clients(firm: Firm, *, count: int, seed: int) -> None:
    rng = random.Random(seed)
    today = timezone.localdate()
    files = [
        as_instances(
            *synthetic_client(rng, firm=firm, today=today, email_domain=DEMO_CLIENT_DOMAIN)
        )
        for _ in range(count)
    ]
    clients = [client for client, _ in files]
    open_files(clients, firm=firm, by=None)
    insert(Client, clients)
    for model in (EducationCredential, LanguageTestResult, WorkPeriod):
        rows = [fact for client, facts in files for fact in facts if type(fact) is model]
        for fact in rows:
            fact.client_id = fact.client.pk
        insert(model, rows)
    files_opened(clients, by=None, on=today)
