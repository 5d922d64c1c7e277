"""The weekly reminder (issue 11): each consultant's next 14 days of deadlines and expiries of
their own files, nobody else's; sent once a day however often the task is delivered."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from profiles.services.reminders import send_weekly_reminders
from tests.factories import ClientFactory, ConsultantFactory, KeyDateFactory
from tests.profiles.dashboard_files import expiring_profile, invited

pytestmark = pytest.mark.django_db


@pytest.fixture
def firm_a_due(firm_a, firm_a_consultant):
    """Firm A's consultant's files: an ITA due in 5 days, a profile expiring in 10, an IELTS
    result expiring in 3, and a profile expiring in 40 days (beyond the 14)."""
    invited(firm_a, firm_a_consultant, days_ago=55, last_name="Kowalczyk")
    expiring_profile(firm_a, firm_a_consultant, 10, last_name="Expiring")
    expiring_profile(firm_a, firm_a_consultant, 40, last_name="Later")
    file = ClientFactory(firm=firm_a, consultant=firm_a_consultant, last_name="Tested")
    KeyDateFactory(client=file, on=timezone.localdate() + timedelta(days=3))
    return file


def test_a_consultant_gets_the_next_14_days_of_their_files(firm_a_consultant, firm_a_due):
    assert send_weekly_reminders() == 1
    (message,) = mail.outbox
    assert message.to == [firm_a_consultant.email]
    assert "Kowalczyk" in message.body and "Application due" in message.body
    assert (
        "Expiring" in message.body
        and "Tested" in message.body
        and "(24 CRS points)" in message.body
    )
    assert "Later" not in message.body
    assert message.subject == "EE Portal: 3 deadlines or expiries in your next 14 days"
    assert f"{settings.SITE_URL}/dashboard/" in message.body


def test_another_firms_consultant_gets_nothing_of_firm_a(firm_b_consultant, firm_a_due):
    send_weekly_reminders()
    assert [message.to for message in mail.outbox] == [[firm_a_due.consultant.email]]


def test_a_colleague_gets_only_their_own_files(firm_a, firm_a_due):
    colleague = ConsultantFactory(membership__firm=firm_a)
    invited(firm_a, colleague, days_ago=50, last_name="Colleagues")
    send_weekly_reminders()
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert "Colleagues" in by_address[colleague.email]
    assert "Kowalczyk" not in by_address[colleague.email]


def test_a_client_gets_no_reminder(firm_a_client, firm_a_due):
    send_weekly_reminders()
    assert all(firm_a_client.email not in message.to for message in mail.outbox)


def test_archived_files_are_not_in_the_reminder(firm_a, firm_a_consultant):
    invited(firm_a, firm_a_consultant, days_ago=55, archived_at=timezone.now())
    assert send_weekly_reminders() == 0 and mail.outbox == []


def test_nobody_is_e_mailed_twice_on_the_same_day(firm_a_due):
    assert send_weekly_reminders() == 1
    assert send_weekly_reminders() == 0
    assert len(mail.outbox) == 1


def test_a_consultant_with_nothing_due_gets_no_e_mail(firm_a_consultant):
    assert send_weekly_reminders() == 0


def test_the_reminder_is_sent_by_beat_every_week():
    entry = settings.CELERY_BEAT_SCHEDULE["weekly-reminders"]
    assert entry["task"] == "profiles.tasks.send_weekly_reminders"
    assert entry["schedule"].day_of_week == {1}
