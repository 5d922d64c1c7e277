"""Proof of settlement funds for FSW and FST (IRPR R76(1)(b)), by effective date and family size.

Source: ``settlement-funds.md`` (compiled 2026-12-01 from copies of canada.ca's proof-funds page
and news of each update). Each amount is half of Statistics Canada's low-income cut-off for urban
areas of 500,000 or more. Where the sources disagree the table takes:
- 2015-01-01 to 2016-01-11: the 2014 table (11,824 for one person), the only dated amounts found;
  a 2015 update probably existed and was not found (C1).
- 2017: effective 2017-01-05, the date of IRCC's notice as CIC News reported it; three copies say
  the amounts bind applications from 2017-01-27 (C3).
- 2018: the copies of IRCC's page (12,475 ...), one dollar above CIC News' figures (C4).
- 2019: the day is not published; 2019-01-01 is assumed (C5).
- 2021: in force by 2021-07-07, the earliest date any copy shows (C7).
- 2026: no newer table found; the 2025 table is still in force (C12).
Tables with no amount per extra person ("7 or more") ask the 7-person amount of larger families.

A profile created before an update may keep the previous amount until the update-by deadline
IRCC gives; ``funds_needed`` applies that grace when told when the profile was created.
Family size counts the candidate, the spouse or partner and every dependent child, whether or not
they come to Canada. Before 2017-10-24 children counted only under 19; the caller's count is
taken as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["TABLES", "FundsTable", "funds_needed", "table_on"]


@dataclass(frozen=True, slots=True)
class FundsTable:
    effective: date
    amounts: tuple[int, int, int, int, int, int, int]  # family of 1 to 7, CAD
    each_extra: int | None  # added per person beyond 7; None: "7 or more" pay the 7 amount
    update_by: date | None = None  # profiles created before ``effective`` may wait until then

    def amount(self, family_size: int) -> int:
        size = max(family_size, 1)
        if size <= 7:
            return self.amounts[size - 1]
        return self.amounts[6] + (size - 7) * (self.each_extra or 0)


TABLES = (
    FundsTable(date(2015, 1, 1), (11824, 14720, 18097, 21971, 24920, 28105, 31291), None),
    FundsTable(date(2016, 1, 12), (12164, 15143, 18617, 22603, 25636, 28913, 32191), None),
    FundsTable(date(2017, 1, 5), (12300, 15312, 18825, 22856, 25923, 29236, 32550), 3314),
    FundsTable(date(2018, 1, 5), (12475, 15531, 19093, 23181, 26292, 29652, 33014), 3361),
    FundsTable(date(2019, 1, 1), (12669, 15772, 19390, 23542, 26701, 30114, 33528), 3414),
    FundsTable(
        date(2020, 1, 1), (12960, 16135, 19836, 24083, 27315, 30806, 34299), 3492,
        update_by=date(2020, 2, 25),
    ),
    FundsTable(
        date(2021, 7, 7), (13213, 16449, 20222, 24553, 27847, 31407, 34967), 3560,
        update_by=date(2021, 7, 15),
    ),
    FundsTable(
        date(2022, 6, 9), (13310, 16570, 20371, 24733, 28052, 31638, 35224), 3586,
        update_by=date(2022, 6, 8),
    ),
    FundsTable(date(2023, 4, 25), (13757, 17127, 21055, 25564, 28994, 32700, 36407), 3706),
    FundsTable(
        date(2024, 5, 28), (14690, 18288, 22483, 27297, 30690, 34917, 38875), 3958,
        update_by=date(2024, 5, 27),
    ),
    FundsTable(
        date(2025, 7, 7), (15263, 19001, 23360, 28362, 32168, 36280, 40392), 4112,
        update_by=date(2025, 7, 28),
    ),
)  # fmt: skip


def table_on(on: date, *, profile_created_on: date | None = None) -> FundsTable:
    """The table that binds on ``on``: the last one in force, or the one before it while a
    profile created before the update is within the update-by deadline."""
    in_force = [i for i, t in enumerate(TABLES) if t.effective <= on] or [0]
    index = in_force[-1]
    table = TABLES[index]
    if (
        index > 0
        and profile_created_on is not None
        and profile_created_on < table.effective
        and table.update_by is not None
        and on <= table.update_by
    ):
        return TABLES[index - 1]
    return table


def funds_needed(family_size: int, on: date, *, profile_created_on: date | None = None) -> int:
    """CAD a family of ``family_size`` must show on ``on`` (see ``table_on``)."""
    return table_on(on, profile_created_on=profile_created_on).amount(family_size)
