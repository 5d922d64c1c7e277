"""Turn the public JSON input (DESIGN.md §3) into a ``Candidate``, with field-level errors.

The API, the ``crs`` command and the calculator form all call ``parse_request`` (and the first
two print with ``scoring.output.result_to_json``). It never reads the clock: the caller passes
``today``, which is the default ``as_of``. Every problem found is
reported at once in one ``InvalidInput`` keyed by field path (``"first_language.listening"``,
``"spouse.education"``); problems with the object itself use the key ``"__all__"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from scoring.dates import years_after
from scoring.errors import ErrorCollector, InvalidInput, clip, quote
from scoring.grouped import grouped
from scoring.language import ABILITIES, PTE_CORE_ACCEPTED_FROM
from scoring.rules import BEFORE_EXPRESS_ENTRY, EXPRESS_ENTRY_START
from scoring.text import N_, T_
from scoring.types import (
    CanadianEducation,
    Candidate,
    Education,
    JobOffer,
    LanguageResult,
    LanguageTest,
    Spouse,
)

__all__ = ["ScoreRequest", "parse_request"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_AGE = 130
_MAX_YEARS = 80
_MAX_AHEAD_YEARS = 10  # the rules ahead are unknown; far dates only overflow the arithmetic
_MAX_FUNDS = 1_000_000_000
_MAX_FAMILY = 30
_CANDIDATE_FIELDS = frozenset(
    {
        "as_of", "birth_date", "age", "education", "canadian_education", "first_language",
        "second_language", "canadian_experience_years", "foreign_experience_years",
        "certificate_of_qualification", "provincial_nomination", "job_offer",
        "sibling_in_canada", "spouse", "settlement_funds", "family_size",
    }
)  # fmt: skip
_LANGUAGE_FIELDS = frozenset({"test", "listening", "reading", "writing", "speaking", "test_date"})
_SPOUSE_FIELDS = frozenset({"education", "language", "canadian_experience_years"})
_REQUIRED = N_("This field is required.")
_PTE_CORE_TOO_EARLY = T_("PTE Core results count from %(day)s on.", day=PTE_CORE_ACCEPTED_FROM)


_WHOLE_YEARS = N_("Enter a whole number of years from 0 to %(most)s.")
_WHOLE_DOLLARS = N_("Enter whole dollars, from %(least)s to %(most)s.")
_PEOPLE = N_("Enter the number of people, from %(least)s to %(most)s.")


class ScoreRequest(NamedTuple):
    as_of: date
    candidate: Candidate


def parse_request(data: object, *, today: date) -> ScoreRequest:
    """Validate one input object; ``as_of`` defaults to ``today``. Raises InvalidInput."""
    errors = ErrorCollector()
    if not isinstance(data, Mapping):
        raise InvalidInput("__all__", N_("Expected a JSON object."))
    _unknown(data, _CANDIDATE_FIELDS, "", errors)
    as_of = today
    if data.get("as_of") is not None:
        parsed = _date(data["as_of"], "as_of", errors)
        latest = years_after(today, _MAX_AHEAD_YEARS)
        if parsed is not None and parsed < EXPRESS_ENTRY_START:
            errors.add("as_of", BEFORE_EXPRESS_ENTRY)
        elif parsed is not None and parsed > latest:
            message = T_(
                "Score as of a date up to %(years)s years ahead (%(day)s at the latest).",
                years=_MAX_AHEAD_YEARS,
                day=latest,
            )
            errors.add("as_of", message)
        elif parsed is not None:
            as_of = parsed

    birth_date, age = _birth_and_age(data, as_of, errors)
    education = _choice(data, "education", Education, errors)
    first = _language(data, "first_language", as_of, errors, required=True)
    second = _language(data, "second_language", as_of, errors, required=False)
    if second is not None and data.get("first_language") is None and "first_language" in data:
        errors.add("second_language", N_("A second language needs a first language."))
    spouse = _spouse(data.get("spouse"), as_of, errors)
    values = {
        "canadian_education": _choice(
            data, "canadian_education", CanadianEducation, errors, default=CanadianEducation.NONE
        ),
        "job_offer": _choice(data, "job_offer", JobOffer, errors, default=JobOffer.NONE),
        "canadian_experience_years": _count(data, "canadian_experience_years", errors),
        "foreign_experience_years": _count(data, "foreign_experience_years", errors),
        "certificate_of_qualification": _flag(data, "certificate_of_qualification", errors),
        "provincial_nomination": _flag(data, "provincial_nomination", errors),
        "sibling_in_canada": _flag(data, "sibling_in_canada", errors),
        "settlement_funds": _optional_int(
            data, "settlement_funds", 0, _MAX_FUNDS, _WHOLE_DOLLARS, errors
        ),
        "family_size": _optional_int(data, "family_size", 1, _MAX_FAMILY, _PEOPLE, errors),
    }
    errors.raise_if_any()
    candidate = Candidate(
        birth_date=birth_date,
        age=age,
        education=education,
        first_language=first,
        second_language=second,
        spouse=spouse,
        **values,
    )
    return ScoreRequest(as_of, candidate)


def _unknown(data: Mapping, allowed: frozenset[str], prefix: str, errors: ErrorCollector) -> None:
    for key in data:
        if key not in allowed:
            errors.add(f"{prefix}{clip(str(key))}", N_("Unknown field."))


def _date(value: object, name: str, errors: ErrorCollector) -> date | None:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    errors.add(name, N_("Enter a real date as YYYY-MM-DD."))
    return None


def _not_after(value: date | None, as_of: date, name: str, errors: ErrorCollector) -> None:
    if value is not None and value > as_of:
        errors.add(name, T_("This date is after the as-of date (%(day)s).", day=as_of))


def _birth_and_age(
    data: Mapping, as_of: date, errors: ErrorCollector
) -> tuple[date | None, int | None]:
    has_birth = data.get("birth_date") is not None
    has_age = data.get("age") is not None
    if has_birth and has_age:
        errors.add("age", N_("Give the birth date or the age, not both."))
        return None, None
    if has_birth:
        birth = _date(data["birth_date"], "birth_date", errors)
        _not_after(birth, as_of, "birth_date", errors)
        if birth is not None and as_of.year - birth.year > _MAX_AGE:
            message = T_("That is more than %(years)s years before the as-of date.", years=_MAX_AGE)
            errors.add("birth_date", message)
        return birth, None
    if has_age:
        age = data["age"]
        if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= _MAX_AGE:
            errors.add("age", T_(_WHOLE_YEARS, most=_MAX_AGE))
            return None, None
        return None, age
    errors.add("birth_date", N_("Give the birth date (or the age)."))
    return None, None


def _choice(data, name, enum, errors, *, default=None, prefix=""):
    """An enum member; a missing value is ``default``, or an error when there is no default."""
    value = data.get(name)
    if value is None:
        if default is None:
            errors.add(prefix + name, _REQUIRED)
        return default
    try:
        return enum(value)
    except ValueError:
        message = T_(
            "Unknown value %(value)s; expected one of %(choices)s.",
            value=quote(value),
            choices="|".join(enum),
        )
        errors.add(prefix + name, message)
        return None


def _count(data: Mapping, name: str, errors: ErrorCollector, prefix: str = "") -> int:
    value = data.get(name, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_YEARS:
        errors.add(prefix + name, T_(_WHOLE_YEARS, most=_MAX_YEARS))
        return 0
    return value


def _optional_int(
    data: Mapping, name: str, least: int, most: int, message: str, errors: ErrorCollector
) -> int | None:
    """``message``: the error, with ``%(least)s`` and ``%(most)s``."""
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        errors.add(name, T_(message, least=grouped(least), most=grouped(most)))
        return None
    return value


def _flag(data: Mapping, name: str, errors: ErrorCollector) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        errors.add(name, N_("Enter true or false."))
        return False
    return value


def _language(
    data: Mapping, name: str, as_of: date, errors: ErrorCollector, *, required: bool
) -> LanguageResult | None:
    if name not in data:
        if required:
            errors.add(name, N_("This field is required. Use null when there is no test result."))
        return None
    value = data[name]
    if value is None:
        return None
    if not isinstance(value, Mapping):
        errors.add(name, N_("Expected an object with test, listening, reading, writing, speaking."))
        return None
    before = errors.count
    _unknown(value, _LANGUAGE_FIELDS, f"{name}.", errors)
    test = _choice(value, "test", LanguageTest, errors, prefix=f"{name}.")
    for ability in ABILITIES:
        if value.get(ability) is None:
            errors.add(f"{name}.{ability}", _REQUIRED)
    test_date, bad_date = None, False
    if value.get("test_date") is not None:
        count = errors.count
        test_date = _date(value["test_date"], f"{name}.test_date", errors)
        _not_after(test_date, as_of, f"{name}.test_date", errors)
        if test is LanguageTest.PTE_CORE and test_date and test_date < PTE_CORE_ACCEPTED_FROM:
            errors.add(f"{name}.test_date", _PTE_CORE_TOO_EARLY)
        bad_date = errors.count > count
    if test is None or any(value.get(a) is None for a in ABILITIES):
        return None
    if bad_date:
        return None  # the date error is enough (and TEF's range depends on the date)
    try:
        result = LanguageResult(
            test,
            value["listening"],
            value["reading"],
            value["writing"],
            value["speaking"],
            test_date=test_date,
        )
    except InvalidInput as error:
        errors.merge(error, prefix=name)
        return None
    return None if errors.count > before else result


def _spouse(value: object, as_of: date, errors: ErrorCollector) -> Spouse | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        errors.add("spouse", N_("Expected an object (or null for no accompanying spouse)."))
        return None
    before = errors.count
    _unknown(value, _SPOUSE_FIELDS, "spouse.", errors)
    education = _choice(value, "education", Education, errors, prefix="spouse.")
    language = _language(value, "language", as_of, _Prefixed(errors, "spouse."), required=False)
    years = _count(value, "canadian_experience_years", errors, prefix="spouse.")
    if errors.count > before:
        return None
    return Spouse(education=education, language=language, canadian_experience_years=years)


class _Prefixed(ErrorCollector):
    """An ErrorCollector view that files every error under ``prefix`` in another collector."""

    def __init__(self, target: ErrorCollector, prefix: str) -> None:
        self.target, self.prefix = target, prefix

    @property  # type: ignore[override]
    def errors(self) -> dict[str, list[str]]:
        return self.target.errors

    def add(self, field: str, message: str) -> None:
        self.target.add(self.prefix + field, message)

    def merge(self, error: InvalidInput, prefix: str = "") -> None:
        self.target.merge(error, prefix=self.prefix + prefix)
