"""The file history names people, not ids (issue 12: "user: — → 4"), as the firm may see them:
its own people by name, another firm's never, in a fixed number of queries."""

import pytest

from profiles import services
from profiles.models import Client
from profiles.selectors import OUTSIDE_THE_FIRM, client_history
from tests.factories import ClientFactory, ConsultantFactory

pytestmark = pytest.mark.django_db


def file_changes(file: Client) -> list[tuple[str, str, str]]:
    return [diff for change in client_history(client=file) for diff in change.changes]


def test_inviting_the_client_shows_their_login_by_name(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, first_name="Lina", last_name="Roy", email="lina@example.com")
    services.invite_client(client=file, by=firm_a_consultant, site_url="http://testserver")
    assert ("user", "—", "Lina Roy") in file_changes(file)


def test_the_client_page_shows_the_person_not_the_id(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, first_name="Lina", last_name="Roy", email="lina@example.com")
    services.invite_client(client=file, by=firm_a_consultant, site_url="http://testserver")
    client.force_login(firm_a_consultant)
    content = client.get(file.get_absolute_url()).content.decode()
    history = content[content.index('id="history"') :]
    assert '<span class="text-body-secondary">user:</span> — → Lina Roy' in history


def test_a_consultant_of_the_firm_is_named(firm_a, firm_a_admin, firm_a_consultant):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    services.assign_client(client=file, consultant=firm_a_consultant, by=firm_a_admin)
    assert ("responsible consultant", "Ada Admin", firm_a_consultant.username) in file_changes(file)


def test_a_consultant_since_removed_is_still_named(firm_a, firm_a_admin):
    leaving = ConsultantFactory(membership__firm=firm_a, first_name="Leo", last_name="Left")
    file = ClientFactory(firm=firm_a, consultant=leaving)
    services.remove_consultant(membership=leaving.membership, by=firm_a_admin)
    assert ("responsible consultant", "Leo Left", "Ada Admin") in file_changes(file)


def test_another_firms_consultant_is_never_named(firm_a, firm_b_consultant):
    """A file moved between firms in the admin keeps the old firm's people in its history."""
    file = ClientFactory(firm=firm_b_consultant.membership.firm, consultant=firm_b_consultant)
    file._history_user = firm_b_consultant
    file.firm, file.consultant = firm_a, None
    file.save()
    change = client_history(client=file)[0]
    assert change.who == OUTSIDE_THE_FIRM
    assert ("responsible consultant", OUTSIDE_THE_FIRM, "—") in change.changes
    assert ("firm", "another firm", "Firm A Immigration") in change.changes
    assert firm_b_consultant.username not in repr(client_history(client=file))


def test_a_login_now_another_firms_client_is_never_named(firm_a, firm_b):
    file = ClientFactory(firm=firm_a, with_login=True)
    login = file.user
    file.user = None
    file.save()
    ClientFactory(firm=firm_b, user=login)  # the login now belongs to a file of firm B
    assert ("user", OUTSIDE_THE_FIRM, "—") in file_changes(file)
    assert login.username not in repr(client_history(client=file))


@pytest.mark.parametrize("entries", [3, 30])
def test_the_history_names_people_in_the_same_queries_for_3_or_30_changes(
    django_assert_num_queries, firm_a, firm_a_admin, firm_a_consultant, entries
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    for index in range(entries):
        consultant = firm_a_consultant if index % 2 == 0 else firm_a_admin
        services.assign_client(client=file, consultant=consultant, by=firm_a_admin)
    # stage changes, document events, the client's history, its three fact tables' histories,
    # the people named
    with django_assert_num_queries(7):
        history = client_history(client=file)
    assert len([c for c in history if c.what == "Client file" and c.changes]) == entries
