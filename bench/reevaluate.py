"""Re-evaluation benchmark: N clients re-scored against one draw by two real Celery workers.

    .venv/bin/python bench/reevaluate.py 100000          # the issue's target: <= 20 s
    .venv/bin/python bench/reevaluate.py 10000 --naive 2000

It uses its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_bench, created and migrated if missing) and Redis db 8,
seeds N synthetic clients with ``seed_clients`` (reused when the count already matches), records
a CEC draw through ``record_draw`` and times the run until it is done with two worker processes
(``celery worker --concurrency 1`` each). In the same run it measures:

- the floor: reading the same client rows (the four queries of ``facts_for``, streamed) and
  writing N standing rows with COPY, with no scoring at all;
- the peak memory of each worker (VmHWM), which should not grow with N: chunks are streamed;
- a naive baseline on ``--naive`` clients: per client, its facts loaded alone and one ORM
  ``update_or_create`` (the obvious code this pipeline replaces).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
# DEBUG off: with it on, Django keeps every query in memory and the figures measure that.
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    REDIS_URL=REDIS_URL,
    DEBUG="false",
    SECRET_KEY="bench-only-secret-key-" + "x7#Kq2!mW9" * 4,
    ALLOWED_HOSTS="localhost",
    DJANGO_SETTINGS_MODULE="eeportal.settings",
)


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def start_workers(count: int) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "eeportal",
                "worker",
                "-Q",
                "celery,reevaluate",
                "--concurrency",
                "1",
                "-n",
                f"bench{i}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for i in range(count)
    ]


def peak_rss_mib(workers: list[subprocess.Popen]) -> list[float]:
    """Peak resident memory (VmHWM) of each worker's pool child, the process doing the work."""
    peaks = []
    for worker in workers:
        children = Path(f"/proc/{worker.pid}/task/{worker.pid}/children").read_text().split()
        for pid in children or [str(worker.pid)]:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
    return peaks


def stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=30)


def timed_run(n: int) -> tuple[float, list[float]]:
    from django.db import connection

    from draws.models import Draw, DrawCategory, ReevaluationRun, Standing
    from draws.services import record_draw

    Draw.objects.filter(number="9999").delete()
    workers = start_workers(2)
    time.sleep(3)  # let both workers connect before the clock starts
    started = time.perf_counter()
    run = record_draw(
        number="9999", held_on=dt.date(2026, 11, 2), category=DrawCategory.objects.get(key="cec"),
        invitations=3000, cutoff=500, tie_break_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
        by=None, source=Draw.Source.ADMIN,
    ).run  # fmt: skip
    while ReevaluationRun.objects.filter(pk=run.pk, state="done").count() == 0:
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    peaks = peak_rss_mib(workers)
    stop(workers)
    rows = Standing.objects.filter(draw__number="9999").count()
    assert rows == n, f"{rows} standings for {n} clients"
    connection.close()
    return elapsed, peaks


def floor(n: int) -> float:
    """Read the same rows as the chunks do, write N rows with COPY, score nothing."""
    from django.db import connection, transaction

    from draws.models import Draw
    from profiles.candidates.loader import (
        CLIENT_COLUMNS,
        CREDENTIAL_COLUMNS,
        PERIOD_COLUMNS,
        RESULT_COLUMNS,
    )
    from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod

    draw = Draw.objects.get(number="9999")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        ids = []
        for model, columns in ((EducationCredential, CREDENTIAL_COLUMNS),
                               (LanguageTestResult, RESULT_COLUMNS), (WorkPeriod, PERIOD_COLUMNS),
                               (Client, CLIENT_COLUMNS)):  # fmt: skip
            for row in model.objects.order_by().values_list(*columns).iterator(chunk_size=5000):
                if model is Client:
                    ids.append(row[0])
        cursor.execute(
            "CREATE TEMPORARY TABLE floor_standing (LIKE draws_standing INCLUDING DEFAULTS)"
            " ON COMMIT DROP"
        )
        now = dt.datetime.now(dt.UTC)
        with cursor.copy(
            "COPY floor_standing (id, draw_id, client_id, crs, eligible, reason, margin, verdict,"
            " revision, evaluated_at) FROM STDIN"
        ) as copy:
            for i, pk in enumerate(ids):
                copy.write_row((i, draw.pk, pk, 450, True, "", -50, "below_cutoff", 1, now))
    assert len(ids) == n
    return time.perf_counter() - started


def naive(count: int) -> float:
    """One client at a time: its facts in their own queries, one ORM save each."""
    from django.db.models import Max

    from draws.models import Draw, Standing
    from draws.reevaluation.verdicts import DrawContext, judge
    from profiles.candidates.loader import facts_for
    from profiles.models import Client

    draw = Draw.objects.get(number="9999")
    ctx = DrawContext.of(draw)
    top = Client.objects.order_by("pk").values_list("pk", flat=True)[count - 1]
    started = time.perf_counter()
    for client in Client.objects.filter(pk__lte=top).order_by("pk"):
        result = judge(facts_for([client.pk])[client.pk], ctx)
        Standing.objects.update_or_create(
            draw=draw, client=client,
            defaults={**result._asdict(), "revision": draw.revision,
                      "evaluated_at": dt.datetime.now(dt.UTC)},
        )  # fmt: skip
    assert Standing.objects.aggregate(Max("client_id"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--naive", type=int, default=2000, help="clients for the naive baseline")
    args = parser.parse_args()

    ensure_database()
    manage("migrate", "--noinput", "-v", "0")
    import django

    django.setup()
    from profiles.models import Client

    if Client.objects.count() != args.n:
        Client.objects.all().delete()
        print(f"seeding {args.n:,} clients …", flush=True)
        manage("seed_clients", str(args.n), "--jobs", "2")
    from django.db import connection

    connection.close()

    elapsed, peaks = timed_run(args.n)
    floor_s = floor(args.n)
    naive_s = naive(args.naive)
    naive_rate = args.naive / naive_s
    print(f"clients                 : {args.n:,}")
    print(f"pipeline (2 workers)    : {elapsed:.2f} s  ({args.n / elapsed:,.0f} clients/s)")
    print(f"floor (read + COPY)     : {floor_s:.2f} s  ({args.n / floor_s:,.0f} clients/s)")
    print(f"pipeline / floor        : {elapsed / floor_s:.1f}x")
    print(f"peak worker memory      : {', '.join(f'{p:.0f} MiB' for p in peaks)}")
    speedup = args.n / elapsed / naive_rate
    print(
        f"naive, {args.naive:,} clients   : {naive_s:.2f} s  ({naive_rate:,.0f} clients/s; "
        f"{args.n / naive_rate:,.0f} s for {args.n:,}; the pipeline is {speedup:.0f}x faster)"
    )


if __name__ == "__main__":
    main()
