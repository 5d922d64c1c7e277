"""A 100,000-client firm: the consultant's client list, clients API, dashboard and a client page.

    .venv/bin/python bench/firm.py [--clients 100000] [--runs 15] [--only list,api,...]

It uses its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_firm_bench, created and migrated if missing) and Redis
db 4 (``BENCH_REDIS_URL``) as the cache, and seeds it once: ``seed_clients`` files (scored, with
their stages and key dates) in one firm of five consultants sharing them, one file in a hundred
archived, and standings of every file in nine draws written by the re-evaluation's own
``evaluate_clients``. A database whose firm already has the asked-for number of files is
reused; otherwise the files and draws are emptied with ``TRUNCATE … CASCADE`` (deleting 100,000
files through the ORM takes minutes and fills the history tables) and seeded again.

For each page it prints the median and best server time of ``--runs`` requests (Django's test
client, ``DEBUG=false``, no network; taken round-robin across the pages, after two to warm up)
and the number of queries of one request. Targets (issue 16): the list pages and the API
≤ 50 ms, the dashboard and a client page ≤ 100 ms, a fixed number of queries.
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
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_firm_bench"
)
# DEBUG off: with it on, Django keeps every query in memory and the figures measure that.
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"),
    DEBUG="false",
    SECRET_KEY="bench-only-secret-key-" + "x7#Kq2!mW9" * 4,
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="false",
    DJANGO_SETTINGS_MODULE="eeportal.settings",
)
FIRM = "Firm bench"
CONSULTANTS = 5
ARCHIVED_EVERY = 100  # one file in a hundred is archived
DRAWS = (("cec", 3), ("general", 10), ("pnp", 17), ("french-2026-v2", 40), ("french-2026-v2", 5),
         ("healthcare-social-2026-v3", 60), ("healthcare-social-2026-v3", 12),
         ("stem-2026-v3", 20), ("stem-2026-v3", 50))  # fmt: skip
FIRST_ROUND = 9001
CHUNK = 5000  # clients judged at once while seeding the standings (bounded memory)


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
        user, _ = User.objects.get_or_create(
            username=f"firm-consultant-{index}",
            defaults={"first_name": "Consultant", "last_name": str(index)},
        )
        Membership.objects.get_or_create(
            user=user, firm=firm, defaults={"is_firm_admin": not index}
        )
        users.append(user)
    started = time.perf_counter()
    files = Client.objects.filter(firm=firm)
    if files.count() != count:
        with connection.cursor() as cursor:
            # Every file and everything hanging off it (facts, key dates, standings, …), and
            # the draws (with their runs): seconds, where ORM deletes take minutes.
            tables = [Client._meta.db_table, Client.history.model._meta.db_table]
            cursor.execute(f"TRUNCATE {', '.join([*tables, Draw._meta.db_table])} CASCADE")
        call_command("seed_clients", count, firm=FIRM, jobs=2, stdout=sys.stderr)
        for index, user in enumerate(users):
            files.annotate(slot=F("id") % CONSULTANTS).filter(slot=index).update(consultant=user)
        now = timezone.now()
        files.annotate(slot=F("id") % ARCHIVED_EVERY).filter(slot=0).update(archived_at=now)
    elif Draw.objects.count() == len(DRAWS):
        return users
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Draw._meta.db_table} CASCADE")  # standings of another seed
    ids = list(files.order_by("pk").values_list("pk", flat=True))
    today = timezone.localdate()
    for number, (key, days_ago) in enumerate(DRAWS, start=FIRST_ROUND):
        draw = Draw.objects.create(
            number=str(number), held_on=today - timedelta(days=days_ago),
            category=DrawCategory.objects.get(key=key), invitations=3000, cutoff=470,
            source=Draw.Source.ADMIN,
        )  # fmt: skip
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            evaluate_clients(
                draw=draw, revision=draw.revision, clients=range(chunk[0], chunk[-1] + 1)
            )
        print(f"  standings of round {number} written", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return users


def warm_and_count(browser, url: str) -> tuple[int, int]:
    """(queries, status) of one GET of ``url``, after two to warm up."""
    from django.db import connection

    for _ in range(2):
        browser.get(url)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # A wrapper rather than CaptureQueriesContext: that one reads the debug cursor's log.
    with connection.execute_wrapper(count):
        status = browser.get(url).status_code
    return len(queries), status


def timed_rounds(browser, urls: list[str], runs: int) -> list[list[float]]:
    """Milliseconds of ``runs`` GETs of each URL, taken round-robin (one of each page per
    round) so that a burst of load from elsewhere on the machine slows every page alike."""
    times: list[list[float]] = [[] for _ in urls]
    for _ in range(runs):
        for index, url in enumerate(urls):
            start = time.perf_counter()
            browser.get(url)
            times[index].append((time.perf_counter() - start) * 1000)
    return times


def pages(client) -> list[tuple[str, str, str, int]]:
    """(group, name, URL, target ms) of every page measured; ``client`` is a file to open."""
    first, last, email = client.first_name, client.last_name, client.email
    lists = [
        ("default", ""),
        ("page 2", "page=2"),
        ("last page (exact count)", "page=3960"),
        ("filter q= two words (first last)", f"q={first}+{last}"),
        ("filter crs_min=470", "crs_min=470"),
        ("filter crs_max=350", "crs_max=350"),
        ("filter eligible=cec", "eligible=cec"),
        ("filter eligible=french", "eligible=french"),
        ("filter latest_verdict=invited", "latest_verdict=invited"),
        ("filter latest_verdict=below_cutoff", "latest_verdict=below_cutoff"),
        ("filter draw=<round>", f"draw={FIRST_ROUND + 3}"),
        ("filter draw + latest_verdict", f"draw={FIRST_ROUND + 3}&latest_verdict=invited"),
        ("filter profile_expires_within=30", "profile_expires_within=30"),
        ("filter language_expires_within=60", "language_expires_within=60"),
        *[(f"filter profile_status={s}", f"profile_status={s}") for s in STATUSES],
        *[(f"filter language_status={s}", f"language_status={s}") for s in STATUSES],
        *[(f"filter eca_status={s}", f"eca_status={s}") for s in STATUSES],
        ("filter stage=ita_received", "stage=ita_received"),
        ("filter stage=lead", "stage=lead"),
        ("filter mine", "mine=on"),
        ("filter archived", "archived=on"),
        ("filter crs_min + eligible + sort crs", "crs_min=450&eligible=cec&ordering=-crs"),
        *[(f"sort {o}", f"ordering={o}") for o in SORTS],
        (f"name search q={last[:5].lower()}", f"q={last[:5].lower()}"),
        ("name search, rare (no match)", "q=zzqx"),
        (f"e-mail search q={email[5:17]}", f"q={email[5:17]}"),
        ("name search + sort crs", f"q={last[:5].lower()}&ordering=-crs"),
    ]
    rows = [("list", name, f"/clients/?{query}", 50) for name, query in lists]
    rows += [
        ("api", "clients API page", "/api/v1/clients/", 50),
        ("api", "clients API, name search", f"/api/v1/clients/?q={last[:5].lower()}", 50),
        ("api", "clients API, sort -crs", "/api/v1/clients/?ordering=-crs", 50),
        ("api", "clients API, page 100", "/api/v1/clients/?page=100", 50),
        ("dashboard", "dashboard (whole firm)", "/dashboard/", 100),
        ("client", "client page", client.get_absolute_url(), 100),
    ]
    return rows


STATUSES = ("expired", "expiring", "valid")
SORTS = ("name", "-name", "crs", "-crs", "profile", "-profile", "added", "-added")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--only", default="", help="Comma-separated groups: list,api,dashboard,client"
    )
    parser.add_argument("--match", default="", help="Only pages whose name contains this.")
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

    from profiles.models import Client

    admin, *_ = seed(args.clients)
    browser = Browser()
    browser.force_login(admin)
    client = Client.objects.filter(firm__name=FIRM, archived_at=None).order_by("pk")[1234]
    groups = set(filter(None, args.only.split(",")))
    print(f"a firm of {args.clients:,} clients, {args.runs} runs each (server time, ms):")
    print(f"  {'page':<46} {'median':>8} {'best':>8} {'queries':>8}  target")
    chosen = [
        page
        for page in pages(client)
        if (not groups or page[0] in groups) and args.match in page[1]
    ]
    counted = [warm_and_count(browser, url) for _, _, url, _ in chosen]
    times = timed_rounds(browser, [url for _, _, url, _ in chosen], args.runs)
    for (group, name, _, target), (queries, status), taken in zip(
        chosen, counted, times, strict=True
    ):
        median = statistics.median(taken)
        flag = "ok" if median <= target else "SLOW"
        error = "" if status == 200 else f"  HTTP {status}"
        print(
            f"  {group + ': ' + name:<46} {median:8.1f} {min(taken):8.1f} {queries:8d}  "
            f"≤{target} {flag}{error}"
        )


if __name__ == "__main__":
    main()
