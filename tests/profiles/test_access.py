"""Who may see and change which client file, on the pages and in the API (DESIGN.md §6, §9.3).

The file under test belongs to firm A and is not the signed-in client's own. A miss across
firms is a 404 (no existence leak); a role that has no business with a page also gets a 404.
"""

import pytest
from django.urls import reverse

from tests.factories import ClientFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db

OTHERS = ["firm_b_consultant", "firm_a_client", "staff_user"]


@pytest.fixture
def file_a(firm_a):
    client = ClientFactory(firm=firm_a, first_name="Ada", last_name="Target")
    LanguageResultFactory(client=client)
    return client


def _pages(file_a) -> list[str]:
    fact = file_a.language_results.get()
    uuid = file_a.public_id
    return [
        reverse("profiles:client_detail", args=[uuid]),
        reverse("profiles:client_edit", args=[uuid]),
        reverse("profiles:client_delete", args=[uuid]),
        reverse("profiles:fact_create", args=[uuid, "languages"]),
        reverse("profiles:fact_edit", args=[uuid, "languages", fact.public_id]),
        reverse("profiles:fact_delete", args=[uuid, "languages", fact.public_id]),
    ]


def test_consultant_opens_every_page_of_their_firms_client(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    for url in _pages(file_a):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("actor", OTHERS)
def test_nobody_else_can_open_a_firms_client_file(client, request, file_a, actor):
    client.force_login(request.getfixturevalue(actor))
    for url in _pages(file_a):
        assert client.get(url).status_code == 404, url


def test_consultant_cannot_change_another_firms_client(client, firm_b_consultant, file_a):
    client.force_login(firm_b_consultant)
    url = reverse("profiles:client_edit", args=[file_a.public_id])
    response = client.post(
        url, {"first_name": "Hacked", "last_name": "X", "birth_date": "1990-01-01"}
    )
    assert response.status_code == 404
    assert (
        client.post(reverse("profiles:client_delete", args=[file_a.public_id])).status_code == 404
    )
    file_a.refresh_from_db()
    assert file_a.first_name == "Ada"


def test_consultant_cannot_invite_another_firms_client(client, firm_b_consultant, file_a):
    client.force_login(firm_b_consultant)
    response = client.post(reverse("profiles:client_invite", args=[file_a.public_id]))
    assert response.status_code == 404
    assert file_a.user is None


def test_anonymous_users_are_sent_to_sign_in(client, file_a):
    for url in [reverse("profiles:client_list"), reverse("profiles:portal"), *_pages(file_a)]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url


@pytest.mark.parametrize("actor", ["firm_a_client", "staff_user"])
def test_only_consultants_have_a_client_list(client, request, actor):
    client.force_login(request.getfixturevalue(actor))
    for name in ("client_list", "client_create", "client_import", "client_export", "firm"):
        assert client.get(reverse(f"profiles:{name}")).status_code == 404, name


def test_client_list_and_export_show_only_the_consultants_firm(client, firm_b_consultant, file_a):
    ClientFactory(firm=firm_b_consultant.membership.firm, last_name="Ownfirm")
    client.force_login(firm_b_consultant)
    page = client.get(reverse("profiles:client_list")).content.decode()
    export = b"".join(client.get(reverse("profiles:client_export")).streaming_content).decode()
    assert "Ownfirm" in page and "Ownfirm" in export
    assert "Target" not in page and "Target" not in export


def test_client_sees_their_own_file_and_no_other(client, firm_a_client, file_a):
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal")).content.decode()
    assert firm_a_client.client_file.last_name in page
    assert "Target" not in page


@pytest.mark.parametrize("actor", ["firm_a_consultant", "staff_user"])
def test_the_portal_is_only_for_clients(client, request, actor):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(reverse("profiles:portal")).status_code == 404


def test_client_cannot_change_contact_details_unless_allowed(client, firm_a_client):
    client.force_login(firm_a_client)
    url = reverse("profiles:portal_contact")
    assert client.get(url).status_code == 403
    assert client.post(url, {"email": "new@example.com"}).status_code == 403


# --- API -------------------------------------------------------------------------------------


def _api(file_a=None) -> str:
    if file_a is None:
        return reverse("api-client-list")
    return reverse("api-client-detail", args=[file_a.public_id])


def test_consultant_lists_and_reads_their_firms_clients_in_the_api(
    client, firm_a_consultant, file_a
):
    client.force_login(firm_a_consultant)
    listing = client.get(_api()).json()
    assert [row["id"] for row in listing["results"]] == [str(file_a.public_id)]
    assert client.get(_api(file_a)).json()["last_name"] == "Target"


def test_api_hides_another_firms_client_with_a_404(client, firm_b_consultant, file_a):
    client.force_login(firm_b_consultant)
    assert client.get(_api()).json()["results"] == []
    assert client.get(_api(file_a)).status_code == 404
    response = client.patch(_api(file_a), {"first_name": "X"}, content_type="application/json")
    assert response.status_code == 404


@pytest.mark.parametrize("actor", ["firm_a_client", "staff_user"])
def test_non_consultants_get_no_client_list_in_the_api(client, request, file_a, actor):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(_api()).status_code == 403
    assert client.get(_api(file_a)).status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in_for_the_client_list_api(client, file_a):
    assert client.get(_api()).status_code == 401
    assert client.get(_api(file_a)).status_code == 401


def test_me_returns_the_signed_in_clients_own_file(client, firm_a_client, file_a):
    client.force_login(firm_a_client)
    body = client.get(reverse("api-me")).json()
    assert body["client"]["id"] == str(firm_a_client.client_file.public_id)
    assert "total" in body["score"]


@pytest.mark.parametrize("actor", ["firm_a_consultant", "staff_user"])
def test_me_is_only_for_clients(client, request, actor):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(reverse("api-me")).status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in_for_me(client):
    assert client.get(reverse("api-me")).status_code == 401


def test_client_cannot_patch_contact_details_in_the_api_unless_allowed(client, firm_a_client):
    client.force_login(firm_a_client)
    response = client.patch(reverse("api-me"), {"phone": "555"}, content_type="application/json")
    assert response.status_code == 403
