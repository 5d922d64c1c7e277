"""CSV import benchmark: a 20,000-row file through the page and then the worker's job.

    .venv/bin/python bench/csv_import.py [--rows 20000]

It uses its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_import_bench, created and migrated if missing). The
file repeats the template's two rows (every fact group filled) with new names, so each row is a
scored client with its facts. It prints the upload request's time (what the consultant waits
for), the job's time (what the worker does: parse, check, score, write) and the job's peak
Python memory (``tracemalloc``), and the file's size.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_import_bench"
)
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    DEBUG="false",
    SECRET_KEY="bench-only-secret-key-" + "x7#Kq2!mW9" * 4,
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="false",
    REDIS_URL="",  # no broker: the job is run below, in this process, and timed on its own
    DJANGO_SETTINGS_MODULE="eeportal.settings",
)


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)


def big_file(rows: int) -> bytes:
    from profiles.csv_format import template_csv

    reader = list(csv.reader(io.StringIO(template_csv())))
    header, examples = reader[0], reader[1:]
    first, last, email = (
        header.index("first_name"),
        header.index("last_name"),
        header.index("email"),
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for n in range(rows):
        row = list(examples[n % len(examples)])
        row[first], row[last], row[email] = f"Bench{n}", f"Row{n}", f"row{n}@example.com"
        writer.writerow(row)
    return out.getvalue().encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    rows = parser.parse_args().rows
    ensure_database()
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client as Browser
    from django.urls import reverse

    from profiles.models import ClientImport, Firm, Membership
    from profiles.services import import_jobs

    with connection.cursor() as cursor:  # start from nothing, fast
        cursor.execute("TRUNCATE profiles_client, profiles_clientimport CASCADE")
    User.objects.filter(username="bench-import").delete()
    firm, _ = Firm.objects.get_or_create(name="Import bench firm")
    consultant = User.objects.create(username="bench-import")
    Membership.objects.create(user=consultant, firm=firm)
    body = big_file(rows)

    browser = Browser()
    browser.force_login(consultant)
    # Queued on commit: with no broker configured the task would run eagerly inside the
    # request, so the bench takes the job out of the queue and times it by itself.
    import profiles.services.import_jobs as jobs_module

    jobs_module._queue = lambda job: None
    started = time.perf_counter()
    response = browser.post(
        reverse("profiles:client_import"), {"file": SimpleUploadedFile("bench.csv", body)}
    )
    upload = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    job = ClientImport.objects.get()

    tracemalloc.start()
    started = time.perf_counter()
    status = import_jobs.run_import(job.pk)
    work = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    job.refresh_from_db()
    print(f"file: {rows:,} rows, {len(body) / 1e6:.1f} MB")
    print(f"upload request: {upload * 1000:.0f} ms (the consultant then sees the progress page)")
    print(f"job: {work:.1f} s, {status}, {job.created_count:,} files created")
    print(f"job peak Python memory: {peak / 2**20:.0f} MiB (tracemalloc)")


if __name__ == "__main__":
    main()
