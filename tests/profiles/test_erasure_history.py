"""Erasing a file leaves no copy of it (issue 14, defect 4): no history row of the file or its
facts, no standing, no score change; only an audit line of who erased which file when."""

import pytest
from django.urls import reverse

from draws.models import Standing
from profiles.models import Client, Erasure, LanguageTestResult, ScoreChange
from profiles.services import delete_client
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_file(firm_a):
    client = factories.ClientFactory(firm=firm_a, email="ana@example.com")
    factories.LanguageResultFactory(client=client)
    factories.CredentialFactory(client=client)
    factories.WorkPeriodFactory(client=client)
    factories.ScoreChangeFactory(client=client)
    factories.StandingFactory(client=client)
    client.address = "1 Main St"
    client.save()  # a second history row
    return client


def test_erasing_a_file_removes_its_history_rows(rich_file, firm_a_consultant):
    pk = rich_file.pk
    assert Client.history.filter(id=pk).count() >= 2
    delete_client(client=rich_file, by=firm_a_consultant)
    assert not Client.history.filter(id=pk).exists()
    assert not LanguageTestResult.history.filter(client_id=pk).exists()
    assert not ScoreChange.objects.filter(client_id=pk).exists()
    assert not Standing.objects.filter(client_id=pk).exists()


def test_erasing_a_file_keeps_an_audit_line_without_personal_data(rich_file, firm_a_consultant):
    public_id = rich_file.public_id
    delete_client(client=rich_file, by=firm_a_consultant)
    line = Erasure.objects.get()
    assert (line.file_id, line.erased_by, line.firm) == (
        public_id,
        firm_a_consultant,
        firm_a_consultant.membership.firm,
    )
    assert "ana" not in str(line).lower()


def test_erasing_one_file_leaves_the_history_of_others(rich_file, firm_a_consultant, firm_a):
    other = factories.ClientFactory(firm=firm_a)
    delete_client(client=rich_file, by=firm_a_consultant)
    assert Client.history.filter(id=other.pk).exists()


def test_the_delete_page_erases_and_records_who(client, rich_file, firm_a_consultant):
    client.force_login(firm_a_consultant)
    client.post(reverse("profiles:client_delete", args=[rich_file.public_id]))
    assert Erasure.objects.get().erased_by == firm_a_consultant
    assert not Client.history.filter(id=rich_file.pk).exists()


def test_another_firm_cannot_erase_a_file(client, rich_file, firm_b_consultant):
    client.force_login(firm_b_consultant)
    response = client.post(reverse("profiles:client_delete", args=[rich_file.public_id]))
    assert response.status_code == 404
    assert Client.objects.filter(pk=rich_file.pk).exists() and not Erasure.objects.exists()


def test_the_firm_administrator_reads_the_erasures(client, rich_file, firm_a_admin):
    delete_client(client=rich_file, by=firm_a_admin)
    client.force_login(firm_a_admin)
    page = client.get(reverse("profiles:firm")).content.decode()
    assert str(rich_file.public_id) in page and "Ada Admin" in page


def test_a_consultant_who_is_not_administrator_does_not_see_the_erasures(
    client, rich_file, firm_a_admin, firm_a_consultant
):
    delete_client(client=rich_file, by=firm_a_admin)
    client.force_login(firm_a_consultant)
    assert str(rich_file.public_id) not in client.get(reverse("profiles:firm")).content.decode()


def test_another_firm_administrator_does_not_see_the_erasures(
    client, rich_file, firm_a_admin, firm_b
):
    delete_client(client=rich_file, by=firm_a_admin)
    other = factories.ConsultantFactory(membership__firm=firm_b, membership__is_firm_admin=True)
    client.force_login(other)
    assert str(rich_file.public_id) not in client.get(reverse("profiles:firm")).content.decode()
