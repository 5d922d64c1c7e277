"""Draw day: 2,000 different clients load their portal within 60 s of a draw being recorded,
while two Celery workers re-evaluate every file against it.

    .venv/bin/python bench/draw_day.py [--clients 2000] [--visitors 2000] [--seconds 60]
        [--threads 16]

Its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_drawday_bench; created, migrated, loaded with the 435
bundled rounds and ``--clients`` seeded files, each given a portal login, once) and Redis db 3
(broker and cache). ``--visitors`` of the files (all of them by default) get a portal login.
With more files than visitors the re-evaluation lasts longer than a few seconds of the load,
e.g. ``BENCH_DATABASE_URL=…/eeportal_bench … --clients 100000`` (bench/reevaluate.py's
database, seeded already). It starts ``gunicorn -w 2`` (``DEBUG=false``) and two workers
(``--concurrency 1`` each), records a new round, and at once sends each client's portal request
at its moment of an even spread over ``--seconds``, from ``--threads`` threads, each with that
client's own session cookie. It prints the latency percentiles, the errors, and how long the
re-evaluation took. Target (issue 16): p99 <= 300 ms, no error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_drawday_bench"
)
ENV = {
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-secret-key-" + "d9!Tq4#vL7" * 4,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "DJANGO_SETTINGS_MODULE": "eeportal.settings",
}
os.environ.update(ENV)
BIN = Path(sys.executable).parent
ROUND = "9998"


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def prepare(clients: int, visitors: int) -> list[str]:
    """The database once, and a session cookie per client login (sessions made directly: a
    benchmark of the portal, not of password hashing)."""
    name = DATABASE_URL.rsplit("/", 1)[1]
    fresh = subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", name], capture_output=True)
    manage("migrate", "--noinput", "-v0")
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection

    from profiles.models import Client

    if fresh.returncode == 0:
        manage("import_rounds")
    if Client.objects.count() != clients:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE profiles_client, auth_user, django_session CASCADE")
        manage("seed_clients", str(clients))
    have = Client.objects.filter(user__isnull=False).count()
    files = list(Client.objects.filter(user__isnull=True).order_by("pk")[: max(0, visitors - have)])
    unusable = make_password(None)  # signed in by session below, never by password
    users = User.objects.bulk_create(
        [User(username=f"drawday{f.pk}@bench.example.com", password=unusable) for f in files]
    )
    for file, user in zip(files, users, strict=True):
        file.user = user
    Client.objects.bulk_update(files, ["user"], batch_size=2000)
    cookies = []
    for user in User.objects.filter(client_file__isnull=False).order_by("pk")[:visitors]:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"sessionid={session.session_key}")
    connection.close()
    return cookies


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port: int) -> list[subprocess.Popen]:
    quiet = {"cwd": ROOT, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    web = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "eeportal.wsgi"], **quiet
    )
    celery = [sys.executable, "-m", "celery", "-A", "eeportal", "worker", "-Q",
              "celery,reevaluate", "--concurrency", "1", "--without-gossip", "--without-mingle",
              "--without-heartbeat", "--loglevel", "WARNING"]  # fmt: skip
    workers = [
        subprocess.Popen([*celery, "-n", f"drawday{i}@%h"], start_new_session=True, **quiet)
        for i in range(2)
    ]
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    time.sleep(3)  # both workers connected
    return [web, *workers]


def load(port: int, cookies: list[str], seconds: float, threads: int) -> tuple[list, int]:
    """(wall-clock moment sent, seconds taken) of each request, and the number of errors."""
    url = f"http://127.0.0.1:{port}/portal/"
    latencies: list[tuple[float, float]] = []
    errors = [0]
    lock = threading.Lock()
    started = time.perf_counter()
    spacing = seconds / len(cookies)

    def worker(offset: int) -> None:
        for i in range(offset, len(cookies), threads):
            wait = started + i * spacing - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            request = urllib.request.Request(url, headers={"Cookie": cookies[i]})
            sent, t0 = time.time(), time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    response.read()
                    ok = response.status == 200 and response.url.endswith("/portal/")
            except (urllib.error.URLError, OSError):
                ok = False
            with lock:
                latencies.append((sent, time.perf_counter() - t0))
                errors[0] += not ok

    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, errors[0]


def percentiles(seconds: list[float]) -> str:
    ms = sorted(x * 1000 for x in seconds)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p / 100 * len(ms)))]

    return (
        f"p50 {pct(50):.0f}  p95 {pct(95):.0f}  p99 {pct(99):.0f}  max {ms[-1]:.0f}"
        f"  mean {statistics.mean(ms):.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--visitors", type=int, help="clients loading their portal (default: all)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()
    cookies = prepare(args.clients, args.visitors or args.clients)
    port = free_port()
    processes = start(port)
    try:
        from draws.models import Draw, DrawCategory, ReevaluationRun
        from draws.services import record_draw

        Draw.objects.filter(number=ROUND).delete()
        run = record_draw(
            number=ROUND, held_on=dt.date.today(), category=DrawCategory.objects.get(key="cec"),
            invitations=3000, cutoff=500, tie_break_at=dt.datetime.now(dt.UTC), by=None,
            source=Draw.Source.ADMIN,
        ).run  # fmt: skip
        recorded = time.perf_counter()
        latencies, errors = load(port, cookies, args.seconds, args.threads)
        while not ReevaluationRun.objects.filter(pk=run.pk, state="done").exists():
            time.sleep(0.1)
        run_time = ReevaluationRun.objects.get(pk=run.pk)
        took = (run_time.finished_at - run_time.created_at).total_seconds()
    finally:
        for process in processes:
            process.terminate()
    finished = run_time.finished_at.timestamp()
    during = [taken for sent, taken in latencies if sent < finished]
    print(
        f"{len(latencies)} portal loads by {len(cookies)} of {args.clients} clients over "
        f"{args.seconds:g} s "
        f"({time.perf_counter() - recorded:.1f} s after the round was recorded), {errors} errors"
    )
    print(f"latency ms, all       : {percentiles([taken for _, taken in latencies])}")
    if during:
        print(f"  sent during the run : {percentiles(during)} ({len(during)} loads)")
    print(f"re-evaluation of {args.clients} files meanwhile: {took:.1f} s")


if __name__ == "__main__":
    main()
