"""Keep the DrawCategory table a copy of the scoring engine's categories, plus the programs.

``scoring.categories`` is the authority on category versions (occupations, experience rule,
dates in force, feed labels). Copying it by ``key`` means a draw's category can always be handed
back to the engine for eligibility, and the two never disagree: the data migration and every
import call ``sync_categories``.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from scoring.categories import CATEGORIES, Category
from scoring.labels import PROGRAM_NAMES


@dataclass(frozen=True)
class Program:
    key: str  # "fsw", "cec" and "fst" are the program names of scoring.eligibility
    name: str
    labels: tuple[str, ...]  # IRCC's feed round names, as the feed writes them


# The program rounds of IRCC's feed (rounds-data.md §4). "General" is what IRCC called the
# all-program rounds of 2023-12 to 2024-04; earlier ones read "No Program Specified". The three
# programs the engine judges are named in scoring.labels; general and PNP rounds only here.
PROGRAMS: tuple[Program, ...] = (
    Program("general", "General (all programs)", ("No Program Specified", "General")),
    Program("cec", PROGRAM_NAMES["cec"], ("Canadian Experience Class",)),
    Program("fsw", PROGRAM_NAMES["fsw"], ("Federal Skilled Worker",)),
    Program("fst", PROGRAM_NAMES["fst"], ("Federal Skilled Trades",)),
    Program("pnp", "Provincial Nominee Program", ("Provincial Nominee Program",)),
)

_VERSION = re.compile(r"-(\d{4})-v(\d+)$")
_VERSION_TEXT = re.compile(r"^(\d{4})-Version (\d+)$")

# The names the site shows for round types (the rows and scoring.labels keep them in English),
# marked here so the catalogue holds them with IRCC's French names: categories as IRCC's French
# pages name them, programs by their official French names.
ROUND_TYPE_NAMES = (
    gettext_noop("General (all programs)"),
    gettext_noop("Canadian Experience Class"),
    gettext_noop("Federal Skilled Worker"),
    gettext_noop("Federal Skilled Trades"),
    gettext_noop("Provincial Nominee Program"),
    gettext_noop("French-language proficiency"),
    gettext_noop("Healthcare and social services"),
    gettext_noop("Healthcare occupations"),
    gettext_noop("Healthcare and social services occupations"),
    gettext_noop("STEM"),
    gettext_noop("STEM occupations"),
    gettext_noop("Trades"),
    gettext_noop("Trade occupations"),
    gettext_noop("Transport"),
    gettext_noop("Transport occupations"),
    gettext_noop("Agriculture and agri-food"),
    gettext_noop("Agriculture and agri-food occupations"),
    gettext_noop("Education"),
    gettext_noop("Education occupations"),
    gettext_noop("Physicians with Canadian work experience"),
    gettext_noop("Researchers with Canadian work experience"),
    gettext_noop("Senior managers with Canadian work experience"),
    gettext_noop("Skilled military recruits"),
)


def family_label(name: str) -> Promise:
    """A round type's name for the Family choices, said in the reader's language when shown."""
    return gettext_lazy(name)


def category_label(name: str, version: str = "") -> str:
    """ "Healthcare occupations (2023-Version 1)" in the active language."""
    label = gettext(name) if name else name
    if not version:
        return label
    match = _VERSION_TEXT.match(version)
    if match:
        version = gettext("%(year)s-Version %(number)s") % {
            "year": match.group(1),
            "number": match.group(2),
        }
    return f"{label} ({version})"


def normalise_label(label: str) -> str:
    """IRCC changes case and spacing of round names; compare them without either."""
    return " ".join(label.casefold().split())


def version_of(category: Category) -> str:
    """ "2023-Version 1" from the key "healthcare-2023-v1" (scoring's key convention)."""
    match = _VERSION.search(category.key)
    return f"{match.group(1)}-Version {match.group(2)}" if match else ""


def _program_fields(program: Program) -> dict:
    return {
        "name": program.name,
        "version": "",
        "kind": "program",
        "family": program.key,
        "in_force_from": None,
        "in_force_to": None,
        "noc_codes": [],
        "experience_rule": "",
        "feed_labels": list(program.labels),
    }


def _category_fields(category: Category) -> dict:
    return {
        "name": category.name,
        "version": version_of(category),
        "kind": "category",
        "family": str(category.family),
        "in_force_from": category.in_force_from,
        "in_force_to": category.in_force_to,
        "noc_codes": sorted(category.nocs),
        "experience_rule": str(category.experience_rule or ""),
        "feed_labels": list(category.labels),
    }


def wanted_rows() -> dict[str, dict]:
    """Every row the table must hold, by key."""
    rows = {program.key: _program_fields(program) for program in PROGRAMS}
    rows.update({category.key: _category_fields(category) for category in CATEGORIES})
    return rows


def sync_categories(model: type[models.Model]) -> int:
    """Create or update the rows from the engine's data; returns how many rows changed.

    Takes the model class so the data migration can pass its historical model. Rows the engine
    no longer knows are left alone: draws may point at them (PROTECT).
    """
    existing = {row.key: row for row in model.objects.all()}
    changed = 0
    for key, fields in wanted_rows().items():
        row = existing.get(key)
        if row is None:
            model.objects.create(key=key, **fields)
        elif any(getattr(row, name) != value for name, value in fields.items()):
            model.objects.filter(pk=row.pk).update(**fields)
        else:
            continue
        changed += 1
    return changed
