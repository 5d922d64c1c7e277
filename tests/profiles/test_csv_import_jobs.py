"""CSV imports run as Celery jobs with a progress page (issue 14, defect 5)."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eeportal.celery import app
from profiles import tasks
from profiles.models import Client, ClientImport, KeyDate
from profiles.services import ImportRejected, import_clients_csv, import_jobs
from tests.factories import ClientFactory, ConsultantFactory
from tests.profiles.imports import import_through_page

pytestmark = pytest.mark.django_db
HEADER = "first_name,last_name,birth_date,email"


def upload(*lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("clients.csv", "\n".join([HEADER, *lines, ""]).encode())


def queued_job(consultant, *lines: str) -> ClientImport:
    return import_jobs.start_import(
        firm=consultant.membership.firm,
        by=consultant,
        upload=upload(*(lines or ("Ana,Lima,1990-01-01,",))),
        import_duplicates=False,
    )


def job_url(job: ClientImport) -> str:
    return reverse("profiles:client_import_job", args=[job.pk])


def test_a_valid_upload_becomes_a_queued_job_and_imports_nothing_yet(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.post(
        reverse("profiles:client_import"), {"file": upload("Ana,Lima,1990-01-01,")}
    )
    job = ClientImport.objects.get()
    assert response["Location"] == job_url(job)
    assert job.status == ClientImport.Status.QUEUED and job.file_name == "clients.csv"
    assert not Client.objects.exists()


def test_the_import_task_is_queued_once_the_upload_is_saved(
    firm_a_consultant, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(
        tasks.run_client_import, "apply_async", lambda args, **kw: sent.append(args)
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = queued_job(firm_a_consultant)
    assert sent == [[str(job.pk)]]


def test_an_unreachable_broker_fails_the_job_with_a_clear_message(
    firm_a_consultant, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(tasks.run_client_import, "apply_async", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        job = queued_job(firm_a_consultant)
    job.refresh_from_db()
    assert job.status == ClientImport.Status.FAILED
    assert "could not be queued" in job.problems[0]["message"]


def test_a_queued_job_page_polls_for_its_status(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(job_url(queued_job(firm_a_consultant))).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "Waiting for a worker" in page


def test_the_status_request_of_htmx_gets_only_the_status_block(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(job_url(queued_job(firm_a_consultant)), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert 'id="import-status"' in page and "<html" not in page


def test_a_running_job_shows_the_rows_read_so_far(client, firm_a_consultant):
    job = queued_job(firm_a_consultant)
    ClientImport.objects.filter(pk=job.pk).update(status=ClientImport.Status.RUNNING)
    cache.set(import_jobs.progress_key(job.pk), 1500)
    client.force_login(firm_a_consultant)
    assert "1500 rows read so far" in client.get(job_url(job)).content.decode()


def test_a_finished_job_page_stops_polling(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    _, page = import_through_page(client, upload("Ana,Lima,1990-01-01,"))
    assert "hx-trigger" not in page
    assert "1 client file imported." in page


def test_the_uploaded_bytes_are_cleared_once_the_job_ends(firm_a_consultant):
    job = queued_job(firm_a_consultant)
    import_jobs.run_import(job.pk)
    job.refresh_from_db()
    assert bytes(job.content) == b"" and job.finished_at is not None


def test_a_job_delivered_twice_imports_its_rows_once(firm_a_consultant):
    job = queued_job(firm_a_consultant)
    import_jobs.run_import(job.pk)
    assert import_jobs.run_import(job.pk) == ClientImport.Status.DONE
    assert Client.objects.count() == 1


def test_a_job_killed_midway_runs_again_from_the_start(firm_a_consultant):
    job = queued_job(firm_a_consultant)
    # What a worker killed before its transaction committed leaves behind.
    ClientImport.objects.filter(pk=job.pk).update(status=ClientImport.Status.RUNNING)
    assert import_jobs.run_import(job.pk) == ClientImport.Status.DONE
    assert Client.objects.count() == 1


def test_an_unexpected_error_fails_the_job_and_imports_nothing(firm_a_consultant, monkeypatch):
    from profiles.services import csv_import

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(csv_import, "files_opened", broken)
    job = queued_job(firm_a_consultant)
    with pytest.raises(RuntimeError):
        import_jobs.run_import(job.pk)
    job.refresh_from_db()
    assert job.status == ClientImport.Status.FAILED and bytes(job.content) == b""
    assert not Client.objects.exists()


def test_a_rejected_job_keeps_every_problem_with_its_line(firm_a_consultant):
    job = queued_job(firm_a_consultant, "Ana,Lima,soon,", ",Chen,1991-01-01,")
    assert import_jobs.run_import(job.pk) == ClientImport.Status.REJECTED
    job.refresh_from_db()
    assert [(p["line"], p["column"]) for p in job.problems] == [
        (2, "birth_date"),
        (3, "first_name"),
    ]


def test_another_firms_consultant_cannot_open_a_job(client, firm_a_consultant, firm_b_consultant):
    client.force_login(firm_b_consultant)
    assert client.get(job_url(queued_job(firm_a_consultant))).status_code == 404


def test_a_client_cannot_open_a_job(client, firm_a_consultant, firm_a_client):
    client.force_login(firm_a_client)
    assert client.get(job_url(queued_job(firm_a_consultant))).status_code == 404


def test_a_visitor_is_sent_to_sign_in_from_a_job(client, firm_a_consultant):
    response = client.get(job_url(queued_job(firm_a_consultant)))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_colleague_of_the_same_firm_opens_the_job(client, firm_a, firm_a_consultant):
    colleague = ConsultantFactory(membership__firm=firm_a)
    client.force_login(colleague)
    assert client.get(job_url(queued_job(firm_a_consultant))).status_code == 200


def test_the_import_page_lists_the_firms_recent_imports_only(
    client, firm_a_consultant, firm_b_consultant
):
    mine, theirs = queued_job(firm_a_consultant), queued_job(firm_b_consultant)
    client.force_login(firm_a_consultant)
    page = client.get(reverse("profiles:client_import")).content.decode()
    assert job_url(mine) in page and job_url(theirs) not in page


def test_the_job_page_takes_the_same_queries_for_one_or_twenty_skipped_rows(
    client, firm_a_consultant
):
    firm = firm_a_consultant.membership.firm
    counts = []
    for size in (1, 20):
        people = [ClientFactory(firm=firm, email=f"p{size}-{n}@example.com") for n in range(size)]
        lines = [f"A,B{n},1990-01-01,{p.email}" for n, p in enumerate(people)]
        job = queued_job(firm_a_consultant, *lines)
        import_jobs.run_import(job.pk)
        client.force_login(firm_a_consultant)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(job_url(job)).content.decode()
        assert f"{size} row" in page
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_old_import_jobs_are_forgotten_and_recent_ones_kept(firm_a_consultant, settings):
    settings.CLIENT_IMPORT_KEEP_DAYS = 30
    old, recent = queued_job(firm_a_consultant), queued_job(firm_a_consultant)
    ClientImport.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    assert tasks.forget_old_client_imports() == 1
    assert list(ClientImport.objects.values_list("pk", flat=True)) == [recent.pk]


def test_forgetting_old_imports_runs_every_night():
    entry = app.conf.beat_schedule["forget-old-client-imports"]
    assert entry["task"] == "profiles.tasks.forget_old_client_imports"


def test_a_line_that_is_not_utf8_is_reported_with_its_number(firm_a):
    body = (
        "\n".join([HEADER, *["Ana,Lima,1990-01-01,"] * 3000]).encode()
        + b"\nBo,\xff\xfe,1991-01-01,\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=None, file=io.BytesIO(body))
    problem = rejected.value.problems[0]
    assert problem.column == "file" and "UTF-8" in problem.message
    assert problem.line == 3002


def test_the_import_reports_progress_every_few_hundred_rows(firm_a):
    seen = []
    lines = [f"Ana,Lima{n},1990-01-01," for n in range(1200)]
    body = io.BytesIO("\n".join([HEADER, *lines, ""]).encode())
    import_clients_csv(firm=firm_a, by=None, file=body, progress=seen.append)
    assert seen == [500, 1000]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_imports_the_uploaded_file(client):
    from tests import factories
    from tests.workers import WorkerProcess, wait_for

    consultant = factories.ConsultantFactory(membership__firm=factories.FirmFactory())
    client.force_login(consultant)
    worker = WorkerProcess(name="imports")
    try:
        response = client.post(
            reverse("profiles:client_import"),
            {"file": upload("Ana,Lima,1990-01-01,", "Bo,Chen,1991-01-01,")},
        )
        job = ClientImport.objects.get()

        def finished() -> bool:
            job.refresh_from_db()
            return job.finished

        wait_for(finished, timeout=90, what="the worker to finish the import")
    finally:
        worker.stop()
    assert job.status == ClientImport.Status.DONE, worker.output()[-2000:]
    assert Client.objects.filter(firm=consultant.membership.firm).count() == 2
    assert "2 client files imported." in client.get(response["Location"]).content.decode()


def test_imported_files_get_the_key_dates_a_refresh_would_give_them(firm_a):
    from profiles.csv_format import template_csv
    from profiles.services.key_dates import refresh_key_dates_of

    created = import_clients_csv(firm=firm_a, by=None, file=io.BytesIO(template_csv().encode()))
    ids = [client.pk for client in created.created]
    assert KeyDate.objects.filter(client_id__in=ids).exists()
    assert refresh_key_dates_of(clients=ids) == 0  # nothing left to change
