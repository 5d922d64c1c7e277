"""seed_clients, refresh_scores and the demo client files."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Max, Min

from profiles.candidates.loader import facts_for
from profiles.models import Client, LanguageTestResult, WorkPeriod
from scoring.engine import score_totals

pytestmark = pytest.mark.django_db


def test_seed_clients_creates_scored_files_in_a_benchmark_firm():
    call_command("seed_clients", 40, "--jobs", "1", "--batch", "15", stdout=StringIO())
    clients = Client.objects.filter(firm__name="Benchmark")
    assert clients.count() == 40
    assert WorkPeriod.objects.filter(client__in=clients).exists()
    day = clients.first().crs_computed_on
    stored = dict(clients.values_list("pk", "current_crs"))
    # The score stored at insert equals the one rebuilt from the database rows.
    assert {
        pk: score_totals(f.candidate(day), day).total for pk, f in facts_for(clients).items()
    } == stored


def test_seed_clients_is_the_same_for_the_same_seed():
    call_command("seed_clients", 10, "--firm", "One", "--jobs", "1", stdout=StringIO())
    call_command("seed_clients", 10, "--firm", "Two", "--jobs", "1", stdout=StringIO())
    one, two = (
        list(
            Client.objects.filter(firm__name=name)
            .order_by("pk")
            .values_list("email", "current_crs")
        )
        for name in ("One", "Two")
    )
    assert one == two


def test_refresh_scores_command_reports_the_count():
    call_command("seed_clients", 5, "--jobs", "1", stdout=StringIO())
    out = StringIO()
    call_command("refresh_scores", "--firm", "Benchmark", stdout=out)
    assert "Re-scored 5 clients" in out.getvalue()


def test_demo_has_about_200_varied_clients_and_the_client_login_has_a_scored_file():
    call_command("load_demo", stdout=StringIO())
    # 120 + 80 synthetic files, Priya's, and five that fill the dashboard (eeportal.demo_dashboard)
    assert Client.objects.count() == 206
    priya = Client.objects.get(user__username="client")
    assert priya.current_crs > 400 and priya.language_results.exists()
    ages = Client.objects.aggregate(Min("birth_date"), Max("birth_date"))
    assert (ages["birth_date__max"] - ages["birth_date__min"]).days > 20 * 365
    assert set(Client.objects.values_list("marital_status", flat=True)) >= {
        "married",
        "never_married",
    }
    assert LanguageTestResult.objects.filter(test__in=["tef", "tcf"]).exists()
    assert Client.objects.exclude(nominated_on=None).exists()
    per_firm = dict(Client.objects.values_list("firm__name").annotate(Count("id")))
    assert per_firm == {"Maple Route Immigration": 126, "Northern Lights Consulting": 80}
