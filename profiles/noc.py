"""NOC 2021 unit groups (scoring/data/noc2021.csv, Statistics Canada), loaded once per process."""

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

NOC_CSV = Path(__file__).resolve().parent.parent / "scoring" / "data" / "noc2021.csv"


class Occupation(NamedTuple):
    code: str
    title: str  # English, as work periods store it
    teer: int
    title_fr: str = ""  # Statistics Canada's French title (empty when the file has none)


@cache
def unit_groups() -> dict[str, Occupation]:
    """Every 5-digit NOC 2021 unit group by code. Work periods are recorded at this level."""
    with NOC_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Occupation(
                row["code"], row["title_en"], int(row["teer"]), row.get("title_fr") or ""
            )
            for row in csv.DictReader(handle)
            if row["level"] == "unit_group"
        }


def occupation(code: str) -> Occupation | None:
    return unit_groups().get(code.strip())


def shown_title(code: str, title: str, language: str | None) -> str:
    """A work period's title for a reader of ``language``: the NOC's French title in French
    when the stored title is the NOC's own (English) one; a title someone typed stays as typed."""
    found = occupation(code or "")
    if language == "fr" and found is not None and found.title_fr and title == found.title:
        return found.title_fr
    return title
