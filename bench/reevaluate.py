"""Re-evaluation benchmark: N clients re-scored against one draw by two real Celery workers.

    .venv/bin/python bench/reevaluate.py 100000          # issue 16: <= 6 s, <= 6x the floor
    .venv/bin/python bench/reevaluate.py 1000000 --naive 0   # issue 16: <= 60 s
    .venv/bin/python bench/reevaluate.py 10000 --naive 2000

It uses its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_bench, created and migrated if missing) and Redis db 8,
seeds N synthetic clients with ``seed_clients`` (reused when the count already matches; the old
ones are removed with TRUNCATE, not one by one through the ORM), records a CEC draw through
``record_draw`` and times the run until it is done with two worker processes
(``celery worker --concurrency 1`` each). In the same run it measures:

- the floor: the fact rows of every client COPYed out (the four tables ``facts_for`` reads) and
  N standing rows COPYed in, with no scoring at all;
- where a chunk's time goes: loading the facts, judging, writing, on a sample of the run's chunks
  re-done in this process (the write rolled back);
- the storage: bytes per stored standing (its partition's heap and indexes), and what
  every client in every round recorded so far would take;
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


def pool_children(workers: list[subprocess.Popen]) -> list[str]:
    """The pid of each worker's pool child (the process doing the work), or the worker's own."""
    pids = []
    for worker in workers:
        children = Path(f"/proc/{worker.pid}/task/{worker.pid}/children").read_text().split()
        pids += children or [str(worker.pid)]
    return pids


def cpu_seconds(workers: list[subprocess.Popen]) -> float:
    """User + system CPU time of the pool children so far. Unlike the wall clock, it hardly moves
    when other programs share the machine, so it compares two versions measured at different
    moments."""
    ticks = 0
    for pid in pool_children(workers):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(workers: list[subprocess.Popen]) -> list[float]:
    """Peak resident memory (VmHWM) of each worker's pool child, the process doing the work."""
    peaks = []
    for pid in pool_children(workers):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


def stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=30)


def timed_run(n: int) -> tuple[float, float, list[float]]:
    from django.db import connection

    from draws.models import Draw, DrawCategory, ReevaluationRun, Standing
    from draws.services import record_draw

    with connection.cursor() as cursor:  # the bench's own database: only its draw's standings
        cursor.execute("TRUNCATE draws_standing")
    Draw.objects.filter(number="9999").delete()
    workers = start_workers(2)
    time.sleep(3)  # let both workers connect before the clock starts
    cpu_before = cpu_seconds(workers)
    started = time.perf_counter()
    run = record_draw(
        number="9999", held_on=dt.date(2026, 11, 2), category=DrawCategory.objects.get(key="cec"),
        invitations=3000, cutoff=500, tie_break_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
        by=None, source=Draw.Source.ADMIN,
    ).run  # fmt: skip
    while ReevaluationRun.objects.filter(pk=run.pk, state="done").count() == 0:
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(workers) - cpu_before
    peaks = peak_rss_mib(workers)
    stop(workers)
    rows = Standing.objects.filter(draw__number="9999").count()
    assert rows == n, f"{rows} standings for {n} clients"
    connection.close()
    return elapsed, cpu, peaks


def floor(n: int) -> float:
    """COPY the fact rows out and N standing rows in: the reading and writing, no scoring."""
    from django.db import connection, transaction

    from draws.models import Draw
    from profiles.candidates.loader import (
        CLIENT_COLUMNS,
        CREDENTIAL_COLUMNS,
        PERIOD_COLUMNS,
        RESULT_COLUMNS,
        _select,
    )
    from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod

    draw = Draw.objects.get(number="9999")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for model, columns in ((EducationCredential, CREDENTIAL_COLUMNS),
                               (LanguageTestResult, RESULT_COLUMNS), (WorkPeriod, PERIOD_COLUMNS),
                               (Client, CLIENT_COLUMNS)):  # fmt: skip
            with cursor.copy(f"COPY ({_select(model, columns)}) TO STDOUT") as copy:
                for _ in copy:
                    pass
        cursor.execute("SELECT id FROM profiles_client WHERE archived_at IS NULL")
        ids = [pk for (pk,) in cursor.fetchall()]
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


