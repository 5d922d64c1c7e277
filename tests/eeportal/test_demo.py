from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command

from profiles.models import Client, Firm, Membership


def snapshot() -> dict:
    return {
        "users": list(User.objects.order_by("pk").values()),
        "firms": list(Firm.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values()),
        "clients": list(Client.objects.order_by("pk").values()),
    }


def test_demo_data_has_staff_two_firms_with_a_consultant_each_and_a_client_login(db):
    call_command("load_demo", stdout=StringIO())
    assert User.objects.get(username="staff").is_staff
    assert Firm.objects.count() == 2
    assert set(Membership.objects.values_list("firm__name", flat=True)) == set(
        Firm.objects.values_list("name", flat=True)
    )
    assert Client.objects.get(user__username="client").firm.name == "Maple Route Immigration"


def test_loading_demo_data_twice_gives_the_same_rows(db):
    call_command("load_demo", stdout=StringIO())
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first


def test_the_demo_consultant_has_a_populated_dashboard(db):
    from profiles.dashboard import dashboard_for

    call_command("load_demo", stdout=StringIO())
    board = dashboard_for(user=User.objects.get(username="consultant"))
    totals = {section.key: section.total for section in board.sections}
    for key in ("expired-profiles", "expiring-profiles", "expiring-facts", "ita-deadlines",
                "birthdays"):  # fmt: skip
        assert totals[key] >= 1, key
    deadlines = next(section for section in board.sections if section.key == "ita-deadlines")
    assert any(item.urgent for item in deadlines.items)  # Daniel Martin's, overdue
    assert any(not item.urgent for item in deadlines.items)  # Sofia Rossi's, 15 days left


def test_a_demo_loaded_long_ago_gets_its_two_factor_grace_period_back(db, settings):
    from datetime import timedelta

    from django.utils import timezone

    from eeportal.mfa.state import deadline_for

    call_command("load_demo", stdout=StringIO())
    User.objects.update(date_joined=timezone.now() - timedelta(days=400))
    call_command("load_demo", stdout=StringIO())
    staff = User.objects.get(username="staff")
    assert deadline_for(staff) > timezone.now() + timedelta(days=settings.TWO_FACTOR_GRACE_DAYS - 1)


def test_load_demo_says_the_demo_accounts_are_in_the_two_factor_grace_period(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Two-factor sign-in" in out.getvalue()
