"""``manage.py seed_clients N``: N synthetic client files for benchmarks, inserted in bulk.

Files go to a dedicated firm ("Benchmark" unless ``--firm``), already scored (with their stage
and key dates), without history
rows (they are nobody's change). Batches of 5,000 are generated, scored and written (COPY on
PostgreSQL, see ``profiles.bulk``) by ``--jobs`` processes, each with its own connection; batch
``i`` always uses the random seed ``seed + i``, so the files do not depend on ``--jobs``.
"""

import os
import random
import time
from multiprocessing import get_context

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.utils import timezone

from profiles.bulk import insert_values
from profiles.models import Client, Firm
from profiles.services.key_dates import refresh_key_dates_of
from profiles.services.stages import stage_from_facts
from profiles.synthetic import synthetic_client


def seed_batch(firm_id: int, seed: int, size: int) -> int:
    """Generate, score and insert one batch in one transaction; returns its size."""
    rng = random.Random(seed)
    firm = Firm(pk=firm_id)
    today = timezone.localdate()
    files = [
        synthetic_client(rng, firm=firm, today=today, email_domain="bench.example.com")
        for _ in range(size)
    ]
    for client, _ in files:
        client["stage"], client["stage_on"] = stage_from_facts(
            client["ita_received_on"], client["profile_submitted_at"]
        )
    with transaction.atomic():
        insert_values(Client, [client for client, _ in files])
        by_model: dict[type, list[dict]] = {}
        for client, facts in files:
            for model, values in facts:
                values["client_id"] = client["id"]
                by_model.setdefault(model, []).append(values)
        for model, rows in by_model.items():
            insert_values(model, rows)
        refresh_key_dates_of(clients=[client["id"] for client, _ in files], on=today)
    return size


class Command(BaseCommand):
    help = "Create N synthetic client files (for benchmarks) in one firm."

    def add_arguments(self, parser) -> None:
        parser.add_argument("count", type=int)
        parser.add_argument("--firm", default="Benchmark", help='Firm name (default "Benchmark").')
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument("--batch", type=int, default=5000, help="Clients per transaction.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(4, os.cpu_count() or 1),
            help="Processes (PostgreSQL only; default: CPUs, at most 4).",
        )

    def handle(self, *args, count: int, firm: str, seed: int, batch: int, jobs: int, **options):
        if count < 1 or batch < 1 or jobs < 1:
            raise CommandError("N, --batch and --jobs must be positive.")
        started = time.perf_counter()
        owner, _ = Firm.objects.get_or_create(name=firm)
        sizes = [min(batch, count - start) for start in range(0, count, batch)]
        tasks = [(owner.pk, seed + index, size) for index, size in enumerate(sizes)]
        if jobs == 1 or len(tasks) == 1 or connection.vendor != "postgresql":
            for task in tasks:
                seed_batch(*task)
        else:
            connections.close_all()  # children open their own connections
            with get_context("fork").Pool(jobs) as pool:
                pool.starmap(seed_batch, tasks)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {count:,} clients in {owner.name} in {elapsed:.1f} s "
                f"({count / elapsed:,.0f} per second)."
            )
        )
