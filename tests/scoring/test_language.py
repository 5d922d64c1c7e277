"""Language conversion boundaries (crs-rules.md §6) and result expiry (§9)."""

from datetime import date

import pytest

from scoring.engine import score
from scoring.types import LanguageResult
from tests.scoring.builders import candidate

ABILITIES = ("listening", "reading", "writing", "speaking")


def level_of(test, ability, raw, test_date=None):
    scores = dict.fromkeys(ABILITIES, LOWEST[test])
    scores[ability] = raw
    result = LanguageResult(test, *(scores[a] for a in ABILITIES), test_date=test_date)
    return result.levels[ABILITIES.index(ability)]


LOWEST = {"ielts": 0, "celpip": 0, "pte_core": 10, "tef": 0, "tcf": 0}


def boundary_cases(thresholds, step, first_level=4):
    """(raw, expected level) at each threshold and one step below it."""
    cases = []
    for offset, threshold in enumerate(thresholds):
        level = first_level + offset
        cases.append((threshold, level))
        cases.append((threshold - step, level - 1 if offset else 0))
    return cases


# §6.1 IELTS General Training minimum bands for CLB 4..10.
IELTS = {
    "listening": (4.5, 5.0, 5.5, 6.0, 7.5, 8.0, 8.5),
    "reading": (3.5, 4.0, 5.0, 6.0, 6.5, 7.0, 8.0),
    "writing": (4.0, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5),
    "speaking": (4.0, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5),
}


@pytest.mark.parametrize(
    ("ability", "raw", "expected"),
    [(a, raw, lvl) for a, t in IELTS.items() for raw, lvl in boundary_cases(t, 0.5)],
)
def test_ielts_band_boundary(ability, raw, expected):
    assert level_of("ielts", ability, raw) == expected


def test_ielts_listening_7_5_is_clb_8_and_8_0_is_clb_9():
    assert level_of("ielts", "listening", 7.5) == 8
    assert level_of("ielts", "listening", 8.0) == 9


def test_ielts_9_is_clb_10():
    assert level_of("ielts", "reading", 9) == 10


# §6.2 CELPIP-General: 4..9 = CLB 4..9; 10, 11, 12 = CLB 10+; 0..3 below CLB 4.
@pytest.mark.parametrize(
    ("raw", "expected"),
    [(0, 0), (3, 0), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10), (11, 10), (12, 10)],
)
def test_celpip_level_maps_to_clb(raw, expected):
    for ability in ABILITIES:
        assert level_of("celpip", ability, raw) == expected


def test_celpip_9_is_clb_9_and_10_is_clb_10():
    assert level_of("celpip", "writing", 9) == 9
    assert level_of("celpip", "writing", 10) == 10


def test_celpip_m_is_below_clb_4():
    assert level_of("celpip", "speaking", "M") == 0


# §6.3 PTE Core lower bounds for CLB 3..10.
PTE = {
    "reading": (24, 33, 42, 51, 60, 69, 78, 88),
    "writing": (32, 41, 51, 60, 69, 79, 88, 90),
    "listening": (18, 28, 39, 50, 60, 71, 82, 89),
    "speaking": (34, 42, 51, 59, 68, 76, 84, 89),
}


@pytest.mark.parametrize(
    ("ability", "raw", "expected"),
    [(a, raw, lvl) for a, t in PTE.items() for raw, lvl in boundary_cases(t, 1, first_level=3)],
)
def test_pte_core_range_boundary(ability, raw, expected):
    assert level_of("pte_core", ability, raw) == expected


def test_pte_core_writing_89_is_clb_9_and_90_is_clb_10():
    assert level_of("pte_core", "writing", 89) == 9
    assert level_of("pte_core", "writing", 90) == 10


# §6.4 TEF Canada, three tables by test date.
TEF_2023 = {
    "reading": (306, 352, 393, 434, 462, 503, 546),
    "writing": (268, 330, 379, 428, 472, 512, 558),
    "listening": (306, 352, 393, 434, 462, 503, 546),
    "speaking": (328, 387, 422, 456, 494, 518, 556),
}
TEF_2019 = dict.fromkeys(ABILITIES, (300, 350, 400, 450, 500, 533, 566))
TEF_OLD = {
    "reading": (121, 151, 181, 207, 233, 248, 263),
    "writing": (181, 226, 271, 310, 349, 371, 393),
    "listening": (145, 181, 217, 249, 280, 298, 316),
    "speaking": (181, 226, 271, 310, 349, 371, 393),
}
TEF_ERAS = [
    (TEF_2023, date(2023, 12, 11)),
    (TEF_2023, date(2025, 6, 1)),
    (TEF_2019, date(2019, 10, 1)),
    (TEF_2019, date(2023, 12, 10)),
    (TEF_OLD, date(2019, 9, 30)),
    (TEF_OLD, date(2018, 1, 1)),
]


