"""CSV import (all or nothing, every problem with its line and column) and export."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from profiles.csv_export import export_csv
from profiles.csv_format import COLUMNS, documentation, template_csv
from profiles.models import Client, LanguageTestResult, WorkPeriod
from profiles.services import (
    CLIENT_FIELDS,
    FACT_FIELDS,
    ImportRejected,
    import_clients_csv,
    refresh_scores,
)
from tests.factories import (
    ClientFactory,
    CredentialFactory,
    LanguageResultFactory,
    WorkPeriodFactory,
)
from tests.profiles.imports import import_through_page

pytestmark = pytest.mark.django_db

GOOD = {
    "first_name": "Amara",
    "last_name": "Okafor",
    "birth_date": "1996-04-12",
    "language1_test": "ielts",
    "language1_listening": "8.5",
    "language1_reading": "8",
    "language1_writing": "7",
    "language1_speaking": "7.5",
    "language1_test_date": "2026-01-20",
    "work1_noc": "21232",
    "work1_start": "2020-01-06",
    "work1_hours_per_week": "40",
    "work1_in_canada": "no",
}


def _csv(*rows: dict, header: list[str] | None = None) -> io.BytesIO:
    header = header or COLUMNS
    lines = [",".join(header)]
    lines += [",".join(row.get(column, "") for column in header) for row in rows]
    return io.BytesIO(("\n".join(lines) + "\n").encode())


def _problems(firm, *rows: dict, **kwargs) -> list[tuple[int, str]]:
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm, by=None, file=_csv(*rows, **kwargs))
    assert not Client.objects.exists()  # all or nothing
    return [(problem.line, problem.column) for problem in rejected.value.problems]


def test_the_template_imports_as_two_scored_clients_with_their_facts(firm_a, firm_a_consultant):
    created = import_clients_csv(
        firm=firm_a, by=firm_a_consultant, file=io.BytesIO(template_csv().encode())
    ).created
    assert [c.last_name for c in created] == ["Okafor", "Bergeron"]
    bergeron = Client.objects.get(last_name="Bergeron")
    assert bergeron.current_crs > 600  # nominated (§5: 600 points)
    assert bergeron.crs_computed_on is not None
    assert bergeron.language_results.count() == 2
    assert bergeron.credentials.filter(person="spouse").count() == 1
    assert WorkPeriod.objects.get(client=bergeron).teer == 1  # from the NOC code
    history = bergeron.history.get()
    assert (history.history_type, history.history_user) == ("+", firm_a_consultant)


def test_import_accepts_a_byte_order_mark_and_yes_no_words(firm_a):
    data = b"\xef\xbb\xbf" + _csv({**GOOD, "sibling_in_canada": "Yes"}).getvalue()
    (client,) = import_clients_csv(firm=firm_a, by=None, file=io.BytesIO(data)).created
    assert client.sibling_in_canada


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"first_name": ""}, "first_name"),
        ({"birth_date": "12/04/1996"}, "birth_date"),
        ({"birth_date": "2099-01-01"}, "birth_date"),
        ({"marital_status": "engaged"}, "marital_status"),
        ({"sibling_in_canada": "maybe"}, "sibling_in_canada"),
        ({"language1_listening": "lots"}, "language1_listening"),
        ({"language1_listening": "9.5"}, "language1_listening"),  # IELTS tops out at 9
        ({"language1_test_date": ""}, "language1_test_date"),
        ({"language1_test": "toefl"}, "language1_test"),
        ({"work1_noc": "99999"}, "work1_noc"),
        ({"work1_end": "2019-01-01"}, "work1_end"),
        ({"work1_hours_per_week": "0"}, "work1_hours_per_week"),
        ({"nominated_on": "2026-01-01"}, "nomination_province"),
        ({"nomination_province": "QC", "nominated_on": "2026-01-01"}, "nomination_province"),
        ({"profile_submitted_at": "yesterday"}, "profile_submitted_at"),
        ({"spouse_education_level": "bachelors"}, "spouse_education_level"),
        ({"education1_level": "masters", "education1_in_canada": "yes",
          "education1_eca_date": "2025-01-01"}, "education1_eca_date"),
    ],
)  # fmt: skip
def test_each_kind_of_bad_cell_is_reported_with_its_line_and_column(firm_a, change, column):
    assert (3, column) in _problems(firm_a, GOOD, {**GOOD, **change})


def test_every_bad_row_is_reported_and_nothing_is_imported(firm_a):
    problems = _problems(
        firm_a, {**GOOD, "birth_date": "x"}, GOOD, {**GOOD, "work1_noc": "1", "last_name": ""}
    )
    assert problems == [(2, "birth_date"), (4, "last_name"), (4, "work1_noc")]


def test_unknown_duplicate_and_missing_columns_are_reported_on_line_one(firm_a):
    header = ["first_name", "last_name", "favourite_colour", "first_name"]
    assert _problems(firm_a, {}, header=header) == [
        (1, "favourite_colour"),
        (1, "first_name"),
        (1, "birth_date"),
    ]


def test_a_row_with_more_cells_than_the_header_is_reported(firm_a):
    data = io.BytesIO(b"first_name,last_name,birth_date\nA,B,1990-01-01,extra\n")
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=data)
    assert [(p.line, p.column) for p in rejected.value.problems] == [(2, "row")]


@pytest.mark.parametrize(
    ("content", "column"),
    [(b"", "file"), (b"first_name,last_name,birth_date\n", "file"), (b"\xff\xfe\x00", "file")],
)
def test_empty_and_undecodable_files_are_rejected(firm_a, content, column):
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=io.BytesIO(content))
    assert rejected.value.problems[0].column == column


def test_exported_file_imports_again_with_the_same_scores(firm_a, firm_b):
    import_clients_csv(firm=firm_a, by=None, file=io.BytesIO(template_csv().encode()))
    exported = "".join(export_csv(Client.objects.filter(firm=firm_a)))
    again = import_clients_csv(firm=firm_b, by=None, file=io.BytesIO(exported.encode())).created
    scores = dict(Client.objects.filter(firm=firm_a).values_list("last_name", "current_crs"))
    assert {c.last_name: c.current_crs for c in again} == scores
    assert LanguageTestResult.objects.filter(client__firm=firm_b).count() == 3


def test_import_page_lists_the_problems(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    upload = _csv({**GOOD, "birth_date": "soon"})
    upload.name = "clients.csv"
    job, page = import_through_page(client, upload)
    assert job.problems[0]["column"] == "birth_date"
    assert "nothing was imported" in page


def test_import_page_imports_into_the_consultants_firm(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    upload = _csv(GOOD)
    upload.name = "clients.csv"
    import_through_page(client, upload)
    assert Client.objects.get().firm == firm_a_consultant.membership.firm


def test_template_download_is_a_csv_with_the_documented_header(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:import_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[0].split(",") == COLUMNS


def test_export_carries_the_current_crs(client, firm_a_consultant):
    import_clients_csv(
        firm=firm_a_consultant.membership.firm, by=None, file=io.BytesIO(template_csv().encode())
    )
    client.force_login(firm_a_consultant)
    body = b"".join(client.get(reverse("profiles:client_export")).streaming_content).decode()
    header, *rows = body.lstrip("\ufeff").splitlines()
    assert header.split(",")[:3] == ["public_id", "current_crs", "crs_computed_on"]
    assert {row.split(",")[1] for row in rows} == {
        str(c) for c in Client.objects.values_list("current_crs", flat=True)
    }
    assert date.today().isoformat()[:4] in rows[0]


@pytest.fixture
def full_file(firm_a):
    """A married client with 3 results, 3 credentials, 4 jobs and spouse facts, address and
    contact rights: more of everything than the template's column groups hold."""
    file = ClientFactory(
        firm=firm_a, marital_status="married", spouse_name="Maya", address="1 Rue Main\nOttawa",
        contact_updates_allowed=True,
        profile_submitted_at=datetime(2026, 3, 2, 15, 15, 7, 250000, tzinfo=UTC),
    )  # fmt: skip
    for level, in_canada, eca in (("masters", False, date(2023, 1, 5)),
                                  ("bachelors", False, date(2022, 6, 1)),
                                  ("two_year", True, None)):  # fmt: skip
        CredentialFactory(client=file, level=level, in_canada=in_canada, eca_date=eca,
                          institution="Université Laval")  # fmt: skip
    LanguageResultFactory(client=file, test_date=date(2026, 5, 1))
    LanguageResultFactory(client=file, test="tef", listening=560, reading=540, writing=500,
                          speaking=520, test_date=date(2025, 12, 1))  # fmt: skip
    LanguageResultFactory(client=file, test="ielts", listening=8, reading=7, writing=7,
                          speaking=7, test_date=date(2025, 1, 20))  # fmt: skip
    for start in (date(2016, 1, 4), date(2018, 1, 8), date(2020, 3, 2)):
        WorkPeriodFactory(client=file, start=start, end=start + timedelta(days=600),
                          in_canada=False, employer="Acme")  # fmt: skip
    WorkPeriodFactory(client=file, start=date(2023, 2, 1), self_employed=True)
    CredentialFactory(client=file, person="spouse", level="bachelors", in_canada=True)
    CredentialFactory(client=file, person="spouse", level="masters", in_canada=True)
    LanguageResultFactory(client=file, person="spouse")
    WorkPeriodFactory(client=file, person="spouse", start=date(2024, 1, 1))
    WorkPeriodFactory(client=file, person="spouse", start=date(2019, 1, 1), end=date(2021, 1, 1))
    refresh_scores(clients=[file.pk])
    return file


