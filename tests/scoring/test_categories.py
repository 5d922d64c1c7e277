"""Category versions as data (category-nocs.md): list sizes, dates, lookup by key.

Matching IRCC's round names to versions is the importer's (tests/draws/test_import.py).
"""

import csv
from datetime import date
from pathlib import Path

import pytest

from scoring.categories import (
    CATEGORIES,
    ExperienceRule,
    categories_in_force,
    category_by_key,
)

NOC_CSV = Path(__file__).resolve().parents[2] / "scoring" / "data" / "noc2021.csv"


@pytest.mark.parametrize(
    ("key", "size"),
    [
        ("healthcare-2023-v1", 35), ("stem-2023-v1", 24), ("trade-2023-v1", 10),
        ("transport-2023-v1", 10), ("agriculture-2023-v1", 3),
        ("healthcare-social-2025-v2", 37), ("stem-2025-v2", 11), ("trade-2025-v2", 25),
        ("education-2025-v1", 5), ("agriculture-2025-v2", 1),
        ("healthcare-social-2026-v3", 37), ("stem-2026-v3", 11), ("trade-2026-v3", 25),
        ("education-2026-v2", 5), ("transport-2026-v2", 4), ("physicians-2026-v1", 3),
        ("researchers-2026-v1", 2), ("senior-managers-2026-v1", 4), ("military-2026-v1", 3),
        ("french-2023-v1", 0), ("french-2026-v2", 0),
    ],
)  # fmt: skip
def test_each_version_lists_the_documented_number_of_codes(key, size):
    assert len(category_by_key(key).nocs) == size


def test_keys_are_unique():
    assert len({c.key for c in CATEGORIES}) == len(CATEGORIES)


def test_2026_trades_swap_cooks_for_butchers():
    assert "63200" in category_by_key("trade-2025-v2").nocs
    assert "63200" not in category_by_key("trade-2026-v3").nocs
    assert "63201" in category_by_key("trade-2026-v3").nocs


def test_senior_managers_exclude_legislators_and_government_managers():
    assert {"00010", "00011"}.isdisjoint(category_by_key("senior-managers-2026-v1").nocs)


def test_2026_lists_use_the_12_month_rule_and_earlier_lists_6_months_continuous():
    for category in CATEGORIES:
        if category.french_only:
            assert category.experience_rule is None
        elif category.in_force_from >= date(2026, 2, 18):
            assert category.experience_rule is ExperienceRule.TWELVE_MONTHS_IN_3_YEARS
        else:
            assert category.experience_rule is ExperienceRule.SIX_MONTHS_CONTINUOUS


def test_only_the_with_canadian_experience_categories_need_canadian_work():
    canadian = {c.key for c in CATEGORIES if c.canadian_experience_only}
    assert canadian == {"physicians-2026-v1", "researchers-2026-v1", "senior-managers-2026-v1"}


def test_2024_uses_the_2023_lists():
    keys = {c.key for c in categories_in_force(date(2024, 6, 1))}
    assert keys == {
        "french-2023-v1", "healthcare-2023-v1", "stem-2023-v1", "trade-2023-v1",
        "transport-2023-v1", "agriculture-2023-v1",
    }  # fmt: skip


def test_2025_has_education_and_no_transport():
    keys = {c.key for c in categories_in_force(date(2025, 6, 1))}
    assert "education-2025-v1" in keys
    assert not any(key.startswith("transport") for key in keys)


def test_2026_has_no_agriculture():
    keys = {c.key for c in categories_in_force(date(2026, 6, 1))}
    assert not any(key.startswith("agriculture") for key in keys)
    assert "military-2026-v1" in keys


def test_french_version_2_starts_with_its_first_round():
    assert category_by_key("french-2023-v1").in_force(date(2026, 2, 5))
    assert not category_by_key("french-2023-v1").in_force(date(2026, 2, 6))
    assert category_by_key("french-2026-v2").in_force(date(2026, 2, 6))


def test_unknown_key_raises_key_error():
    with pytest.raises(KeyError):
        category_by_key("nope")


def test_every_listed_code_is_a_noc_2021_unit_group():
    with NOC_CSV.open(encoding="utf-8") as handle:
        units = {row["code"] for row in csv.DictReader(handle) if row["level"] == "unit_group"}
    for category in CATEGORIES:
        assert category.nocs <= units, (category.key, sorted(category.nocs - units))
