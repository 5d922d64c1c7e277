"""The access log (issue 14): one line per read of a client file by the firm's people, none for
the client's own portal, and the firm administrator's page of them (three actors, filters,
a fixed number of queries), read-only in the admin."""

import datetime

import pytest
from django.contrib.admin.sites import site
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone

from profiles.documents import services as documents
from profiles.models import FileAccess
from profiles.services import delete_client, record_access
from tests import factories
from tests.dates import assert_one_date_format
from tests.profiles.documents.conftest import pdf

pytestmark = pytest.mark.django_db

Action = FileAccess.Action
TORONTO = datetime.timezone(datetime.timedelta(hours=-5))


@pytest.fixture
def documents_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents"), "base_url": None},
        },
    }
    return storages["documents"]


@pytest.fixture
def file_a(firm_a_client):
    """Firm A's client file, with its client's portal login."""
    return firm_a_client.client_file


@pytest.fixture
def stored_document(documents_storage, file_a, firm_a_client):
    item = factories.DocumentItemFactory(client=file_a)
    return documents.upload(item=item, files=[pdf()], by=firm_a_client)[0]


@pytest.fixture
def firm_b_admin(firm_b):
    return factories.ConsultantFactory(membership__firm=firm_b, membership__is_firm_admin=True)


def _line_at(*, user, action=Action.VIEWED, client=None, at=None) -> FileAccess:
    line = record_access(by=user, action=action, client=client)
    if at is not None:
        FileAccess.objects.filter(pk=line.pk).update(at=at)
    return line


def _page(client, user, **query):
    client.force_login(user)
    return client.get(reverse("profiles:access_log"), query)


# --- what writes a line ----------------------------------------------------------------------


