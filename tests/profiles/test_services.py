"""Writes to client files: scores kept fresh, changes audited, re-evaluation told after commit."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from profiles import services
from profiles.models import Client, LanguageTestResult, Membership
from profiles.selectors import client_history
from profiles.signals import facts_changed
from tests.factories import PASSWORD, ClientFactory, ConsultantFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db

BASICS = {"first_name": "Lina", "last_name": "Haddad", "birth_date": date(1996, 5, 1)}
CELPIP_9 = {"test": "celpip", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}


@pytest.fixture
def lina(firm_a, firm_a_consultant):
    return services.create_client(firm=firm_a, by=firm_a_consultant, data=BASICS)


def test_new_client_is_scored_when_created(lina):
    assert lina.current_crs is not None
    assert lina.crs_computed_on is not None


def test_adding_a_language_result_raises_the_stored_score(lina, firm_a_consultant):
    before = lina.current_crs
    services.add_fact(
        client=lina,
        model=LanguageTestResult,
        by=firm_a_consultant,
        data={**CELPIP_9, "test_date": date.today()},
    )
    lina.refresh_from_db()
    assert lina.current_crs > before


def test_bad_fact_is_refused_with_field_errors(lina, firm_a_consultant):
    with pytest.raises(ValidationError) as error:
        services.add_fact(
            client=lina,
            model=LanguageTestResult,
            by=firm_a_consultant,
            data={**CELPIP_9, "listening": 13, "test_date": date.today()},
        )
    assert "listening" in error.value.message_dict


def test_spouse_facts_need_a_married_or_common_law_client(lina, firm_a_consultant):
    with pytest.raises(ValidationError) as error:
        services.add_fact(
            client=lina,
            model=LanguageTestResult,
            by=firm_a_consultant,
            data={**CELPIP_9, "person": "spouse", "test_date": date.today()},
        )
    assert "person" in error.value.message_dict


def test_facts_changed_is_sent_only_after_the_transaction_commits(
    lina, firm_a_consultant, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, client_ids, **kwargs):
        received.append(client_ids)

    facts_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.update_client(client=lina, by=firm_a_consultant, data={"phone": "555"})
        assert received == []
        for callback in callbacks:
            callback()
    finally:
        facts_changed.disconnect(receiver)
    assert received == [[lina.pk]]


def test_history_records_who_changed_what_before_and_after(lina, firm_a_consultant):
    services.update_client(client=lina, by=firm_a_consultant, data={"marital_status": "married"})
    change = client_history(client=lina)[0]
    assert change.who == firm_a_consultant.get_username()
    assert change.kind == "changed"
    assert ("marital status", "Never married / single", "Married") in change.changes


def test_history_lists_fact_rows_added_and_deleted(lina, firm_a_consultant):
    fact = services.add_fact(
        client=lina,
        model=LanguageTestResult,
        by=firm_a_consultant,
        data={**CELPIP_9, "test_date": date.today()},
    )
    services.delete_fact(fact=fact, by=firm_a_consultant)
    kinds = [(c.kind, c.what.split(":")[0]) for c in client_history(client=lina)]
    assert kinds[:2] == [("deleted", "Language test result"), ("created", "Language test result")]


def test_refresh_scores_catches_date_driven_changes(lina):
    Client.objects.filter(pk=lina.pk).update(current_crs=1, eligible_for=" fsw ")
    assert services.refresh_all_scores() == 1
    lina.refresh_from_db()
    assert lina.current_crs > 1 and lina.eligible_for == ""


def test_deleting_a_client_removes_facts_and_portal_login(firm_a_consultant, firm_a):
    client = ClientFactory(firm=firm_a, with_login=True)
    LanguageResultFactory(client=client)
    login = client.user
    services.delete_client(client=client, by=firm_a_consultant)
    assert not Client.objects.exists() and not LanguageTestResult.objects.exists()
    assert not User.objects.filter(pk=login.pk).exists()


def _link(message) -> str:
    return re.search(r"http://testserver(/welcome/\S+)", message.body).group(1)


def test_invited_client_sets_a_password_once_and_signs_in(client, lina, firm_a_consultant):
    lina.email = "lina@example.com"
    lina.save()
    services.invite_client(client=lina, by=firm_a_consultant, site_url="http://testserver")
    link = _link(mail.outbox[0])
    form = client.get(link, follow=True)
    assert form.context["validlink"]
    password = {"new_password1": PASSWORD, "new_password2": PASSWORD}
    client.post(form.redirect_chain[-1][0], password)
    assert User.objects.get(username="lina@example.com").check_password(PASSWORD)
    assert not client.get(link, follow=True).context["validlink"]  # used links stop working


def test_client_without_email_cannot_be_invited(lina, firm_a_consultant):
    with pytest.raises(ValidationError):
        services.invite_client(client=lina, by=firm_a_consultant, site_url="http://testserver")


def test_firm_admin_invites_a_consultant_by_email(firm_a):
    admin = ConsultantFactory(membership__firm=firm_a, membership__is_firm_admin=True)
    membership = services.invite_consultant(
        firm=firm_a, by=admin, email="New@Example.com", first_name="N", last_name="C",
        site_url="http://testserver",
    )  # fmt: skip
    assert membership.user.username == "new@example.com"
    assert not membership.user.has_usable_password()
    assert mail.outbox[0].to == ["new@example.com"]


def test_consultant_who_is_not_an_admin_cannot_invite(firm_a, firm_a_consultant):
    with pytest.raises(PermissionDenied):
        services.invite_consultant(
            firm=firm_a, by=firm_a_consultant, email="x@example.com", first_name="X",
            last_name="Y", site_url="http://testserver",
        )  # fmt: skip


def test_removed_consultant_loses_the_seat_and_the_login(firm_a, firm_a_consultant):
    admin = ConsultantFactory(membership__firm=firm_a, membership__is_firm_admin=True)
    services.remove_consultant(membership=firm_a_consultant.membership, by=admin)
    firm_a_consultant.refresh_from_db()
    assert not firm_a_consultant.is_active
    assert not Membership.objects.filter(user=firm_a_consultant).exists()


def test_firm_admin_cannot_remove_themselves(firm_a):
    admin = ConsultantFactory(membership__firm=firm_a, membership__is_firm_admin=True)
    with pytest.raises(ValidationError):
        services.remove_consultant(membership=admin.membership, by=admin)


def test_client_updates_contact_details_when_allowed(firm_a_client):
    file = firm_a_client.client_file
    file.contact_updates_allowed = True
    file.save()
    services.update_contact_details(client=file, by=firm_a_client, data={"phone": "+1 555"})
    file.refresh_from_db()
    assert file.phone == "+1 555"
    assert file.history.latest().history_user == firm_a_client


def test_client_cannot_update_contact_details_unless_allowed(firm_a_client):
    with pytest.raises(PermissionDenied):
        services.update_contact_details(
            client=firm_a_client.client_file, by=firm_a_client, data={"phone": "1"}
        )


def test_firm_page_invites_and_removes_for_admins_only(client, firm_a, firm_a_consultant):
    client.force_login(firm_a_consultant)
    url = reverse("profiles:firm")
    assert client.get(url).status_code == 200
    data = {"email": "a@example.com", "first_name": "A", "last_name": "B"}
    assert client.post(url, data).status_code == 403
    other = ConsultantFactory(membership__firm=firm_a)
    remove = reverse("profiles:consultant_remove", args=[other.membership.public_id])
    assert client.post(remove).status_code == 403


def test_firm_admin_cannot_remove_another_firms_consultant(client, firm_a, firm_b_consultant):
    admin = ConsultantFactory(membership__firm=firm_a, membership__is_firm_admin=True)
    client.force_login(admin)
    remove = reverse("profiles:consultant_remove", args=[firm_b_consultant.membership.public_id])
    assert client.post(remove).status_code == 404


def test_invitation_link_expires(client, lina, firm_a_consultant, settings):
    lina.email = "lina@example.com"
    lina.save()
    services.invite_client(client=lina, by=firm_a_consultant, site_url="http://testserver")
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is now older than the timeout
    assert not client.get(_link(mail.outbox[0]), follow=True).context["validlink"]


def test_history_reads_each_audited_table_with_a_limit_in_sql(lina):
    with CaptureQueriesContext(connection) as queries:
        client_history(client=lina, limit=5)
    sql = [query["sql"] for query in queries.captured_queries]
    # the stage changes, the document events, the client and its three fact tables
    assert len(sql) == 6 and all("LIMIT 5" in statement for statement in sql)


def test_the_oldest_change_kept_is_diffed_against_the_record_before_it(lina, firm_a_consultant):
    for phone in ("1", "2", "3"):
        services.update_client(client=lina, by=firm_a_consultant, data={"phone": phone})
    *_, oldest_kept = client_history(client=lina, limit=2)
    assert oldest_kept.changes == [("phone", "1", "2")]
