"""Dashboard benchmark: the consultant's dashboard of a firm of 5,000 clients, end to end.

    .venv/bin/python bench/dashboard.py [--clients 5000] [--runs 30]

It uses its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_dashboard_bench, created and migrated if missing) and
seeds it once per size: ``seed_clients`` files (scored, with their stages and key dates) in one
firm of five consultants, the files shared between them, and standings of every file in nine
draws (three recent ones, two rounds each of three categories) written by the re-evaluation's
own ``evaluate_clients``. It prints the median and best of ``--runs`` requests (server time:
Django's test client, no network) of the firm administrator's whole-firm page, a consultant's
own-files page and the JSON API, and of ``dashboard_for`` alone. Target: 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_dashboard_bench"
)
# DEBUG off: with it on, Django keeps every query in memory and the figures measure that.
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    DEBUG="false",
    SECRET_KEY="bench-only-secret-key-" + "x7#Kq2!mW9" * 4,
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="false",
    DJANGO_SETTINGS_MODULE="eeportal.settings",
    REDIS_URL="",  # nothing is queued: the standings are written in this process
)
FIRM = "Dashboard bench"
CONSULTANTS = 5
DRAWS = (("cec", 3), ("general", 10), ("pnp", 17), ("french-2026-v2", 40), ("french-2026-v2", 5),
         ("healthcare-social-2026-v3", 60), ("healthcare-social-2026-v3", 12),
         ("stem-2026-v3", 20), ("stem-2026-v3", 50))  # fmt: skip


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)


def seed(count: int):
    """The firm, its consultants (the first one its administrator), files and standings."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import F
    from django.utils import timezone

    from draws.models import Draw, DrawCategory
    from draws.reevaluation.evaluation import evaluate_clients
    from profiles.models import Client, Firm, Membership

    firm, _ = Firm.objects.get_or_create(name=FIRM)
    users = []
    for index in range(CONSULTANTS):
        user, _ = User.objects.get_or_create(username=f"bench-consultant-{index}")
        Membership.objects.get_or_create(
            user=user, firm=firm, defaults={"is_firm_admin": not index}
        )
        users.append(user)
    if firm.clients.count() == count:
        return users
    # A different size asked for: start the firm's files and the draws again.
    Client.objects.filter(firm=firm).delete()
    Draw.objects.all().delete()
    call_command("seed_clients", count, firm=FIRM, jobs=2, stdout=sys.stderr)
    for index, user in enumerate(users):
        files = Client.objects.filter(firm=firm).annotate(slot=F("id") % CONSULTANTS)
        files.filter(slot=index).update(consultant=user)
    ids = firm.clients.order_by("pk").values_list("pk", flat=True)
    every = range(ids.first(), ids.last() + 1)
    today = timezone.localdate()
    for number, (key, days_ago) in enumerate(DRAWS, start=9001):
        draw = Draw.objects.create(
            number=str(number), held_on=today - timedelta(days=days_ago),
            category=DrawCategory.objects.get(key=key), invitations=3000, cutoff=470,
            source=Draw.Source.ADMIN,
        )  # fmt: skip
        evaluate_clients(draw=draw, revision=draw.revision, clients=every)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return users


def timed(function, runs: int) -> tuple[float, float]:
    """(median, best) in milliseconds of ``runs`` calls, after three to warm up."""
    for _ in range(3):
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    ensure_database()
    import django

    django.setup()
    from django.conf import settings

    # No collectstatic for a benchmark: plain static URLs instead of the hashed manifest's.
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    from django.test import Client as Browser

    from profiles.dashboard import dashboard_for

    admin, consultant, *_ = seed(args.clients)
    admin_browser, consultant_browser = Browser(), Browser()
    admin_browser.force_login(admin)
    consultant_browser.force_login(consultant)
    assert admin_browser.get("/dashboard/").status_code == 200
    board = dashboard_for(user=admin)
    shown = ", ".join(f"{section.key} {section.total}" for section in board.sections)
    print(f"dashboard of a firm of {args.clients:,} clients ({shown}), {args.runs} runs each:")
    for name, function in (
        ("page, whole firm (GET, end to end)", lambda: admin_browser.get("/dashboard/")),
        ("page, one consultant's files", lambda: consultant_browser.get("/dashboard/")),
        ("API, whole firm", lambda: admin_browser.get("/api/v1/dashboard/")),
        ("dashboard_for alone, whole firm", lambda: dashboard_for(user=admin)),
    ):
        median, best = timed(function, args.runs)
        print(f"  {name:<40} median {median:7.1f} ms   best {best:7.1f} ms")


if __name__ == "__main__":
    main()
