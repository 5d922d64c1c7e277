"""Migration ``profiles 0005``: existing files get a stage from their facts and a responsible
consultant (the creator still in the firm, else the firm's first administrator)."""

import importlib
from datetime import date, datetime

import pytest
from django.apps import apps
from django.utils import timezone

from profiles.models import Client
from tests.factories import ClientFactory, ConsultantFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("profiles.migrations.0005_workflow_data")


def _created_by(file: Client, user) -> None:
    file.history.filter(history_type="+").update(history_user=user)


def test_a_file_goes_to_its_creator_while_they_are_in_the_firm(
    firm_a, firm_a_admin, firm_a_consultant
):
    file = ClientFactory(firm=firm_a)
    _created_by(file, firm_a_consultant)
    migration.forwards(apps, None)
    file.refresh_from_db()
    assert file.consultant == firm_a_consultant


def test_a_file_whose_creator_left_goes_to_the_firm_administrator(firm_a, firm_a_admin, firm_b):
    file = ClientFactory(firm=firm_a)
    _created_by(file, ConsultantFactory(membership__firm=firm_b))
    migration.forwards(apps, None)
    file.refresh_from_db()
    assert file.consultant == firm_a_admin


def test_the_stage_follows_the_facts(firm_a, firm_a_admin):
    submitted = timezone.make_aware(datetime(2026, 1, 5, 10))
    invited = ClientFactory(
        firm=firm_a, profile_submitted_at=submitted, ita_received_on=date(2026, 3, 1)
    )
    pooled = ClientFactory(firm=firm_a, profile_submitted_at=submitted)
    lead = ClientFactory(firm=firm_a)
    migration.forwards(apps, None)
    stages = {c.pk: (c.stage, c.stage_on) for c in Client.objects.all()}
    assert stages[invited.pk] == ("ita_received", date(2026, 3, 1))
    assert stages[pooled.pk] == ("in_pool", date(2026, 1, 5))
    assert stages[lead.pk] == ("lead", timezone.localdate())
