"""The French catalogue is whole (issue 15): every message of the project translated, none fuzzy,
the compiled .mo files the same as their .po sources, nothing marked in the code missing from the
catalogue, and the domain terms of eeportal/locale/glossary.csv used the same way everywhere."""

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "eeportal" / "locale"
CATALOGUES = [LOCALE / "fr" / "LC_MESSAGES" / f"{domain}.po" for domain in ("django", "djangojs")]
GLOSSARY = LOCALE / "glossary.csv"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def _entries(path: Path) -> list[polib.POEntry]:
    # A domain with no message yet has no file; the extraction test says if it should have one.
    if not path.exists():
        return []
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


def _translations(catalogue) -> dict[tuple, tuple]:
    found = {}
    for entry in catalogue:
        if not entry.msgid:
            continue
        strings = tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
        found[(entry.msgctxt, entry.msgid)] = strings or (entry.msgstr,)
    return found


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_every_message_has_a_french_translation(path):
    missing = [e.msgid for e in _entries(path) if not e.translated()]
    assert not missing, f"{len(missing)} untranslated in {path.name}, first: {missing[:5]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_no_translation_is_marked_fuzzy(path):
    fuzzy = [e.msgid for e in _entries(path) if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy in {path.name}: {fuzzy[:5]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_the_compiled_catalogue_matches_its_source(path):
    mo = path.with_suffix(".mo")
    if not path.exists():
        assert not mo.exists(), f"{mo.name} has no source"
        return
    assert mo.exists(), f"{mo.name} is missing: run `make messages`"
    source = {k: v for k, v in _translations(_entries(path)).items() if any(v)}
    assert _translations(polib.mofile(str(mo))) == source, f"{mo.name} is stale: `make messages`"


def test_every_marked_string_is_in_the_catalogue(tmp_path):
    """Extracts the messages again from a copy of the project and compares: a string marked in
    the code but never extracted (so never translated) fails here."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (xgettext) is needed: `apt-get install gettext`")
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    skip = shutil.ignore_patterns(".venv", ".git", "node_modules", "staticfiles", "media", "*.pyc")
    shutil.copytree(base, copy, ignore=skip)
    for domain in ("django", "djangojs"):
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", "fr", "-d", domain],
            cwd=copy,
            check=True,
            capture_output=True,
        )
        fresh = copy / "eeportal" / "locale" / "fr" / "LC_MESSAGES" / f"{domain}.po"
        committed = base / "eeportal" / "locale" / "fr" / "LC_MESSAGES" / f"{domain}.po"
        wanted = {(e.msgctxt, e.msgid) for e in _entries(fresh) if e.msgid}
        have = {(e.msgctxt, e.msgid) for e in _entries(committed) if e.msgid}
        assert not wanted - have, (
            f"not in {domain}.po (`make messages`): {sorted(wanted - have)[:5]}"
        )
        assert not have - wanted, f"no longer used in {domain}.po: {sorted(have - wanted)[:5]}"


def _glossary() -> list[dict]:
    with GLOSSARY.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _glossary(), ids=lambda row: row["concept"])
def test_each_domain_term_has_one_french_name_throughout(row):
    english = re.compile(row["en"], re.IGNORECASE)
    french = re.compile(row["fr"], re.IGNORECASE)
    off = []
    for path in CATALOGUES:
        for entry in _entries(path):
            strings = [entry.msgstr, *entry.msgstr_plural.values()]
            # A placeholder's name (%(cutoff)s) is not a word of the text.
            text = PLACEHOLDER.sub(" ", entry.msgid)
            if english.search(text) and not all(french.search(s) for s in strings if s):
                off.append(f"{entry.msgid!r} -> {entry.msgstr!r}")
    assert not off, f"{row['concept']} should be {row['fr']!r} in: {off[:5]}"
