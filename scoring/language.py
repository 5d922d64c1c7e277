"""Raw language-test scores to CLB (English) or NCLC (French) levels, and result expiry.

Every table is from ``reference/crs-rules.md`` §6 (IRCC language-test equivalency charts, "LANG").
Each ability converts on its own: a score at or above a threshold gets that level; below the
lowest threshold is "less than CLB 4", stored as level 0 (it earns nothing anywhere).
Every chart's top band is "CLB 10 or more", so converted levels stop at 10; ``clb``/``nclc``
results given directly keep their level (0-12).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from enum import StrEnum

from scoring.dates import years_after
from scoring.errors import ErrorCollector, InvalidInput
from scoring.text import N_, T_


class LanguageTest(StrEnum):
    IELTS = "ielts"  # IELTS General Training (Academic is not accepted, §6)
    CELPIP = "celpip"  # CELPIP-General
    PTE_CORE = "pte_core"  # accepted from 2024-01-30 (§6, §10)
    TEF = "tef"  # TEF Canada
    TCF = "tcf"  # TCF Canada
    CLB = "clb"  # English levels given directly
    NCLC = "nclc"  # French levels given directly


# French tests; the rest are English.
FRENCH_TESTS = frozenset({LanguageTest.TEF, LanguageTest.TCF, LanguageTest.NCLC})
ABILITIES = ("listening", "reading", "writing", "speaking")
# The abilities as words: messages pass the key as a value, and ``tr`` says it in French.
ABILITY_WORDS = {
    "listening": N_("listening"),
    "reading": N_("reading"),
    "writing": N_("writing"),
    "speaking": N_("speaking"),
}
TEST_LABELS = {
    LanguageTest.IELTS: "IELTS",
    LanguageTest.CELPIP: "CELPIP",
    LanguageTest.PTE_CORE: "PTE Core",
    LanguageTest.TEF: "TEF Canada",
    LanguageTest.TCF: "TCF Canada",
    LanguageTest.CLB: "CLB",
    LanguageTest.NCLC: "NCLC",
}

# §9 (MI-2016 s.12(3), MI-2017 s.3(4)): results 2 or more years old earn nothing. We only have the
# test date, not the result date, so we count from the test date (a few days early at worst).
VALIDITY_YEARS = 2

# A table is (first level, ascending thresholds): the score at thresholds[i] earns first + i.
Table = tuple[int, tuple[float, ...]]

# §6.1 IELTS General Training, minimum band per CLB 4..10 (LANG via Neuron, keyapply, van-gate;
# DamianKedzior IeltsPointsCalculator.cs). All agree.
_IELTS: dict[str, Table] = {
    "listening": (4, (4.5, 5.0, 5.5, 6.0, 7.5, 8.0, 8.5)),
    "reading": (4, (3.5, 4.0, 5.0, 6.0, 6.5, 7.0, 8.0)),
    "writing": (4, (4.0, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5)),
    "speaking": (4, (4.0, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5)),
}
# §6.2 CELPIP-General: level 4..9 = CLB 4..9; 10, 11 and 12 = "CLB 10 or more"; M and 0-3 below
# CLB 4 (LANG via Neuron, keyapply, van-gate; lylaminju). All agree.
_CELPIP_TABLE: Table = (4, (4, 5, 6, 7, 8, 9, 10))
_CELPIP = dict.fromkeys(ABILITIES, _CELPIP_TABLE)
# §6.3 PTE Core, lower bound of each range for CLB 3..10 (LANG via Neuron, keyapply). All agree.
_PTE: dict[str, Table] = {
    "listening": (3, (18, 28, 39, 50, 60, 71, 82, 89)),
    "reading": (3, (24, 33, 42, 51, 60, 69, 78, 88)),
    "writing": (3, (32, 41, 51, 60, 69, 79, 88, 90)),
    "speaking": (3, (34, 42, 51, 59, 68, 76, 84, 89)),
}
# §6.4 (a) TEF Canada, tests after 2023-12-10, lower bounds for NCLC 4..10 (LANG via keyapply,
# Neuron; clb.ts). All agree.
_TEF_2023: dict[str, Table] = {
    "listening": (4, (306, 352, 393, 434, 462, 503, 546)),
    "reading": (4, (306, 352, 393, 434, 462, 503, 546)),
    "writing": (4, (268, 330, 379, 428, 472, 512, 558)),
    "speaking": (4, (328, 387, 422, 456, 494, 518, 556)),
}
# §6.4 (b) TEF Canada, tests 2019-10-01 to 2023-12-10: one 0-699 scale for all four abilities.
_TEF_2019 = dict.fromkeys(ABILITIES, (4, (300, 350, 400, 450, 500, 533, 566)))
# §6.4 (c) TEF Canada, tests before 2019-10-01: old scale, reading /300, listening /360, writing
# and speaking /450 (LANG via keyapply, van-gate; clb.ts). All agree.
_TEF_OLD: dict[str, Table] = {
    "listening": (4, (145, 181, 217, 249, 280, 298, 316)),
    "reading": (4, (121, 151, 181, 207, 233, 248, 263)),
    "writing": (4, (181, 226, 271, 310, 349, 371, 393)),
    "speaking": (4, (181, 226, 271, 310, 349, 371, 393)),
}
# §6.5 TCF Canada, lower bounds for NCLC 4..10 (LANG via Neuron, keyapply, van-gate; VocabWise;
# clb.ts; lylaminju). All agree. Reading and listening differ by a point or two at some levels.
_TCF: dict[str, Table] = {
    "listening": (4, (331, 369, 398, 458, 503, 523, 549)),
    "reading": (4, (342, 375, 406, 453, 499, 524, 549)),
    "writing": (4, (4, 6, 7, 10, 12, 14, 16)),
    "speaking": (4, (4, 6, 7, 10, 12, 14, 16)),
}

# §6.4: keyapply says the old table is for tests "before 2019-09-30" and the 0-699 one for
# "2019-10-01 to 2023-12-10"; Neuron says the newest is for tests "after Dec 10, 2023". A test on
# 2019-09-30 fits neither wording; like the reference we treat it as the old scale (unverified).
TEF_2019_SCALE_FROM = date(2019, 10, 1)
# §6 / §10: PTE Core accepted for Express Entry from 2024-01-30 (fairmontimmigration.org,
# msmreporter.com, pelicanmigration.com).
PTE_CORE_ACCEPTED_FROM = date(2024, 1, 30)
TEF_2023_TABLE_FROM = date(2023, 12, 11)

# Valid raw ranges: (lowest, highest, step). TEF's old scale has per-ability maxima (§6.4 c).
_RANGES: dict[LanguageTest, dict[str, tuple[float, float, float]]] = {
    LanguageTest.IELTS: dict.fromkeys(ABILITIES, (0, 9, 0.5)),
    LanguageTest.CELPIP: dict.fromkeys(ABILITIES, (0, 12, 1)),
    LanguageTest.PTE_CORE: dict.fromkeys(ABILITIES, (10, 90, 1)),
    LanguageTest.TEF: dict.fromkeys(ABILITIES, (0, 699, 1)),
    LanguageTest.TCF: {
        "listening": (0, 699, 1),
        "reading": (0, 699, 1),
        "writing": (0, 20, 1),
        "speaking": (0, 20, 1),
    },
    LanguageTest.CLB: dict.fromkeys(ABILITIES, (0, 12, 1)),
    LanguageTest.NCLC: dict.fromkeys(ABILITIES, (0, 12, 1)),
}
_TEF_OLD_MAXIMA = {"listening": 360, "reading": 300, "writing": 450, "speaking": 450}


def tef_era_start(test_date: date) -> date:
    """The first day of the TEF table in force for ``test_date``: a key that stands for it."""
    if test_date >= TEF_2023_TABLE_FROM:
        return TEF_2023_TABLE_FROM
    if test_date >= TEF_2019_SCALE_FROM:
        return TEF_2019_SCALE_FROM
    return date.min


def _tables(test: LanguageTest, test_date: date | None) -> dict[str, Table] | None:
    if test is LanguageTest.IELTS:
        return _IELTS
    if test is LanguageTest.CELPIP:
        return _CELPIP
    if test is LanguageTest.PTE_CORE:
        return _PTE
    if test is LanguageTest.TCF:
        return _TCF
    if test is LanguageTest.TEF:
        assert test_date is not None  # checked by levels()
        if test_date >= TEF_2023_TABLE_FROM:
            return _TEF_2023
        return _TEF_2019 if test_date >= TEF_2019_SCALE_FROM else _TEF_OLD
    return None  # clb / nclc: the score is the level


def _number(test: LanguageTest, ability: str, raw: object, test_date: date | None) -> float:
    """The validated numeric score, or InvalidInput naming the ability."""
    if test is LanguageTest.CELPIP and isinstance(raw, str) and raw.strip().upper() == "M":
        return 0  # CELPIP "M" (minimal proficiency) is below CLB 4 (§6.2)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise InvalidInput(
            ability, T_("Enter a number for the %(test)s score.", test=TEST_LABELS[test])
        )
    low, high, step = _RANGES[test][ability]
    if test is LanguageTest.TEF and test_date is not None and test_date < TEF_2019_SCALE_FROM:
        high = _TEF_OLD_MAXIMA[ability]
    if not low <= raw <= high:
        raise InvalidInput(
            ability,
            T_(
                "%(test)s %(ability)s must be between %(low)s and %(high)s.",
                test=TEST_LABELS[test],
                ability=ability,
                low=low,
                high=high,
            ),
        )
    if (raw / step) != int(raw / step):
        if step == 0.5:
            message = T_(
                "%(test)s %(ability)s must be in steps of 0.5.",
                test=TEST_LABELS[test],
                ability=ability,
            )
        else:
            message = T_(
                "%(test)s %(ability)s must be a whole number.",
                test=TEST_LABELS[test],
                ability=ability,
            )
        raise InvalidInput(ability, message)
    return raw


def level(table: Table, score: float) -> int:
    """The CLB/NCLC level a score earns in one ability's table (0 below the lowest band)."""
    first, thresholds = table
    index = bisect_right(thresholds, score)
    return first + index - 1 if index else 0


