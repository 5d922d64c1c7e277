"""The checklist generated from the file: who, which IRCC documents, when, and the links to
the facts whose expiry the document shares."""

import datetime

from django.urls import reverse

from profiles import services as profile_services
from profiles.documents import services
from profiles.models import DocumentItem
from tests.factories import (
    ClientFactory,
    CredentialFactory,
    LanguageResultFactory,
    WorkPeriodFactory,
)

SUBMITTED = datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)


def kinds(items) -> set[tuple[str, str]]:
    return {(item.kind, item.person) for item in items}


def test_a_single_clients_profile_checklist(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    LanguageResultFactory(client=file)
    CredentialFactory(client=file, in_canada=False, eca_date=datetime.date(2025, 3, 1))
    items = services.generate_checklist(client=file, by=firm_a_consultant)
    assert kinds(items) == {("passport", "principal"), ("language", "principal"),
                            ("eca", "principal")}  # fmt: skip
    assert all(item.phase == "profile" for item in items)


def test_a_married_client_gets_the_spouses_documents_too(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, marital_status="married")
    items = services.generate_checklist(client=file, by=firm_a_consultant)
    assert kinds(items) == {("passport", "principal"), ("passport", "spouse")}


def test_after_an_ita_the_application_documents_are_due_with_the_application(
    firm_a, firm_a_consultant
):
    file = ClientFactory(
        firm=firm_a, marital_status="married", profile_submitted_at=SUBMITTED,
        ita_received_on=datetime.date(2026, 2, 1),
    )  # fmt: skip
    WorkPeriodFactory(client=file, employer="Maple Software")
    items = services.generate_checklist(client=file, by=firm_a_consultant)
    application = [item for item in items if item.phase == "application"]
    assert {"medical", "photo", "birth", "funds", "employment", "civil_status"} <= {
        item.kind for item in application
    }
    assert {item.due_on for item in application} == {datetime.date(2026, 4, 2)}
    assert any(item.detail == "Maple Software" for item in application)


def test_generating_twice_adds_nothing(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    services.generate_checklist(client=file, by=firm_a_consultant)
    assert services.generate_checklist(client=file, by=firm_a_consultant) == []


def test_a_language_item_expires_with_its_result_and_follows_it(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    result = LanguageResultFactory(client=file, test_date=datetime.date(2025, 6, 10))
    services.generate_checklist(client=file, by=firm_a_consultant)
    item = DocumentItem.objects.get(kind="language")
    assert (item.language_result, item.expires_on) == (result, datetime.date(2027, 6, 10))
    profile_services.update_fact(
        fact=result, by=firm_a_consultant, data={"test_date": datetime.date(2025, 9, 1)}
    )
    item.refresh_from_db()
    assert item.expires_on == datetime.date(2027, 9, 1)


def test_a_linked_items_expiry_cannot_be_set_apart_from_the_fact(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    LanguageResultFactory(client=file, test_date=datetime.date(2025, 6, 10))
    services.generate_checklist(client=file, by=firm_a_consultant)
    item = DocumentItem.objects.get(kind="language")
    services.update_item(
        item=item, by=firm_a_consultant, due_on=None, expires_on=datetime.date(2030, 1, 1)
    )
    assert item.expires_on == datetime.date(2027, 6, 10)


def test_the_consultant_adds_a_police_certificate_for_a_country(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    client.force_login(firm_a_consultant)
    url = reverse("profiles:documents_add", args=[file.public_id])
    data = {"kind": "police", "person": "principal", "detail": "Brazil", "phase": "application"}
    assert client.post(url, data).status_code == 302
    assert DocumentItem.objects.get(client=file).detail == "Brazil"


def test_a_childs_item_needs_the_childs_name(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    client.force_login(firm_a_consultant)
    url = reverse("profiles:documents_add", args=[file.public_id])
    data = {"kind": "birth", "person": "child", "phase": "application"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Give the child&#x27;s first name." in response.content.decode()
    assert client.post(url, {**data, "person_name": "Lucía"}).status_code == 302
    assert DocumentItem.objects.get(client=file).whose == "Child: Lucía"


def test_a_spouse_item_for_a_single_client_is_a_field_error(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a)
    client.force_login(firm_a_consultant)
    url = reverse("profiles:documents_add", args=[file.public_id])
    response = client.post(url, {"kind": "passport", "person": "spouse", "phase": "profile"})
    assert response.status_code == 400
    assert not DocumentItem.objects.exists()