def breakdown(sample: int) -> dict[str, float]:
    """Seconds per chunk spent loading, judging and writing, over ``sample`` of the run's chunks
    re-done here as a worker does them (the write rolled back, so the run's rows stay)."""
    from django.db import transaction

    from draws.models import Draw, ReevaluationChunk
    from draws.reevaluation.evaluation import judge_clients, write_judged
    from draws.reevaluation.memory import collection_paused
    from profiles.candidates.loader import facts_for

    draw = Draw.objects.select_related("category").get(number="9999")
    chunks = list(ReevaluationChunk.objects.filter(run__draw=draw).order_by("first_id"))
    step = max(len(chunks) // sample, 1)
    spent = {"load": 0.0, "judge": 0.0, "write": 0.0}
    chosen = chunks[::step][:sample]
    for chunk in chosen:
        started = time.perf_counter()
        with collection_paused():
            facts = facts_for(range(chunk.first_id, chunk.last_id + 1))
            loaded = time.perf_counter()
            judged = judge_clients(draw=draw, clients=facts)
        judged_at = time.perf_counter()
        with transaction.atomic():
            write_judged(draw=draw, revision=draw.revision, judged=judged)
            transaction.set_rollback(True)
        spent["load"] += loaded - started
        spent["judge"] += judged_at - loaded
        spent["write"] += time.perf_counter() - judged_at
    return {phase: seconds / len(chosen) for phase, seconds in spent.items()}


def storage(n: int) -> tuple[float, float, int]:
    """Bytes per standing in the bench draw's partition (heap, indexes), and the rounds IRCC has
    held (the bundled feed): what every client in every round takes."""
    from django.db import connection

    from draws.feed import read_feed
    from draws.importer import BUNDLED_FEED, read_source
    from draws.models import Draw

    draw = Draw.objects.get(number="9999")
    with connection.cursor() as cursor:
        # Its partition holds its rows alone: timed_run emptied the table before the run.
        cursor.execute(
            "SELECT tableoid::regclass::text FROM draws_standing WHERE draw_id = %s LIMIT 1",
            [draw.pk],
        )
        (partition,) = cursor.fetchone()
        cursor.execute(f"VACUUM ANALYZE {partition}")
        cursor.execute("SELECT pg_table_size(%s), pg_indexes_size(%s)", [partition] * 2)
        heap, indexes = cursor.fetchone()
    return heap / n, indexes / n, len(read_feed(read_source(BUNDLED_FEED)))


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
        from django.db import connection

        with connection.cursor() as cursor:  # every client's rows, standings included
            cursor.execute("TRUNCATE profiles_client RESTART IDENTITY CASCADE")
        print(f"seeding {args.n:,} clients …", flush=True)
        manage("seed_clients", str(args.n), "--jobs", "2")
    from django.db import connection

    connection.close()

    from django.conf import settings

    size = settings.REEVALUATION_CHUNK_SIZE
    elapsed, cpu, peaks = timed_run(args.n)
    floor_s = floor(args.n)
    heap, indexes, draws = storage(args.n)  # first: the breakdown's rolled-back writes bloat it
    phases = breakdown(sample=10)
    print(f"clients                 : {args.n:,}")
    print(f"pipeline (2 workers)    : {elapsed:.2f} s  ({args.n / elapsed:,.0f} clients/s)")
    print(f"floor (read + COPY)     : {floor_s:.2f} s  ({args.n / floor_s:,.0f} clients/s)")
    print(f"pipeline / floor        : {elapsed / floor_s:.1f}x")
    print(f"worker CPU (both)       : {cpu:.2f} s  ({cpu / args.n * 1e6:.0f} µs a client)")
    print(f"peak worker memory      : {', '.join(f'{p:.0f} MiB' for p in peaks)}")
    chunk_s = sum(phases.values())
    print(
        f"one chunk of {size:,} ({chunk_s * 1000:.0f} ms): "
        + ", ".join(f"{k} {v * 1000:.0f} ms ({v / chunk_s:.0%})" for k, v in phases.items())
    )
    per_row = heap + indexes
    every = per_row * 1_000_000 * draws
    print(
        f"storage per standing    : {per_row:.0f} bytes (heap {heap:.0f}, indexes {indexes:.0f});"
        f" 1,000,000 clients x {draws} rounds: {every / 2**30:,.0f} GiB"
    )
    if not args.naive:
        return
    naive_s = naive(args.naive)
    naive_rate = args.naive / naive_s
    speedup = args.n / elapsed / naive_rate
    print(
        f"naive, {args.naive:,} clients   : {naive_s:.2f} s  ({naive_rate:,.0f} clients/s; "
        f"{args.n / naive_rate:,.0f} s for {args.n:,}; the pipeline is {speedup:.0f}x faster)"
    )


if __name__ == "__main__":
    main()
