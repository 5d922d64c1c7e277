"""The calculator's results write every date one way (YYYY-MM-DD), as the rest of the site."""

import pytest
from django.urls import reverse

from tests.dates import assert_one_date_format

E2 = {
    "as_of": "2026-11-25", "age": "30", "education": "bachelors", "canadian_education": "none",
    "first_language_test": "celpip", "first_language_listening": "9",
    "first_language_reading": "9", "first_language_writing": "9", "first_language_speaking": "9",
    "first_language_test_date": "2025-01-10", "canadian_experience_years": "0",
    "foreign_experience_years": "0", "job_offer": "none", "marital_status": "single",
}  # fmt: skip


# The result shows the outlook, read from the stored draws.
pytestmark = pytest.mark.django_db


def test_the_results_write_the_score_date_rules_date_and_coming_dates_one_way(client):
    page = client.post(reverse("scoring:calculator"), E2).content.decode()
    assert "CRS score on" in page
    assert_one_date_format(page)
