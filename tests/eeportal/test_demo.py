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
