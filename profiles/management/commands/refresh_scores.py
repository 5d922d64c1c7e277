"""``manage.py refresh_scores``: recompute every client's stored current CRS and eligibility.

Run nightly (birthdays, expiring tests and profiles, experience accruing change scores with no
edit to the file); edits already re-score the client they touch.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from profiles.models import Firm
from profiles.services import refresh_all_scores


class Command(BaseCommand):
    help = "Recompute current_crs and eligible_for for every client (or one firm's)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--firm", help="Only this firm's clients (by name).")

    def handle(self, *args, firm: str | None, **options) -> None:
        owner = None
        if firm:
            owner = Firm.objects.filter(name=firm).first()
            if owner is None:
                raise CommandError(f"No firm named {firm!r}.")
        started = time.perf_counter()
        count = refresh_all_scores(firm=owner)
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Re-scored {count:,} clients in {elapsed:.1f} s."))
