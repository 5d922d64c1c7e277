"""Public pages on draw day: requests/s of each with 2 gunicorn workers, next to the home page.

    .venv/bin/python bench/pages.py [--requests 4000] [--concurrency 8]

Needs Debian's ApacheBench (`apt-get install apache2-utils`). Uses its own PostgreSQL database
(``BENCH_DATABASE_URL``, default postgres://root@127.0.0.1:5432/eeportal_bench_pages, created,
migrated and loaded with the 435 bundled rounds if missing) and Redis db 6 for the cache, as a
deployment would; collects the static files, starts ``gunicorn -w 2`` with ``DEBUG=false`` on a
free port, and runs ``ab -n N -c 8`` against each page in turn, all in one run. The issue's
targets: each page at >= 1,000 requests/s and >= 70 % of the home page's rate.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_bench_pages"
)
ENV = os.environ | {
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-secret-key-" + "p4#Zr8!nQ2" * 4,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "DJANGO_SETTINGS_MODULE": "eeportal.settings",
}
PAGES = ("/", "/draws/", "/draws/434/", "/api/v1/draws/", "/calculator/")
BIN = Path(sys.executable).parent


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def prepare() -> None:
    name = DATABASE_URL.rsplit("/", 1)[1]
    created = subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "root", name], capture_output=True, text=True
    )
    manage("migrate", "--noinput", "-v0")
    if created.returncode == 0:
        manage("import_rounds")
    manage("collectstatic", "--noinput", "-v0")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "eeportal.wsgi"],
        cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def ab(url: str, requests: int, concurrency: int) -> tuple[float, int]:
    urllib.request.urlopen(url, timeout=30).read()  # noqa: S310 (warm: the first rendering)
    out = subprocess.run(
        ["ab", "-q", "-n", str(requests), "-c", str(concurrency), url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return rate, failed + (int(non_2xx.group(1)) if non_2xx else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("ab"):
        raise SystemExit("ApacheBench not found: apt-get install apache2-utils")
    prepare()
    port = free_port()
    server = serve(port)
    try:
        rates = {}
        for path in PAGES:
            rate, errors = ab(f"http://127.0.0.1:{port}{path}", args.requests, args.concurrency)
            rates[path] = rate
            home = rates["/"]
            print(
                f"{path:<16} {rate:8.0f} requests/s  {rate / home:6.0%} of home"
                f"  {errors} errors  (ab -n {args.requests} -c {args.concurrency}, gunicorn -w 2)"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
