"""Every CRS number, as lookup tables, and the rule versions by effective date.

Source of every number: the team reference ``crs-rules.md`` (section cited on each table).
The IRCC source behind it is "CRIT" (canada.ca "Comprehensive Ranking System criteria", through
the copies listed in §0) and the Ministerial Instructions (MI) named in each comment.

Column-pair tables are indexed ``[with_spouse]``: index 0 (False) is the "without spouse" column,
index 1 (True) the "with accompanying spouse" column, so the engine indexes them with the bool.
Level-indexed tables run over CLB/NCLC 0..12 (0 = "less than CLB 4").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from scoring.errors import InvalidInput
from scoring.text import N_, T_
from scoring.types import Education


def _by_level(bands: dict[int, int]) -> tuple[int, ...]:
    """Expand {lowest CLB of a band: points} to a tuple over CLB 0..12."""
    points, table = 0, []
    for clb in range(13):
        points = bands.get(clb, points)
        table.append(points)
    return tuple(table)


# §1 caps (MI-2016 s.8(2); CRIT). In force since 2015-01-01.
CORE_MAX = (500, 460)
SPOUSE_MAX = 40
TRANSFERABILITY_GROUP_CAP = 50  # §4: education group, foreign-work group, certificate
TRANSFERABILITY_CAP = 100
ADDITIONAL_CAP = 600
TOTAL_CAP = 1200

# §2.1 Age, completed years, index min(age, 45). CRIT via pathtopr et al.; all agree. 2015-01-01.
_AGE_ROWS = {  # age: (without spouse, with spouse)
    18: (99, 90), 19: (105, 95), **dict.fromkeys(range(20, 30), (110, 100)),
    30: (105, 95), 31: (99, 90), 32: (94, 85), 33: (88, 80), 34: (83, 75), 35: (77, 70),
    36: (72, 65), 37: (66, 60), 38: (61, 55), 39: (55, 50), 40: (50, 45), 41: (39, 35),
    42: (28, 25), 43: (17, 15), 44: (6, 5),
}  # fmt: skip
AGE_LAST_ROW = 45  # 45 and older: 0 points
AGE_POINTS = tuple(
    tuple(_AGE_ROWS.get(age, (0, 0))[col] for age in range(AGE_LAST_ROW + 1)) for col in (0, 1)
)

# §2.2 Level of education (MI s.11; CRIT); all agree. 2015-01-01.
_EDUCATION_ROWS = {  # level: (without spouse, with spouse, spouse factor §3)
    Education.NONE: (0, 0, 0),
    Education.SECONDARY: (30, 28, 2),
    Education.ONE_YEAR: (90, 84, 6),
    Education.TWO_YEAR: (98, 91, 7),
    Education.BACHELORS: (120, 112, 8),
    Education.TWO_OR_MORE: (128, 119, 9),
    Education.MASTERS: (135, 126, 10),
    Education.DOCTORAL: (150, 140, 10),
}
EDUCATION_POINTS = tuple({e: row[col] for e, row in _EDUCATION_ROWS.items()} for col in (0, 1))
SPOUSE_EDUCATION_POINTS = {e: row[2] for e, row in _EDUCATION_ROWS.items()}

# §2.3 First official language, points per ability (CRIT via focalpoint, kados, acroxcanada;
# lylaminju; MapleGuard); all agree. 2015-01-01.
FIRST_LANGUAGE_POINTS = (
    _by_level({4: 6, 6: 9, 7: 17, 8: 23, 9: 31, 10: 34}),  # without spouse, max 136
    _by_level({4: 6, 6: 8, 7: 16, 8: 22, 9: 29, 10: 32}),  # with spouse, max 128
)

# §2.4 Second official language, per ability, both columns; 4-ability total capped at 24 without
# spouse, 22 with (CRIT; lylaminju "caps second-language"); all agree. 2015-01-01.
SECOND_LANGUAGE_POINTS = _by_level({5: 1, 7: 3, 9: 6})
SECOND_LANGUAGE_CAP = (24, 22)

# §2.5 Canadian skilled work experience, index min(years, 5) (CRIT; lylaminju; MapleGuard).
CANADIAN_EXPERIENCE_POINTS = ((0, 40, 53, 64, 72, 80), (0, 35, 46, 56, 63, 70))
CANADIAN_EXPERIENCE_LAST_ROW = 5  # 5 years or more; the spouse's table has the same rows (§3)

# §3 Spouse factors (CRIT via focalpoint, immigration.ca; lylaminju; MapleGuard); all agree.
SPOUSE_LANGUAGE_POINTS = _by_level({5: 1, 7: 3, 9: 5})  # per ability, max 20
SPOUSE_CANADIAN_EXPERIENCE_POINTS = (0, 5, 7, 8, 9, 10)  # index min(years, 5)

# §4 Skill transferability (CRIT via Neuron; MI s.21-24 via canadavisa; MI-2016 clarification that
# master's, professional and doctoral degrees are the upper tier; lylaminju; vitest). MapleGuard's
# lower tier for master's/PhD is a known bug (§12.1); a bachelor's is the lower tier (§12.2).
EDUCATION_TIER = {
    Education.NONE: 0,
    Education.SECONDARY: 0,
    Education.ONE_YEAR: 1,
    Education.TWO_YEAR: 1,
    Education.BACHELORS: 1,
    Education.TWO_OR_MORE: 2,
    Education.MASTERS: 2,
    Education.DOCTORAL: 2,
}
FOREIGN_TIER = (0, 1, 1, 2)  # index min(foreign years, 3): F0 / F1 (1-2 yrs) / F2 (3+ yrs)
FOREIGN_LAST_ROW = 3
# (a) education x language and (c) foreign work x language, [tier][minimum first-language CLB]:
# CLB 7+ on all four with one under 9 -> 13 / 25; CLB 9+ on all four -> 25 / 50.
LANGUAGE_COMBINATION_POINTS = (
    _by_level({}),
    _by_level({7: 13, 9: 25}),
    _by_level({7: 25, 9: 50}),
)
# (b) education x Canadian work and (d) foreign work x Canadian work, [tier][min(Canadian yrs, 2)].
CANADIAN_COMBINATION_POINTS = ((0, 0, 0), (0, 13, 25), (0, 25, 50))
# (e) certificate of qualification x language, [minimum first-language CLB]: CLB 5+ with one
# under 7 -> 25; CLB 7+ on all four -> 50.
CERTIFICATE_POINTS = _by_level({5: 25, 7: 50})

# §5 Additional points. French bonus needs NCLC 7+ on all four French abilities (first or second
# language alike, lylaminju `frenchLanguageAdditional`).
FRENCH_MIN_NCLC = 7
# The bilingual (higher) French bonus needs English CLB 5+ on *all four*; mixed English (one
# ability at CLB 4 or less) gets the lower bonus. This is the reference's reading of IRCC's wording
# ("CLB 5 or higher on all four"), matching lylaminju; not checked on the official tool (§5, §13).
FRENCH_ENGLISH_MIN_CLB = 5


@dataclass(frozen=True, slots=True)
class RuleVersion:
    """The additional-points rules in force from ``effective`` (crs-rules.md §10 table).

    Core, spouse and transferability grids are the same in every version (§10), so only the
    additional-points values vary here.
    """

    id: str
    effective: date
    description: str
    job_offer_noc_00: int
    job_offer_other: int
    canadian_education_short: int  # 1- or 2-year Canadian credential
    canadian_education_long: int  # 3+-year Canadian credential, master's, professional, PhD
    french_english_low: int  # French NCLC 7+ all 4 and English CLB 4 or less / no English
    french_english_high: int  # French NCLC 7+ all 4 and English CLB 5+ on all 4
    sibling: int
    provincial_nomination: int = 600


# §10 rule versions ("Rule versions a date-aware calculator needs"); only additional points vary,
# and each version is written as what it changed from the one before.
# 2014 CIC News launch article; meurrensonimmigration.com: PNP or LMIA job offer, 600 each.
R2015 = RuleVersion(
    id="R2015",
    effective=date(2015, 1, 1),
    description=N_("Launch: 600 for a provincial nomination or an LMIA-backed job offer"),
    job_offer_noc_00=600,
    job_offer_other=600,
    canadian_education_short=0,
    canadian_education_long=0,
    french_english_low=0,
    french_english_high=0,
    sibling=0,
)
# MI 2016-1 (Canada Gazette Vol. 150 No. 46), in force 2016-11-19.
R2016 = replace(
    R2015,
    id="R2016",
    effective=date(2016, 11, 19),
    description=N_("Job offer 200 (NOC 00) / 50; Canadian education 15 / 30"),
    job_offer_noc_00=200,
    job_offer_other=50,
    canadian_education_short=15,
    canadian_education_long=30,
)
# MI 2017-1 (canada.ca "amending-express-entry-system-2017"), in force 2017-06-06.
R2017 = replace(
    R2016,
    id="R2017",
    effective=date(2017, 6, 6),
    description=N_("Sibling in Canada 15; French 15 / 30"),
    french_english_low=15,
    french_english_high=30,
    sibling=15,
)
# French bonus 25 / 50. The IRCC press release announcing it is dated 2020-10-27; BAL, Envoy and
# jpier say points were awarded from 2020-10-20 (§10, §12.8). We use the press-release date,
# IRCC's own word; no round was held between 2020-10-14 and 2020-11-05, so no draw depends on it.
R2020 = replace(
    R2017,
    id="R2020",
    effective=date(2020, 10, 27),
    description=N_("French 25 / 50"),
    french_english_low=25,
    french_english_high=50,
)
# March 25, 2025 version of the MI removed arranged-employment points (business-standard.com,
# immigration-nation.ca, fvbb.com quoting CIC News); all agree.
R2025 = replace(
    R2020,
    id="R2025",
    effective=date(2025, 3, 25),
    description=N_("No job-offer points"),
    job_offer_noc_00=0,
    job_offer_other=0,
)
RULE_VERSIONS = (R2015, R2016, R2017, R2020, R2025)
_EFFECTIVE_DATES = tuple(version.effective for version in RULE_VERSIONS)


def _first_day(applies: Callable[[RuleVersion], bool]) -> date:
    """The effective date of the first version for which ``applies`` holds."""
    return next(version.effective for version in RULE_VERSIONS if applies(version))


# The dates that labels and messages name ("No French bonus before 2017-06-06"), read from the
# versions so that a corrected date changes every sentence that mentions it.
EXPRESS_ENTRY_START = R2015.effective
FRENCH_BONUS_FROM = _first_day(lambda version: version.french_english_high > 0)
SIBLING_POINTS_FROM = _first_day(lambda version: version.sibling > 0)
NO_JOB_OFFER_POINTS_FROM = _first_day(lambda version: version.job_offer_other == 0)
BEFORE_EXPRESS_ENTRY = T_("Express Entry scores exist from %(day)s on.", day=EXPRESS_ENTRY_START)


def rules_on(on: date) -> RuleVersion:
    """The rule version in force on ``on``; InvalidInput("as_of") before Express Entry began."""
    index = bisect_right(_EFFECTIVE_DATES, on)
    if index == 0:
        raise InvalidInput("as_of", BEFORE_EXPRESS_ENTRY)
    return RULE_VERSIONS[index - 1]
