"""Category-based selection versions as pure data (crs-rules.md §8, category-nocs.md).

Each version has its own occupation list and experience rule; the draws app seeds its
``DrawCategory`` table from ``CATEGORIES`` and matches IRCC's round names with ``labels``.
Keys are stable slugs: family, year of the list, and IRCC's version number where the feed shows
one. Version numbers for lists no round has used yet (STEM 2025/2026, Education 2026,
Researchers, Agriculture 2025) are our inference from the numbering of their siblings, and those
versions carry no feed label.

In-force dates: the 2023 lists from the 2023-05-31 announcement (also in force through 2024,
"renewal of 2023 categories", inferred unchanged), the 2025 lists from 2025-02-27, the 2026 lists
from 2026-02-18. French has no list; its "2026-Version 2" label first appears in the round of
2026-02-06, so that version starts then and Version 1 ends the day before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from scoring.text import N_


class Family(StrEnum):
    FRENCH = "french"
    HEALTHCARE = "healthcare"
    STEM = "stem"
    TRADE = "trade"
    TRANSPORT = "transport"
    AGRICULTURE = "agriculture"
    EDUCATION = "education"
    PHYSICIANS = "physicians"
    RESEARCHERS = "researchers"
    SENIOR_MANAGERS = "senior_managers"
    MILITARY = "military"


class ExperienceRule(StrEnum):
    # 2023 and 2025 lists: >= 6 months continuous full-time (or equal part-time) in one listed
    # occupation within the past 3 years, in Canada or abroad (§8; go4visa, imcaconsultancy).
    SIX_MONTHS_CONTINUOUS = "6m_continuous"
    # 2026 lists: >= 12 months (1,560 h) in one listed occupation within the past 3 years, not
    # necessarily continuous (§8; fragomen, saabimmigration, CIC News, financialexpress).
    TWELVE_MONTHS_IN_3_YEARS = "12m_in_3y"


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    family: Family
    name: str
    labels: tuple[str, ...]  # IRCC feed round names for this version (category-nocs.md table)
    in_force_from: date
    in_force_to: date | None  # last day; None while current
    nocs: frozenset[str]
    experience_rule: ExperienceRule | None  # None for French (no occupation or experience rule)
    canadian_experience_only: bool = False
    french_only: bool = False

    def in_force(self, on: date) -> bool:
        return self.in_force_from <= on and (self.in_force_to is None or on <= self.in_force_to)


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LISTS_2023 = date(2023, 5, 31)
_LISTS_2025 = date(2025, 2, 27)
_LISTS_2026 = date(2026, 2, 18)
_END_2023 = date(2025, 2, 26)
_END_2025 = date(2026, 2, 17)
_SIX = ExperienceRule.SIX_MONTHS_CONTINUOUS
_TWELVE = ExperienceRule.TWELVE_MONTHS_IN_3_YEARS

# category-nocs.md §A1 (35 codes; go4visa, gospelimmigration, ainit; matches the 2025 delta).
HEALTHCARE_2023 = _codes("""
    31100 31101 31102 31103 31110 31111 31112 31121 31200 31201 31202 31203 31204 31209 31300
    31301 31302 31303 32101 32102 32103 32109 32120 32121 32122 32200 32201 32209 33101 33102
    33103 33109 41301 41320 42203
""")
# §B1 = §C1 (37 codes): §A1 - {31204 32200 32209 33109 41320 42203} + {31120 32104 32111 32123
# 32124 32129 41300 42201}; equals MapleGuard's 2026 list. visavio.ca's "36" is unsupported (§12.7).
HEALTHCARE_SOCIAL_2025 = (HEALTHCARE_2023 - _codes("31204 32200 32209 33109 41320 42203")) | _codes(
    "31120 32104 32111 32123 32124 32129 41300 42201"
)
# §A2 (24 codes; imcaconsultancy.com 2023-07-24, consistent with "removed 19, added 6").
STEM_2023 = _codes("""
    20010 20011 20012 21200 21201 21202 21203 21210 21211 21220 21221 21222 21223 21230 21231
    21232 21233 21234 21300 21310 21311 21321 21322 41400
