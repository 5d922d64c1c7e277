"""Benchmark the draws list: requests per second for /draws/ and /api/v1/draws/.

    createdb -h 127.0.0.1 -U root eeportal_bench    # once
    DATABASE_URL=postgres://root@127.0.0.1:5432/eeportal_bench .venv/bin/python bench/draws.py \
        [--seconds 5] [--url http://127.0.0.1:8001 --concurrency 8]

Migrates the database named by DATABASE_URL and loads the full IRCC history into it (the bundled
feed, 435 rounds; a second run changes nothing), then requests each page for ``--seconds`` after a
warm-up and prints requests/s and the queries one request runs.

Without ``--url`` the requests go through Django's test client in this process, one at a time:
the cost of Django, the view and the database, without a network or a server. With ``--url``
they are real HTTP requests from ``--concurrency`` threads to a server started separately
against the same database, for example:

    DATABASE_URL=... .venv/bin/gunicorn -w 4 -b 127.0.0.1:8001 eeportal.wsgi
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from draws.models import Draw  # noqa: E402

PATHS = ("/draws/", "/api/v1/draws/")


def load_history() -> None:
    call_command("migrate", verbosity=0)
    call_command("import_rounds", stdout=sys.stdout)


def in_process(path: str, seconds: float) -> tuple[float, int]:
    """Requests per second through the test client, and the queries of one request."""
    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].strip("[]"))
    # Django empties the query log when a request starts; start from an empty log so the
    # capture below is not left counting from a stale offset.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)  # also the warm-up
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        client.get(path)
        count += 1
    return count / elapsed, len(queries)


def over_http(base: str, path: str, seconds: float, concurrency: int) -> float:
    """Requests per second from ``concurrency`` threads, each sending one request at a time."""
    url = base.rstrip("/") + path
    if not url.startswith(("http://", "https://")):
        raise SystemExit("--url must be an http(s) URL")
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (scheme checked)
        response.read()
    done, lock = [0], threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        mine = 0
        while time.perf_counter() < deadline:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                response.read()
            mine += 1
        with lock:
            done[0] += mine

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--url", help="base URL of a running server (default: in-process)")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    load_history()
    database = settings.DATABASES["default"]
    print(
        f"{Draw.objects.count()} draws in {database['ENGINE'].rsplit('.', 1)[-1]} "
        f"{database['NAME']}; DEBUG={settings.DEBUG}"
    )
    for path in PATHS:
        if args.url:
            rate = over_http(args.url, path, args.seconds, args.concurrency)
            mode = f"HTTP, {args.concurrency} threads"
            print(f"{path:<16} {rate:8.1f} requests/s   ({mode}, {args.seconds:g} s)")
        else:
            rate, queries = in_process(path, args.seconds)
            mode = f"{queries} queries/request, in-process, 1 thread"
            print(f"{path:<16} {rate:8.1f} requests/s   ({mode}, {args.seconds:g} s)")


if __name__ == "__main__":
    main()
