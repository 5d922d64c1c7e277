"""Client page benchmark: the consultant's page of one client with a rich file, end to end.

    .venv/bin/python bench/client_page.py [--runs 30]

It uses its own PostgreSQL database (``BENCH_DATABASE_URL``, default
postgres://root@127.0.0.1:5432/eeportal_page_bench, created and migrated if missing) and builds
one file with a bit of everything that moves a score over the next two years: married with an
accompanying spouse, English and French results (one about to expire), foreign credentials with
ECAs, ongoing Canadian work, foreign work leaving the 10-year window, the spouse's own jobs and
test, a submitted profile, no settlement funds recorded (FSW "can't tell"). The real draw
history (435 rounds, with their pool distributions) is imported once, and the file is judged in
every round, so the answer card, the place in the pool, the backtest and the outlook read what
they would in production. It prints the median and best of ``--runs`` requests of the client
page and of the client's own portal, and of the parts computed on the request: the whole
``assess`` and its coming dates alone.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal_page_bench"
)
# DEBUG off: with it on, Django keeps every query in memory and the figures measure that.
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    DEBUG="false",
    SECRET_KEY="bench-only-secret-key-" + "x7#Kq2!mW9" * 4,
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="false",
    DJANGO_SETTINGS_MODULE="eeportal.settings",
)


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)


def rich_file(today: date):
    """The firm's consultant and the client described in the module docstring."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from profiles.models import (
        Client,
        EducationCredential,
        Firm,
        LanguageTestResult,
        Membership,
        WorkPeriod,
    )

    # The benchmark's own database: start from nothing each time.
    Client.objects.all().delete()
    Membership.objects.all().delete()
    Firm.objects.all().delete()
    User.objects.filter(username__in=["bench", "bench-client"]).delete()
    firm = Firm.objects.create(name="Bench firm")
    consultant = User.objects.create(username="bench")
    own_login = User.objects.create(username="bench-client")
    Membership.objects.create(user=consultant, firm=firm)
    client = Client.objects.create(
        firm=firm, first_name="Rich", last_name="File", birth_date=date(1992, 2, 29),
        marital_status="married", spouse_name="Maya",
        profile_submitted_at=timezone.make_aware(datetime(2026, 3, 2, 10, 15)), user=own_login,
    )  # fmt: skip
    for level, eca, length in (("masters", date(2022, 5, 9), 2),
                               ("bachelors", date(2021, 12, 1), 4)):  # fmt: skip
        EducationCredential.objects.create(
            client=client, level=level, in_canada=False, length_years=length,
            completed_on=date(2016, 6, 1), eca_date=eca,
        )  # fmt: skip
    EducationCredential.objects.create(
        client=client, person="spouse", level="bachelors", in_canada=True, length_years=4,
        completed_on=date(2018, 5, 1),
    )  # fmt: skip
    for test, scores, taken in (
        ("celpip", (10, 10, 10, 10), today - timedelta(days=600)),
        ("ielts", (8, 7, 7, 7), today - timedelta(days=200)),
        ("tef", (560, 540, 500, 520), today - timedelta(days=400)),
    ):
        LanguageTestResult.objects.create(client=client, test=test, listening=scores[0],
                                          reading=scores[1], writing=scores[2],
                                          speaking=scores[3], test_date=taken)  # fmt: skip
    LanguageTestResult.objects.create(client=client, person="spouse", test="celpip", listening=7,
                                      reading=7, writing=7, speaking=7,
                                      test_date=today - timedelta(days=500))  # fmt: skip
    jobs = (
        ("principal", "21232", date(2013, 1, 7), date(2017, 6, 30), 40, False),
        ("principal", "21231", date(2017, 9, 1), date(2022, 12, 31), 37.5, False),
        ("principal", "21232", date(2023, 3, 1), date(2025, 2, 28), 40, True),
        ("principal", "21232", date(2025, 3, 1), None, 37.5, True),
        ("principal", "13110", date(2025, 9, 1), None, 15, True),
        ("spouse", "31301", date(2024, 8, 5), None, 30, True),
        ("spouse", "31301", date(2015, 1, 5), date(2019, 12, 31), 40, False),
    )
    for person, noc, start, end, hours, in_canada in jobs:
        WorkPeriod.objects.create(client=client, person=person, noc=noc, teer=int(noc[1]),
                                  start=start, end=end, hours_per_week=hours,
                                  in_canada=in_canada)  # fmt: skip
    return consultant, client


def judged_in_every_round(client) -> int:
    """Import the bundled rounds feed if the database has none, then judge ``client`` in every
    round as the re-evaluation would. Returns the number of rounds."""
    from django.core.management import call_command

    from draws.models import Draw
    from draws.reevaluation.evaluation import evaluate_clients

    if not Draw.objects.exists():
        call_command("import_rounds", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    draws = list(Draw.objects.all())
    for draw in draws:
        evaluate_clients(draw=draw, revision=draw.revision, clients=[client.pk])
    return len(draws)


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
    from django.urls import reverse
    from django.utils import timezone

    from profiles.candidates.assessment import assess
    from profiles.candidates.coming_dates import coming_dates
    from profiles.candidates.loader import facts_for

    today = timezone.localdate()
    consultant, client = rich_file(today)
    rounds = judged_in_every_round(client)
    browser = Browser()
    browser.force_login(consultant)
    url = client.get_absolute_url()
    assert browser.get(url).status_code == 200
    own = Browser()
    own.force_login(client.user)
    portal = reverse("profiles:portal")
    assert own.get(portal).status_code == 200
    facts = facts_for([client.pk])[client.pk]
    events = coming_dates(facts, today)
    print(
        f"client page of a rich file ({len(events)} coming dates, judged in {rounds} rounds), "
        f"{args.runs} runs each:"
    )
    for name, function in (
        ("client page (GET, end to end)", lambda: browser.get(url)),
        ("portal (GET, end to end)", lambda: own.get(portal)),
        ("assess (score, eligibility, advice, dates)", lambda: assess(facts, today)),
        ("coming dates alone", lambda: coming_dates(facts, today)),
    ):
        median, best = timed(function, args.runs)
        print(f"  {name:<45} median {median:7.1f} ms   best {best:7.1f} ms")


if __name__ == "__main__":
    main()