""")
# §B4, also the 2026 list (§C3 note): 11 codes (casimmigration.com; both 2026 code files).
STEM_2025 = _codes("20011 21220 21300 21301 21310 21321 21331 22300 22301 22310 63100")
# §A3 (10 codes). 72310, 72400, 72402 and 72405 are from the compiler's memory, supported by the
# 2025 delta ("19 added, 4 removed") but partly unverified (§13).
TRADE_2023 = _codes("72014 72106 72200 72300 72310 72400 72402 72405 72406 73200")
# §B2 (25 codes; unaimmi, visasavenue, askmigration agree), including 63200 Cooks.
TRADE_2025 = _codes("""
    22303 63200 70010 70011 72100 72102 72106 72200 72201 72300 72302 72310 72311 72320 72400
    72401 72402 72422 72501 72999 73100 73110 73112 73113 82021
""")
# §C2: the 2025 list with 63200 Cooks replaced by 63201 Butchers (both code files; canadianow).
TRADE_2026 = (TRADE_2025 - {"63200"}) | {"63201"}
# §A4 (10 codes; poonahimmigrationlaw, canapprove agree).
TRANSPORT_2023 = _codes("70020 72403 72404 72600 72601 72602 72603 72604 73300 93200")
# §C4 (4 codes; CIC News, immicalculator, visaverge, both code files agree).
TRANSPORT_2026 = _codes("22313 72404 72410 72600")
# §A5 (3 codes; bluebird, bartlaw, canadianow; no single stored table lists all three).
AGRICULTURE_2023 = _codes("63201 82030 82031")
# §B5 (1 code; canadianow 2026-03-03, bartlaw).
AGRICULTURE_2025 = _codes("63201")
# §B3 = §C3 (5 codes; MapleGuard, bartlaw, CIC News agree).
EDUCATION_2025 = _codes("41220 41221 42202 42203 43100")
# §C5-§C8 (2026 only; redim.ca, fragomen, ehcanadavisa and both code files agree).
PHYSICIANS_2026 = _codes("31100 31101 31102")
SENIOR_MANAGERS_2026 = _codes("00012 00013 00014 00015")  # not 00010 or 00011
RESEARCHERS_2026 = _codes("41200 41201")
# §C8: codes from the code files only. The other conditions reported (recognised foreign military
# service, CAF recruiting job offer, 2-year credential) were not seen in the MI and are not checked.
MILITARY_2026 = _codes("40042 42102 43204")

_NONE: frozenset[str] = frozenset()


def _v(key, family, name, labels, start, end, nocs, rule, *, canada=False, french=False):
    return Category(key, family, name, labels, start, end, nocs, rule, canada, french)


CATEGORIES: tuple[Category, ...] = (
    # 2023 lists (Version 1), in force through 2024.
    _v("french-2023-v1", Family.FRENCH, N_("French-language proficiency"),
       ("French language proficiency (Version 1)",), _LISTS_2023, date(2026, 2, 5), _NONE, None,
       french=True),
    _v("healthcare-2023-v1", Family.HEALTHCARE, N_("Healthcare occupations"),
       ("Healthcare occupations (Version 1)",), _LISTS_2023, _END_2023, HEALTHCARE_2023, _SIX),
    _v("stem-2023-v1", Family.STEM, N_("STEM occupations"),
       ("STEM occupations (Version 1)",), _LISTS_2023, _END_2023, STEM_2023, _SIX),
    _v("trade-2023-v1", Family.TRADE, N_("Trade occupations"),
       ("Trade occupations (Version 1)",), _LISTS_2023, _END_2023, TRADE_2023, _SIX),
    _v("transport-2023-v1", Family.TRANSPORT, N_("Transport occupations"),
       ("Transport occupations (Version 1)",), _LISTS_2023, _END_2023, TRANSPORT_2023, _SIX),
    _v("agriculture-2023-v1", Family.AGRICULTURE, N_("Agriculture and agri-food occupations"),
       ("Agriculture and agri-food occupations (Version 1)",), _LISTS_2023, _END_2023,
       AGRICULTURE_2023, _SIX),
    # 2025 lists (from 2025-02-27): Transport removed, Education added.
    _v("healthcare-social-2025-v2", Family.HEALTHCARE,
       N_("Healthcare and social services occupations"),
       ("Healthcare and social services occupations (Version 2)",), _LISTS_2025, _END_2025,
       HEALTHCARE_SOCIAL_2025, _SIX),
    _v("stem-2025-v2", Family.STEM, N_("STEM occupations"), (), _LISTS_2025, _END_2025, STEM_2025,
       _SIX),
    _v("trade-2025-v2", Family.TRADE, N_("Trade occupations"),
       ("Trade occupations (Version 2)",), _LISTS_2025, _END_2025, TRADE_2025, _SIX),
    _v("education-2025-v1", Family.EDUCATION, N_("Education occupations"),
       ("Education occupations (Version 1)",), _LISTS_2025, _END_2025, EDUCATION_2025, _SIX),
    _v("agriculture-2025-v2", Family.AGRICULTURE, N_("Agriculture and agri-food occupations"), (),
       _LISTS_2025, _END_2025, AGRICULTURE_2025, _SIX),
    # 2026 lists (from 2026-02-18): 12 months in 3 years; Agriculture removed.
    _v("french-2026-v2", Family.FRENCH, N_("French-language proficiency"),
       ("French-Language proficiency 2026-Version 2",), date(2026, 2, 6), None, _NONE, None,
       french=True),
    _v("healthcare-social-2026-v3", Family.HEALTHCARE,
       N_("Healthcare and social services occupations"),
       ("Healthcare and Social Services Occupations, 2026-Version 3",), _LISTS_2026, None,
       HEALTHCARE_SOCIAL_2025, _TWELVE),
    _v("stem-2026-v3", Family.STEM, N_("STEM occupations"), (), _LISTS_2026, None, STEM_2025,
       _TWELVE),
    _v("trade-2026-v3", Family.TRADE, N_("Trade occupations"),
       ("Trades Occupations, 2026-Version 3",), _LISTS_2026, None, TRADE_2026, _TWELVE),
    _v("education-2026-v2", Family.EDUCATION, N_("Education occupations"), (), _LISTS_2026, None,
       EDUCATION_2025, _TWELVE),
    _v("transport-2026-v2", Family.TRANSPORT, N_("Transport occupations"),
       ("Transport Occupations, 2026-Version 2",), _LISTS_2026, None, TRANSPORT_2026, _TWELVE),
    _v("physicians-2026-v1", Family.PHYSICIANS, N_("Physicians with Canadian work experience"),
       ("Physicians with Canadian Work Experience, 2026-Version 1",), _LISTS_2026, None,
       PHYSICIANS_2026, _TWELVE, canada=True),
    _v("researchers-2026-v1", Family.RESEARCHERS,
       N_("Researchers with Canadian work experience"), (), _LISTS_2026, None, RESEARCHERS_2026,
       _TWELVE, canada=True),
    _v("senior-managers-2026-v1", Family.SENIOR_MANAGERS,
       N_("Senior managers with Canadian work experience"),
       ("Senior managers with Canadian Work Experience, 2026-Version 1",), _LISTS_2026, None,
       SENIOR_MANAGERS_2026, _TWELVE, canada=True),
    _v("military-2026-v1", Family.MILITARY, N_("Skilled military recruits"),
       ("Skilled Military Recruits, 2026-Version 1",), _LISTS_2026, None, MILITARY_2026, _TWELVE),
)  # fmt: skip

_BY_KEY = {category.key: category for category in CATEGORIES}


def category_by_key(key: str) -> Category:
    """The category version with this slug; KeyError if there is none."""
    return _BY_KEY[key]


def categories_in_force(on: date) -> tuple[Category, ...]:
    """The category versions whose lists are in force on ``on``."""
    return tuple(category for category in CATEGORIES if category.in_force(on))