def levels(
    test: LanguageTest, scores: tuple[object, object, object, object], test_date: date | None
) -> tuple[int, int, int, int]:
    """CLB/NCLC levels for (listening, reading, writing, speaking).

    Raises InvalidInput naming every bad ability (``"listening"``), or ``"test_date"`` when a
    TEF Canada result has no date (its table depends on it).
    """
    errors = ErrorCollector()
    if test is LanguageTest.TEF and test_date is None:
        errors.add(
            "test_date", N_("TEF Canada results need the test date: the table depends on it.")
        )
    numbers = []
    for ability, raw in zip(ABILITIES, scores, strict=True):
        try:
            numbers.append(_number(test, ability, raw, test_date))
        except InvalidInput as error:
            errors.merge(error)
    errors.raise_if_any()
    tables = _tables(test, test_date)
    if tables is None:
        return tuple(int(n) for n in numbers)  # type: ignore[return-value]
    return tuple(level(tables[a], n) for a, n in zip(ABILITIES, numbers, strict=True))  # type: ignore[return-value]


def expiry_date(test_date: date) -> date:
    """The first day a result taken on ``test_date`` no longer counts (2 years on, §9).

    A 29 February result expires on 28 February (``scoring.dates``' one convention).
    """
    return years_after(test_date, VALIDITY_YEARS)
