"""Every file has a responsible consultant of its firm (issue 11): who gets a new file, the
firm administrator reassigns, a removed consultant's files go back, "my clients"."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from profiles import services
from profiles.selectors import client_history
from tests.factories import ClientFactory, ConsultantFactory

pytestmark = pytest.mark.django_db
LINA = {"first_name": "Lina", "last_name": "Roy", "birth_date": date(1994, 3, 2)}


def test_the_consultant_who_creates_a_file_is_responsible_for_it(firm_a, firm_a_consultant):
    file = services.create_client(firm=firm_a, by=firm_a_consultant, data=LINA)
    assert file.consultant == firm_a_consultant


def test_a_file_created_by_staff_goes_to_the_firm_administrator(
    firm_a, firm_a_consultant, firm_a_admin, staff_user
):
    file = services.create_client(firm=firm_a, by=staff_user, data=LINA)
    assert file.consultant == firm_a_admin


def test_imported_files_go_to_the_consultant_importing_them(firm_a, firm_a_consultant):
    rows = io.StringIO("first_name,last_name,birth_date\nLina,Roy,1994-03-02\n")
    (file,) = services.import_clients_csv(firm=firm_a, by=firm_a_consultant, file=rows).created
    file.refresh_from_db()
    assert (file.consultant, file.stage) == (firm_a_consultant, "lead")


def test_the_firm_administrator_reassigns_a_file_and_the_history_says_so(
    firm_a, firm_a_consultant, firm_a_admin
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    services.assign_client(client=file, consultant=firm_a_consultant, by=firm_a_admin)
    file.refresh_from_db()
    assert file.consultant == firm_a_consultant
    change = next(c for c in client_history(client=file) if c.what == "Client file")
    assert change.changes == [("responsible consultant", "Ada Admin", firm_a_consultant.username)]


def test_reassigning_to_another_firms_consultant_is_a_field_error(
    firm_a, firm_a_admin, firm_b_consultant
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    with pytest.raises(ValidationError) as error:
        services.assign_client(client=file, consultant=firm_b_consultant, by=firm_a_admin)
    assert error.value.message_dict == {"consultant": ["Choose a consultant of this firm."]}


def test_a_consultant_who_is_not_an_administrator_cannot_reassign(
    firm_a, firm_a_consultant, firm_a_admin
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    with pytest.raises(PermissionDenied):
        services.assign_client(client=file, consultant=firm_a_consultant, by=firm_a_consultant)


def test_the_reassign_form_offers_only_the_firms_consultants(
    client, firm_a, firm_a_consultant, firm_a_admin, firm_b_consultant
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    client.force_login(firm_a_admin)
    url = reverse("profiles:client_assign", args=[file.public_id])
    response = client.post(url, {"consultant": str(firm_b_consultant.membership.public_id)})
    assert response.status_code == 200
    assert "Select a valid choice" in response.context["assign_form"].errors["consultant"][0]
    client.post(url, {"consultant": str(firm_a_consultant.membership.public_id)})
    file.refresh_from_db()
    assert file.consultant == firm_a_consultant


def test_a_colleague_may_not_reassign_from_the_page(
    client, firm_a, firm_a_consultant, firm_a_admin
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_assign", args=[file.public_id])
    posted = {"consultant": str(firm_a_consultant.membership.public_id)}
    assert client.post(url, posted).status_code == 403


def test_the_api_reassigns_by_username_and_refuses_another_firms_consultant_with_a_400(
    client, firm_a, firm_a_consultant, firm_a_admin, firm_b_consultant
):
    file = ClientFactory(firm=firm_a, consultant=firm_a_admin)
    client.force_login(firm_a_admin)
    url = reverse("api-client-assign", args=[file.public_id])
    bad = client.post(
        url, {"consultant": firm_b_consultant.username}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json() == {
        "consultant": ["Choose a consultant of this firm."]
    }
    good = client.post(
        url, {"consultant": firm_a_consultant.username}, content_type="application/json"
    )
    assert good.json()["consultant"] == firm_a_consultant.username


def test_a_removed_consultants_files_go_back_to_the_firm_administrator(
    firm_a, firm_a_consultant, firm_a_admin
):
    files = ClientFactory.create_batch(2, firm=firm_a, consultant=firm_a_consultant)
    services.remove_consultant(membership=firm_a_consultant.membership, by=firm_a_admin)
    for file in files:
        file.refresh_from_db()
    assert {file.consultant for file in files} == {firm_a_admin}


def test_my_clients_keeps_the_consultants_own_files(client, firm_a, firm_a_consultant):
    colleague = ConsultantFactory(membership__firm=firm_a)
    ClientFactory(firm=firm_a, consultant=firm_a_consultant, last_name="Mine")
    ClientFactory(firm=firm_a, consultant=colleague, last_name="Theirs")
    client.force_login(firm_a_consultant)
    api = client.get(reverse("api-client-list"), {"mine": "true"}).json()
    assert [row["last_name"] for row in api["results"]] == ["Mine"]
    page = client.get(reverse("profiles:client_list"), {"mine": "on"}).content.decode()
    assert "Mine" in page and "Theirs" not in page
