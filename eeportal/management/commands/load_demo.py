from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from eeportal.demo import DEMO_LOGINS, DEMO_PASSWORD, load_demo_accounts


class Command(BaseCommand):
    help = (
        "Load the demo accounts and data (safe to run again: it changes nothing the second time)."
    )

    def handle(self, *args, **options) -> None:
        load_demo_accounts()
        # The real draw history, from the bundled IRCC feed; unchanged rounds are left alone.
        call_command("import_rounds", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded. Sign in at http://127.0.0.1:8000/accounts/login/")
        )
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<12} / {DEMO_PASSWORD}   ({login.role})")
        self.stdout.write(
            "Two-factor sign-in: staff and consultants must set it up (Security, in the user "
            f"menu) within {settings.TWO_FACTOR_GRACE_DAYS} days; the demo accounts start that "
            "grace period again at every load."
        )
