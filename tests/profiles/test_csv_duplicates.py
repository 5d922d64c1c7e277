"""CSV rows that may duplicate a file of the firm, or an earlier row, are skipped and named,
unless the import is told to import duplicates; the other rows are imported."""

import datetime as dt
import io

import pytest

from profiles.models import Client
from profiles.services import ImportRejected, import_clients_csv
from tests.factories import ClientFactory
from tests.profiles.imports import import_through_page

pytestmark = pytest.mark.django_db
HEADER = "first_name,last_name,birth_date,email"


def csv_file(*lines: str) -> io.BytesIO:
    upload = io.BytesIO("\n".join([HEADER, *lines, ""]).encode())
    upload.name = "clients.csv"
    return upload


@pytest.fixture
def garcia(firm_a):
    return ClientFactory(firm=firm_a, first_name="Chloé", last_name="Garcia",
                         birth_date=dt.date(1994, 3, 2), email="chloe@example.com")  # fmt: skip


def test_a_row_with_the_email_of_a_firm_file_is_skipped_and_names_that_file(firm_a, garcia):
    result = import_clients_csv(firm=firm_a, by=None, file=csv_file(
        "Ana,Lima,1990-01-01,ana@example.com", "Chloe,G.,1994-03-02,Chloe@Example.com",
    ))  # fmt: skip
    assert [c.last_name for c in result.created] == ["Lima"]
    [skipped] = result.skipped
    assert (skipped.line, skipped.name, skipped.matches[0].client) == (3, "G., Chloe", garcia)
    assert skipped.reason == "It has the same e-mail as Garcia, Chloé."


def test_a_row_with_the_name_and_birth_date_of_a_firm_file_is_skipped(firm_a, garcia):
    result = import_clients_csv(firm=firm_a, by=None, file=csv_file("CHLOE,garcia,1994-03-02,"))
    assert result.created == [] and result.skipped[0].matches[0].on == "name and birth date"
    assert Client.objects.count() == 1


def test_a_row_repeating_an_earlier_row_of_the_file_is_skipped(firm_a):
    result = import_clients_csv(firm=firm_a, by=None, file=csv_file(
        "Ana,Lima,1990-01-01,ana@example.com", "Ana,Lima,1990-01-01,",
    ))  # fmt: skip
    assert len(result.created) == 1
    assert (result.skipped[0].line, result.skipped[0].same_as_line) == (3, 2)


def test_told_to_import_duplicates_the_import_keeps_every_row(firm_a, garcia):
    result = import_clients_csv(
        firm=firm_a, by=None, file=csv_file("Chloé,Garcia,1994-03-02,"), import_duplicates=True
    )
    assert len(result.created) == 1 and result.skipped == []


def test_another_firms_files_do_not_make_a_row_a_duplicate(firm_b, garcia):
    result = import_clients_csv(firm=firm_b, by=None, file=csv_file("Chloé,Garcia,1994-03-02,"))
    assert len(result.created) == 1 and result.skipped == []


def test_a_bad_cell_still_rejects_the_whole_file_duplicates_or_not(firm_a, garcia):
    with pytest.raises(ImportRejected):
        import_clients_csv(firm=firm_a, by=None, file=csv_file(
            "Chloé,Garcia,1994-03-02,", "Ana,Lima,soon,",
        ))  # fmt: skip
    assert Client.objects.count() == 1


def test_the_import_page_lists_the_skipped_rows_with_a_link_to_each_file(
    client, firm_a_consultant, garcia
):
    client.force_login(firm_a_consultant)
    upload = csv_file("Ana,Lima,1990-01-01,", "Chloé,Garcia,1994-03-02,")
    _, page = import_through_page(client, upload)
    assert "1 client file imported; 1 row skipped as possible duplicates" in page
    assert f'href="{garcia.get_absolute_url()}"' in page and "<td>3</td>" in page


def test_the_import_page_imports_duplicates_when_the_box_is_ticked(
    client, firm_a_consultant, garcia
):
    client.force_login(firm_a_consultant)
    upload = csv_file("Chloé,Garcia,1994-03-02,")
    import_through_page(client, upload, import_duplicates="on")
    assert Client.objects.filter(last_name="Garcia").count() == 2


def test_one_imported_file_is_announced_in_the_singular(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    _, page = import_through_page(client, csv_file("Ana,Lima,1990-01-01,"))
    assert "1 client file imported." in page


def test_two_imported_files_are_announced_in_the_plural(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    _, page = import_through_page(client, csv_file("Ana,Lima,1990-01-01,", "Bo,Chen,1991-01-01,"))
    assert "2 client files imported." in page


def test_one_problem_is_announced_in_the_singular(firm_a):
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=csv_file("Ana,Lima,soon,"))
    assert rejected.value.message == "1 problem found; nothing was imported."


def test_several_problems_are_announced_in_the_plural(firm_a):
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=csv_file("Ana,Lima,soon,", ",Chen,soon,"))
    assert rejected.value.message.startswith("3 problems found")
