"""Demo data for `make run`: a staff user, two firms with one consultant each, a client login.

Idempotent: every row is looked up by a natural key before it is created, and passwords are set
only on creation (re-hashing would change the row on every run).
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from profiles.models import Client, Firm, Membership

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
    Client.objects.get_or_create(
        user=client_user,
        defaults={
            "firm": firm_a,
            "first_name": "Priya",
            "last_name": "Sharma",
            "email": client_user.email,
        },
    )
