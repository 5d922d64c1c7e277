"""Retention (issue 14): files archived longer than ``ARCHIVED_RETENTION_DAYS`` are erased by
the nightly purge through ``delete_client``; recent archives and active files stay, 0 turns
it off, and the erasure line says "retention" with nobody as the actor."""

import datetime
import os

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from eeportal import settings as project_settings
from profiles.models import Client, Erasure
from profiles.services import delete_client
from profiles.services.retention import purge_archived_files as purge
from profiles.tasks import purge_archived_files
from tests import factories
from tests.dates import assert_one_date_format

pytestmark = pytest.mark.django_db

RETENTION_DAYS = 100


@pytest.fixture(autouse=True)
def retention(settings):
    settings.ARCHIVED_RETENTION_DAYS = RETENTION_DAYS


def archived_days_ago(days: int, **kwargs) -> Client:
    return factories.ClientFactory(
        archived_at=timezone.now() - datetime.timedelta(days=days), **kwargs
    )


def test_the_purge_erases_a_file_archived_longer_ago_than_the_retention(firm_a):
    old = archived_days_ago(RETENTION_DAYS + 1, firm=firm_a)
    assert purge_archived_files() == 1
    assert not Client.objects.filter(pk=old.pk).exists()


def test_the_purge_leaves_a_file_archived_within_the_retention(firm_a):
    recent = archived_days_ago(RETENTION_DAYS - 1, firm=firm_a)
    assert purge_archived_files() == 0
    assert Client.objects.filter(pk=recent.pk).exists()


def test_the_purge_leaves_active_files(firm_a):
    active = factories.ClientFactory(firm=firm_a)
    Client.objects.filter(pk=active.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=RETENTION_DAYS * 10)
    )
    assert purge_archived_files() == 0
    assert Client.objects.filter(pk=active.pk).exists()


def test_a_retention_of_zero_erases_nothing(settings, firm_a):
    settings.ARCHIVED_RETENTION_DAYS = 0
    old = archived_days_ago(10_000, firm=firm_a)
    assert purge_archived_files() == 0
    assert Client.objects.filter(pk=old.pk).exists() and not Erasure.objects.exists()


def test_the_retention_erasure_line_says_retention_and_names_nobody(firm_a):
    old = archived_days_ago(RETENTION_DAYS + 1, firm=firm_a)
    purge_archived_files()
    line = Erasure.objects.get()
    assert (line.file_id, line.firm, line.reason, line.erased_by) == (
        old.public_id,
        firm_a,
        Erasure.Reason.RETENTION,
        None,
    )


def test_an_erasure_asked_for_by_a_consultant_says_requested(firm_a, firm_a_consultant):
    delete_client(client=factories.ClientFactory(firm=firm_a), by=firm_a_consultant)
    assert Erasure.objects.get().reason == Erasure.Reason.REQUESTED


def test_the_purge_removes_the_erased_clients_portal_login(firm_a):
    old = archived_days_ago(RETENTION_DAYS + 1, firm=firm_a, with_login=True)
    purge_archived_files()
    assert not User.objects.filter(pk=old.user_id).exists()


def test_the_purge_goes_through_every_batch(firm_a):
    for _ in range(5):
        archived_days_ago(RETENTION_DAYS + 1, firm=firm_a)
    assert purge(batch_size=2) == 5
    assert not Client.objects.exists() and Erasure.objects.count() == 5


def test_the_firm_page_shows_a_retention_erasure_without_an_actor(client, firm_a, firm_a_admin):
    old = archived_days_ago(RETENTION_DAYS + 1, firm=firm_a)
    purge_archived_files()
    client.force_login(firm_a_admin)
    page = client.get(reverse("profiles:firm")).content.decode()
    assert str(old.public_id) in page and "retention" in page
    assert_one_date_format(page)


def test_the_retention_is_about_seven_years_unless_set():
    if "ARCHIVED_RETENTION_DAYS" in os.environ:
        pytest.skip("ARCHIVED_RETENTION_DAYS is set in this environment")
    assert project_settings.ARCHIVED_RETENTION_DAYS == 2557 == 7 * 365 + 2  # two leap days


def test_the_beat_schedule_runs_the_purge_every_night(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["purge-archived-files"]
    assert entry["task"] == purge_archived_files.name == "profiles.tasks.purge_archived_files"
    schedule = entry["schedule"]
    assert len(schedule.hour) == 1 and schedule.day_of_week == set(range(7))