def test_opening_a_client_page_writes_one_viewed_line(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    client.get(reverse("profiles:client_detail", args=[file_a.public_id]))
    line = FileAccess.objects.get()
    assert (line.action, line.client, line.user) == (Action.VIEWED, file_a, firm_a_consultant)
    assert line.firm == file_a.firm


@pytest.mark.parametrize("name", ["profiles:client_export", "profiles:client_export_json"])
def test_exporting_a_file_writes_one_exported_file_line(client, firm_a_consultant, file_a, name):
    client.force_login(firm_a_consultant)
    assert client.get(reverse(name, args=[file_a.public_id])).status_code == 200
    line = FileAccess.objects.get()
    assert (line.action, line.client) == (Action.EXPORTED_FILE, file_a)


def test_exporting_the_client_list_writes_one_line_without_a_client(
    client, firm_a_consultant, file_a
):
    factories.ClientFactory(firm=file_a.firm)
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:client_export"))
    b"".join(response.streaming_content)
    line = FileAccess.objects.get()
    assert (line.action, line.client, line.client_ref) == (Action.EXPORTED_LIST, None, "")
    assert line.firm == firm_a_consultant.membership.firm


def test_downloading_a_document_writes_one_line(client, firm_a_consultant, stored_document):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:document_download", args=[stored_document.public_id]))
    assert response.status_code == 200
    line = FileAccess.objects.get()
    assert (line.action, line.client) == (Action.DOWNLOADED_DOCUMENT, stored_document.client)


def test_reading_a_file_through_the_api_writes_one_line(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    assert client.get(reverse("api-client-detail", args=[file_a.public_id])).status_code == 200
    line = FileAccess.objects.get()
    assert (line.action, line.client) == (Action.API_VIEWED, file_a)


def test_listing_files_through_the_api_writes_no_line(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    client.get(reverse("api-client-list"))
    assert not FileAccess.objects.exists()


def test_the_clients_own_portal_writes_no_line(client, firm_a_client, stored_document):
    client.force_login(firm_a_client)
    for name in ("portal", "portal_export", "portal_export_json", "portal_documents"):
        assert client.get(reverse(f"profiles:{name}")).status_code == 200, name
    client.get(reverse("profiles:document_download", args=[stored_document.public_id]))
    client.get(reverse("api-me"))
    assert not FileAccess.objects.exists()


def test_another_firms_consultant_is_refused_and_leaves_no_line(client, firm_b_consultant, file_a):
    client.force_login(firm_b_consultant)
    response = client.get(reverse("profiles:client_detail", args=[file_a.public_id]))
    assert response.status_code == 404
    assert not FileAccess.objects.exists()


def test_a_line_keeps_the_files_reference_but_no_personal_data_after_erasure(
    firm_a_consultant, file_a
):
    record_access(by=firm_a_consultant, action=Action.VIEWED, client=file_a)
    public_id, name, email = str(file_a.public_id), file_a.last_name, file_a.email
    delete_client(client=file_a, by=firm_a_consultant)
    line = FileAccess.objects.get()
    assert (line.client, line.client_ref) == (None, public_id)
    kept = " ".join(str(value) for value in vars(line).values())
    assert name not in kept and email not in kept and firm_a_consultant.email not in kept


# --- the firm administrator's page -----------------------------------------------------------


def test_the_firm_administrator_sees_their_firms_lines_only(
    client, firm_a_admin, firm_a_consultant, firm_b_consultant, file_a
):
    other = factories.ClientFactory(firm=firm_b_consultant.membership.firm, last_name="Otherfirm")
    _line_at(user=firm_a_consultant, client=file_a)
    _line_at(user=firm_b_consultant, client=other)
    page = _page(client, firm_a_admin)
    assert page.status_code == 200
    assert [line.client for line in page.context["page"]] == [file_a]
    assert "Otherfirm" not in page.content.decode()


def test_a_consultant_who_is_not_administrator_gets_403(client, firm_a_consultant):
    assert _page(client, firm_a_consultant).status_code == 403


def test_a_client_gets_404(client, firm_a_client):
    assert _page(client, firm_a_client).status_code == 404


def test_another_firms_administrator_sees_none_of_firm_a_lines(
    client, firm_b_admin, firm_a_consultant, file_a
):
    _line_at(user=firm_a_consultant, client=file_a)
    page = _page(client, firm_b_admin)
    assert page.status_code == 200
    assert list(page.context["page"]) == []
    assert str(file_a.public_id) not in page.content.decode()


def test_the_firm_page_links_the_administrator_to_the_access_log(client, firm_a_admin):
    client.force_login(firm_a_admin)
    page = client.get(reverse("profiles:firm")).content.decode()
    assert reverse("profiles:access_log") in page


def test_the_firm_page_shows_no_access_log_link_to_a_consultant(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(reverse("profiles:firm")).content.decode()
    assert reverse("profiles:access_log") not in page


def test_the_filter_by_action_keeps_only_that_action(
    client, firm_a_admin, firm_a_consultant, file_a
):
    _line_at(user=firm_a_consultant, client=file_a)
    exported = _line_at(user=firm_a_consultant, action=Action.EXPORTED_LIST)
    page = _page(client, firm_a_admin, action="exported_list")
    assert list(page.context["page"]) == [exported]


def test_the_filter_by_consultant_keeps_only_their_lines(
    client, firm_a_admin, firm_a_consultant, file_a
):
    mine = _line_at(user=firm_a_admin, client=file_a)
    _line_at(user=firm_a_consultant, client=file_a)
    page = _page(client, firm_a_admin, consultant=firm_a_admin.pk)
    assert list(page.context["page"]) == [mine]


def test_the_consultant_filter_offers_no_other_firms_people(
    client, firm_a_admin, firm_b_consultant
):
    page = _page(client, firm_a_admin, consultant=firm_b_consultant.pk)
    assert "consultant" in page.context["filter"].form.errors


def test_the_date_range_keeps_the_lines_of_those_days_in_toronto(
    client, firm_a_admin, firm_a_consultant, file_a
):
    # 23:30 in Toronto on 2026-11-30 is 04:30 UTC on 2026-12-01: the page's day is Toronto's.
    late = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=TORONTO)
    inside = _line_at(user=firm_a_consultant, client=file_a, at=late)
    _line_at(user=firm_a_consultant, client=file_a, at=late + datetime.timedelta(days=1))
    _line_at(user=firm_a_consultant, client=file_a, at=late - datetime.timedelta(days=2))
    page = _page(client, firm_a_admin, since="2026-11-29", until="2026-11-30")
    assert list(page.context["page"]) == [inside]


def test_a_bad_date_is_a_field_error(client, firm_a_admin, firm_a_consultant, file_a):
    _line_at(user=firm_a_consultant, client=file_a)
    page = _page(client, firm_a_admin, since="2026-13-45")
    assert page.status_code == 200
    assert "since" in page.context["filter"].form.errors
    assert len(page.context["page"]) == 1  # the bad filter is left out, the page still works


def test_a_range_that_ends_before_it_starts_is_a_field_error(client, firm_a_admin):
    page = _page(client, firm_a_admin, since="2026-12-02", until="2026-12-01")
    assert "until" in page.context["filter"].form.errors


def test_the_page_shows_dates_as_yyyy_mm_dd_and_times_with_their_zone(
    client, firm_a_admin, firm_a_consultant, file_a
):
    _line_at(user=firm_a_consultant, client=file_a)
    page = _page(client, firm_a_admin).content.decode()
    assert timezone.localdate().isoformat() in page
    assert_one_date_format(page)


def test_an_erased_file_shows_as_its_reference(client, firm_a_admin, firm_a_consultant, file_a):
    _line_at(user=firm_a_consultant, client=file_a)
    public_id, name = str(file_a.public_id), file_a.last_name
    delete_client(client=file_a, by=firm_a_admin)
    page = _page(client, firm_a_admin).content.decode()
    assert public_id in page and name not in page


@pytest.mark.parametrize("lines", [1, 20])
def test_the_page_reads_the_same_number_of_queries_for_1_line_as_for_20(
    client, django_assert_num_queries, firm_a_admin, firm_a_consultant, file_a, lines
):
    for number in range(lines):
        user = factories.ConsultantFactory(membership__firm=file_a.firm)
        record_access(by=user, action=Action.VIEWED, client=file_a)
        if number % 2:
            record_access(by=firm_a_consultant, action=Action.EXPORTED_LIST)
    client.force_login(firm_a_admin)
    url = reverse("profiles:access_log")
    # user (the session comes from Redis), membership and client file (roles), firm, count, the
    # consultant filter's choices, the page of lines with their users and files
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


# --- the Django admin ------------------------------------------------------------------------


def test_staff_read_the_access_log_in_the_admin(client, staff_user, firm_a_consultant, file_a):
    record_access(by=firm_a_consultant, action=Action.VIEWED, client=file_a)
    client.force_login(staff_user)
    response = client.get(reverse("admin:profiles_fileaccess_changelist"))
    assert response.status_code == 200 and str(file_a.public_id) in response.content.decode()


def test_the_admin_cannot_add_change_or_delete_a_line(rf, staff_user):
    request = rf.get("/")
    request.user = staff_user
    model_admin = site._registry[FileAccess]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_the_admin_add_page_is_refused(client, staff_user):
    client.force_login(staff_user)
    assert client.get(reverse("admin:profiles_fileaccess_add")).status_code == 403


def test_a_line_posted_to_in_the_admin_stays_as_it_was(
    client, staff_user, firm_a_consultant, file_a
):
    line = record_access(by=firm_a_consultant, action=Action.VIEWED, client=file_a)
    client.force_login(staff_user)
    url = reverse("admin:profiles_fileaccess_change", args=[line.pk])
    response = client.post(url, {"action": "exported_list", "client_ref": ""})
    assert response.status_code == 403
    line.refresh_from_db()
    assert (line.action, line.client_ref) == (Action.VIEWED, str(file_a.public_id))