@pytest.mark.parametrize(
    ("ability", "raw", "expected", "tested"),
    [
        (a, raw, lvl, tested)
        for table, tested in TEF_ERAS
        for a, t in table.items()
        for raw, lvl in boundary_cases(t, 1)
    ],
)
def test_tef_boundary_in_the_table_of_its_test_date(ability, raw, expected, tested):
    assert level_of("tef", ability, raw, tested) == expected


def test_tef_reading_300_is_nclc_10_before_2019_10_01_and_nclc_4_from_then():
    assert level_of("tef", "reading", 300, date(2019, 9, 30)) == 10
    assert level_of("tef", "reading", 300, date(2019, 10, 1)) == 4


def test_tef_speaking_499_is_nclc_7_on_2023_12_10_and_nclc_8_after():
    assert level_of("tef", "speaking", 499, date(2023, 12, 10)) == 7
    assert level_of("tef", "speaking", 499, date(2023, 12, 11)) == 8


def test_tef_writing_428_is_nclc_6_on_2023_12_10_and_nclc_7_after():
    assert level_of("tef", "writing", 428, date(2023, 12, 10)) == 6
    assert level_of("tef", "writing", 428, date(2023, 12, 11)) == 7


# §6.5 TCF Canada.
TCF = {
    "reading": (342, 375, 406, 453, 499, 524, 549),
    "writing": (4, 6, 7, 10, 12, 14, 16),
    "listening": (331, 369, 398, 458, 503, 523, 549),
    "speaking": (4, 6, 7, 10, 12, 14, 16),
}


@pytest.mark.parametrize(
    ("ability", "raw", "expected"),
    [(a, raw, lvl) for a, t in TCF.items() for raw, lvl in boundary_cases(t, 1)],
)
def test_tcf_boundary(ability, raw, expected):
    assert level_of("tcf", ability, raw) == expected


def test_tcf_top_scores_are_nclc_10():
    assert LanguageResult("tcf", 699, 699, 20, 20).levels == (10, 10, 10, 10)


@pytest.mark.parametrize("test", ["clb", "nclc"])
def test_levels_given_directly_are_kept(test):
    assert LanguageResult(test, 12, 7, 4, 0).levels == (12, 7, 4, 0)


@pytest.mark.parametrize(
    ("test", "french"),
    [("ielts", False), ("celpip", False), ("pte_core", False), ("clb", False),
     ("tef", True), ("tcf", True), ("nclc", True)],
)  # fmt: skip
def test_each_test_is_english_or_french(test, french):
    raw = 80 if test == "pte_core" else 8
    result = LanguageResult(test, raw, raw, raw, raw, test_date=date(2025, 1, 1))
    assert result.is_french is french


def test_result_is_valid_the_day_before_its_second_anniversary():
    result = LanguageResult("clb", 9, 9, 9, 9, test_date=date(2024, 11, 25))
    assert not result.expired(date(2026, 11, 24))


def test_result_expires_on_its_second_anniversary():
    result = LanguageResult("clb", 9, 9, 9, 9, test_date=date(2024, 11, 25))
    assert result.expired(date(2026, 11, 25))


def test_leap_day_result_expires_on_28_february():
    result = LanguageResult("clb", 9, 9, 9, 9, test_date=date(2024, 2, 29))
    assert result.expires_on == date(2026, 2, 28)


def test_result_without_a_test_date_never_expires():
    assert not LanguageResult("clb", 9, 9, 9, 9).expired(date(2099, 1, 1))


def test_expired_first_language_earns_nothing_and_is_reported():
    c = candidate(first_language=LanguageResult("clb", 9, 9, 9, 9, test_date=date(2024, 11, 25)))
    breakdown = score(c, date(2026, 11, 25))
    first = next(line for line in breakdown.lines if line.factor == "first_language")
    assert first.points == 0
    assert breakdown.expired == ("first_language",)


def test_expired_first_language_earns_its_points_the_day_before():
    c = candidate(first_language=LanguageResult("clb", 9, 9, 9, 9, test_date=date(2024, 11, 25)))
    breakdown = score(c, date(2026, 11, 24))
    assert breakdown.expired == ()
    assert breakdown.core_human_capital == 110 + 30 + 124