def _facts(file) -> dict:
    return {
        model: sorted(
            tuple(str(value) for value in row)
            for row in model.objects.filter(client=file).values_list(*FACT_FIELDS[model])
        )
        for model in FACT_FIELDS
    }


def test_export_then_import_keeps_every_fact_and_the_score(firm_a, firm_b, full_file):
    exported = "".join(export_csv(Client.objects.filter(pk=full_file.pk)))
    (copy,) = import_clients_csv(firm=firm_b, by=None, file=io.BytesIO(exported.encode())).created
    full_file.refresh_from_db()
    assert _facts(copy) == _facts(full_file)
    for name in CLIENT_FIELDS:
        assert getattr(copy, name) == getattr(full_file, name), name
    assert copy.current_crs == full_file.current_crs


def test_import_accepts_numbered_groups_beyond_the_template(firm_a):
    extra = {f"work4_{k[6:]}": v for k, v in GOOD.items() if k.startswith("work1_")}
    header = [*COLUMNS, *extra]
    (client,) = import_clients_csv(
        firm=firm_a, by=None, file=_csv({**GOOD, **extra}, header=header)
    ).created
    assert client.work_periods.count() == 2


def test_the_column_guide_documents_every_template_column():
    assert [row["column"] for row in documentation()] == COLUMNS


def test_the_template_has_a_column_for_every_client_field_the_forms_take():
    assert set(CLIENT_FIELDS) <= set(COLUMNS)


def test_a_cell_over_the_csv_field_limit_is_a_problem_not_a_crash(firm_a):
    data = _csv({**GOOD, "spouse_name": "x" * 200_000})
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=data)
    assert [p.line for p in rejected.value.problems] == [2]


def test_a_nul_character_in_a_cell_is_a_problem_on_its_column(firm_a):
    assert _problems(firm_a, {**GOOD, "last_name": "Oka\x00for"}) == [(2, "last_name")]
