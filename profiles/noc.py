"""NOC 2021 unit groups (scoring/data/noc2021.csv, Statistics Canada), loaded once per process."""

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

NOC_CSV = Path(__file__).resolve().parent.parent / "scoring" / "data" / "noc2021.csv"


class Occupation(NamedTuple):
    code: str
    title: str
    teer: int


@cache
def unit_groups() -> dict[str, Occupation]:
    """Every 5-digit NOC 2021 unit group by code. Work periods are recorded at this level."""
    with NOC_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Occupation(row["code"], row["title_en"], int(row["teer"]))
            for row in csv.DictReader(handle)
            if row["level"] == "unit_group"
        }


def occupation(code: str) -> Occupation | None:
    return unit_groups().get(code.strip())
