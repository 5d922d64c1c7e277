"""Archive instead of delete (issue 11): an archived file leaves the lists and the nightly
re-score, still opens by its address, and can be restored; deleting stays the erasure."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from profiles import services
from profiles.models import Client
from tests.factories import ClientFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archived(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, last_name="Shelved", consultant=firm_a_consultant)
    LanguageResultFactory(client=file)
    return services.archive_client(client=file, by=firm_a_consultant)


def test_an_archived_file_leaves_the_client_list_page_and_api(
    client, firm_a, firm_a_consultant, archived
):
    ClientFactory(firm=firm_a, last_name="Active")
    client.force_login(firm_a_consultant)
    page = client.get(reverse("profiles:client_list")).content.decode()
    assert "Active" in page and "Shelved" not in page
    api = client.get(reverse("api-client-list")).json()
    assert [row["last_name"] for row in api["results"]] == ["Active"]


def test_the_archived_filter_lists_only_archived_files(client, firm_a, firm_a_consultant, archived):
    ClientFactory(firm=firm_a, last_name="Active")
    client.force_login(firm_a_consultant)
    api = client.get(reverse("api-client-list"), {"archived": "true"}).json()
    assert [row["last_name"] for row in api["results"]] == ["Shelved"]


def test_an_archived_file_still_opens_and_says_it_is_archived(client, firm_a_consultant, archived):
    client.force_login(firm_a_consultant)
    page = client.get(archived.get_absolute_url()).content.decode()
    assert "Archived on" in page and "Restore" in page
    api = client.get(reverse("api-client-detail", args=[archived.public_id])).json()
    assert api["archived_at"] is not None


def test_restoring_brings_the_file_back_re_scored(client, firm_a_consultant, archived):
    Client.objects.filter(pk=archived.pk).update(current_crs=None)
    client.force_login(firm_a_consultant)
    client.post(reverse("profiles:client_restore", args=[archived.public_id]))
    archived.refresh_from_db()
    assert archived.archived_at is None and archived.current_crs is not None
    assert "Shelved" in client.get(reverse("profiles:client_list")).content.decode()


def test_archiving_twice_is_refused_with_a_message(firm_a_consultant, archived):
    with pytest.raises(ValidationError):
        services.archive_client(client=archived, by=firm_a_consultant)


def test_the_nightly_re_score_skips_archived_files(firm_a, archived):
    ClientFactory(firm=firm_a)
    assert services.refresh_all_scores(firm=firm_a) == 1


def test_archiving_is_in_the_file_history(firm_a_consultant, archived):
    from profiles.selectors import client_history

    change = next(c for c in client_history(client=archived) if c.what == "Client file")
    (field, before, after) = change.changes[0]
    assert (field, before) == ("archived at", "—") and after.startswith(
        f"{timezone.localdate():%Y}"
    )


def test_deleting_still_erases_the_file(client, firm_a_consultant, archived):
    client.force_login(firm_a_consultant)
    client.post(reverse("profiles:client_delete", args=[archived.public_id]))
    assert not Client.objects.filter(pk=archived.pk).exists()


def test_another_firms_consultant_can_neither_archive_nor_restore(
    client, firm_a, firm_b_consultant, archived
):
    active = ClientFactory(firm=firm_a)
    client.force_login(firm_b_consultant)
    assert (
        client.post(reverse("profiles:client_archive", args=[active.public_id])).status_code == 404
    )
    assert (
        client.post(reverse("profiles:client_restore", args=[archived.public_id])).status_code
        == 404
    )
    api = reverse("api-client-restore", args=[archived.public_id])
    assert client.post(api).status_code == 404
    active.refresh_from_db()
    assert active.archived_at is None
