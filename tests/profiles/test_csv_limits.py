"""CSV imports have a size cap and a line cap, blank lines included (issue 14, defect 5)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from profiles.csv_format import COLUMNS
from profiles.models import Client
from profiles.services import ImportRejected, import_clients_csv
from profiles.services.csv_import import MAX_LINES
from tests.profiles.test_csv import GOOD

pytestmark = pytest.mark.django_db


def _row() -> str:
    return ",".join(GOOD.get(column, "") for column in COLUMNS)


def test_a_file_over_the_size_cap_is_a_field_error_and_imports_nothing(
    client, firm_a_consultant, settings
):
    settings.CSV_IMPORT_MAX_BYTES = 2_000_000
    body = (",".join(COLUMNS) + "\n" + _row() + "\n" + "\n" * 2_100_000).encode()
    client.force_login(firm_a_consultant)
    response = client.post(
        reverse("profiles:client_import"), {"file": SimpleUploadedFile("big.csv", body)}
    )
    assert response.status_code == 200
    assert "Import at most 2 MB a file" in str(response.context["form"].errors["file"])
    assert not Client.objects.exists()


def test_the_service_refuses_a_file_over_the_size_cap_whoever_calls_it(firm_a, settings):
    settings.CSV_IMPORT_MAX_BYTES = 1_000
    file = io.BytesIO((",".join(COLUMNS) + "\n" + _row() + "\n" * 2_000).encode())
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=file)
    assert rejected.value.problems[0].column == "file"


def test_blank_lines_count_towards_the_line_cap(firm_a):
    body = ",".join(COLUMNS) + "\n" + "\n" * MAX_LINES + _row() + "\n"
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=io.BytesIO(body.encode()))
    problem = rejected.value.problems[0]
    assert (problem.line, problem.column) == (MAX_LINES + 1, "file")
    assert not Client.objects.exists()
