"""The values the CRS engine takes: pure data, no Django. What it returns is in
``scoring.breakdown``; the rule versions are in ``scoring.rules``.

``Candidate`` mirrors the public input format (DESIGN.md §3) plus optional eligibility inputs.
Everything is a frozen dataclass built once and scored many times, so anything derivable from the
inputs alone (CLB levels, expiry dates, birth month-day) is computed once at construction and the
engine never re-converts. Strings are accepted for the enum fields (``education="bachelors"``) and
coerced; bad values raise ``InvalidInput`` naming the field.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache

from scoring import language
from scoring.dates import age_on
from scoring.errors import ErrorCollector, InvalidInput, quote
from scoring.language import LanguageTest
from scoring.text import N_, T_

__all__ = [
    "CanadianEducation",
    "Candidate",
    "Education",
    "InvalidInput",
    "JobOffer",
    "LanguageResult",
    "LanguageTest",
    "Spouse",
    "WorkPeriod",
]


class Education(StrEnum):
    """Highest credential, MI s.11 levels (crs-rules.md §2.2), lowest first."""

    NONE = "none"  # less than secondary school
    SECONDARY = "secondary"
    ONE_YEAR = "one_year"  # one-year post-secondary program
    TWO_YEAR = "two_year"  # two-year post-secondary program
    BACHELORS = "bachelors"  # bachelor's or another program of 3+ years
    TWO_OR_MORE = "two_or_more"  # two or more credentials, one of 3+ years
    MASTERS = "masters"  # master's or entry-to-practice professional degree
    DOCTORAL = "doctoral"


class CanadianEducation(StrEnum):
    """Canadian post-secondary credential for additional points (§5, MI s.30)."""

    NONE = "none"
    ONE_OR_TWO_YEAR = "one_or_two_year"
    THREE_OR_MORE_YEAR = "three_or_more_year"  # or a master's, professional or doctoral degree


class JobOffer(StrEnum):
    """Arranged employment for CRS points (§5); scores only before 2025-03-25."""

    NONE = "none"
    NOC_00 = "noc_00"  # NOC 2021 Major Group 00 (NOC 2016 0011-0016)
    OTHER = "other"


def _enum(cls: type[StrEnum], value: object, name: str, errors: ErrorCollector) -> StrEnum:
    if value.__class__ is cls:  # already a member (every candidate built from a client file)
        return value
    if value.__class__ is str:  # a stored value (every language result loaded): no enum call
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
    try:
        return cls(value)
    except ValueError:
        choices = "|".join(cls)
        message = T_(
            "Unknown value %(value)s; expected one of %(choices)s.",
            value=quote(value),
            choices=choices,
        )
        errors.add(name, message)
        return next(iter(cls))


def _whole(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _years(value: object, name: str, errors: ErrorCollector) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        errors.add(name, N_("Enter a whole number of years, 0 or more."))


@dataclass(frozen=True, slots=True)
class LanguageResult:
    """One test result: raw scores (or levels for ``clb``/``nclc``) and the test date.

    ``levels`` (listening, reading, writing, speaking), ``min_level``, ``is_french``,
    ``expires_on`` and ``summary`` are derived at construction. ``test_date=None`` means the
    result never expires (and is not allowed for TEF Canada, whose table depends on the date).
    """

    test: LanguageTest
    listening: float | str
    reading: float | str
    writing: float | str
    speaking: float | str
    test_date: date | None = None
    levels: tuple[int, int, int, int] = field(init=False, compare=False, repr=False)
    min_level: int = field(init=False, compare=False, repr=False)
    is_french: bool = field(init=False, compare=False, repr=False)
    expires_on: date = field(init=False, compare=False, repr=False)
    summary: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        test = self.test
        if test.__class__ is not LanguageTest:
            errors = ErrorCollector()
            test = _enum(LanguageTest, test, "test", errors)
            errors.raise_if_any()
        scores = (self.listening, self.reading, self.writing, self.speaking)
        levels, summary = _conversion(test, scores, self.test_date)
        expires = date.max if self.test_date is None else language.expiry_date(self.test_date)
        set_ = object.__setattr__
        set_(self, "test", test)
        set_(self, "levels", levels)
        set_(self, "min_level", min(levels))
        set_(self, "is_french", test in language.FRENCH_TESTS)
        set_(self, "expires_on", expires)
        set_(self, "summary", summary)

    def expired(self, on: date) -> bool:
        """True when the result is 2 or more years old on ``on`` (§9): it earns nothing."""
        return self.expires_on <= on


def _convert(
    test: LanguageTest, scores: tuple, test_date: date | None
) -> tuple[tuple[int, int, int, int], str]:
    levels = language.levels(test, scores, test_date)
    unit = "NCLC" if test in language.FRENCH_TESTS else "CLB"
    raw = " ".join(f"{a[0].upper()}{_fmt(s)}" for a, s in zip("LRWS", scores, strict=True))
    # "CLB" in the message, not a value: French says NCLC for both.
    if test is LanguageTest.CLB:
        return levels, T_("CLB %(scores)s", scores=raw)
    if test is LanguageTest.NCLC:
        return levels, T_("NCLC %(scores)s", scores=raw)
    label, joined = language.TEST_LABELS[test], "/".join(map(str, levels))
    if unit == "NCLC":
        return levels, T_(
            "%(test)s %(scores)s = NCLC %(levels)s", test=label, scores=raw, levels=joined
        )
    return levels, T_("%(test)s %(scores)s = CLB %(levels)s", test=label, scores=raw, levels=joined)


# The same few thousand score combinations recur across a firm's files; converting each once
# keeps loading 100,000 clients for a draw off the conversion tables (bench/reevaluate.py).
_converted = lru_cache(maxsize=16384)(_convert)


def _conversion(
    test: LanguageTest, scores: tuple, test_date: date | None
) -> tuple[tuple[int, int, int, int], str]:
    if test is LanguageTest.TEF:
        if test_date is None:
            return _convert(test, scores, None)  # raises: the TEF table needs the date
        # The TEF table depends on the test date only through its era (§6.4).
        test_date = language.tef_era_start(test_date)
    else:
        test_date = None  # no other conversion depends on the date
    try:
        return _converted(test, scores, test_date)
    except TypeError:  # an unhashable score (a list from bad input): convert to get its error
        return _convert(test, scores, test_date)


def _fmt(score: float | str) -> str:
    return f"{score:g}" if isinstance(score, int | float) else str(score)


@dataclass(frozen=True, slots=True)
class Spouse:
    """An accompanying spouse or partner who is not a Canadian citizen or PR (§1).

    Its presence alone switches the candidate to the "with spouse" columns.
    """

    education: Education
    language: LanguageResult | None = None
    canadian_experience_years: int = 0

    def __post_init__(self) -> None:
        errors = ErrorCollector()
        object.__setattr__(self, "education", _enum(Education, self.education, "education", errors))
        _years(self.canadian_experience_years, "canadian_experience_years", errors)
        errors.raise_if_any()


@dataclass(frozen=True, slots=True)
class WorkPeriod:
    """One job: a NOC 2021 unit group held from ``start`` to ``end`` (None: still working).

    ``authorised``: held with work authorisation (Canadian work). ``student``: worked while a
    full-time student. Both matter for Canadian experience and CEC (§2.5, §7.2).
    """

    noc: str
    teer: int
    start: date
    end: date | None
    hours_per_week: float
    in_canada: bool
    authorised: bool = True
    self_employed: bool = False
    student: bool = False

    def __post_init__(self) -> None:
        errors = ErrorCollector()
        noc = self.noc
        if not (isinstance(noc, str) and len(noc) == 5 and noc.isdigit()):
            errors.add("noc", N_("Enter a 5-digit NOC 2021 code."))
        elif self.teer != int(noc[1]):
            # NOC 2021's second digit is the TEER; a mismatch means one of them is mistyped.
            errors.add(
                "teer",
                T_(
                    "NOC %(noc)s is TEER %(digit)s, not %(teer)s.",
                    noc=noc,
                    digit=noc[1],
                    teer=self.teer,
                ),
            )
        if self.end is not None and self.end < self.start:
            errors.add("end", N_("The end date is before the start date."))
        hours = self.hours_per_week
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 < hours <= 168:
            errors.add("hours_per_week", N_("Enter the hours worked per week (more than 0)."))
        errors.raise_if_any()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A principal applicant as of some date: the DESIGN.md §3 fields plus eligibility inputs.

    Age comes from ``birth_date`` at the scoring date; ``age`` is used only when there is no
    birth date. Experience years are whole completed years (5+ Canadian and 3+ foreign score as
    the top row). The eligibility inputs all default to "not known":
    ``work_history`` (job by job, for FSW/CEC/FST and category checks),
    ``has_valid_job_offer`` (an offer meeting FSW arranged-employment / FST rules; a ``job_offer``
    other than none also counts), ``eca_date`` (issue date of the ECA for a foreign credential)
    and ``profile_submitted_at`` (tz-aware Express Entry profile timestamp, for tie-breaks),
    ``settlement_funds`` (CAD available) and ``family_size`` (the candidate, the partner and every
    dependent child, coming or not) for FSW/FST proof of funds. ``unknown`` names facts the caller
    has no record of, so eligibility says "can't tell" instead of "no": ``"work_history"`` (no job
    recorded, so the zero experience years mean nothing) and ``"eca"`` (a credential from outside
    Canada recorded without an ECA, so it counts for nothing yet).
    """

    education: Education
    first_language: LanguageResult | None
    birth_date: date | None = None
    age: int | None = None
    canadian_education: CanadianEducation = CanadianEducation.NONE
    second_language: LanguageResult | None = None
    canadian_experience_years: int = 0
    foreign_experience_years: int = 0
    certificate_of_qualification: bool = False
    provincial_nomination: bool = False
    job_offer: JobOffer = JobOffer.NONE
    sibling_in_canada: bool = False
    spouse: Spouse | None = None
    work_history: tuple[WorkPeriod, ...] = ()
    has_valid_job_offer: bool = False
    eca_date: date | None = None
    profile_submitted_at: datetime | None = None
    settlement_funds: int | None = None
    family_size: int | None = None
    unknown: frozenset[str] = frozenset()
    birth_year: int = field(init=False, compare=False, repr=False)
    birth_month_day: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        errors = ErrorCollector()
        set_ = object.__setattr__
        set_(self, "education", _enum(Education, self.education, "education", errors))
        set_(
            self,
            "canadian_education",
            _enum(CanadianEducation, self.canadian_education, "canadian_education", errors),
        )
        set_(self, "job_offer", _enum(JobOffer, self.job_offer, "job_offer", errors))
        _years(self.canadian_experience_years, "canadian_experience_years", errors)
        _years(self.foreign_experience_years, "foreign_experience_years", errors)
        if self.birth_date is None:
            if self.age is None:
                errors.add("birth_date", "Give the birth date or the age.")
            else:
                _years(self.age, "age", errors)
        _set_birth_parts(self)
        if self.settlement_funds is not None and not _whole(self.settlement_funds, 0):
            errors.add("settlement_funds", "Enter the funds in whole dollars, 0 or more.")
        if self.family_size is not None and not _whole(self.family_size, 1):
            errors.add("family_size", "Enter the number of people in the family, 1 or more.")
        if not isinstance(self.unknown, frozenset):
            set_(self, "unknown", frozenset(self.unknown))
        if not isinstance(self.work_history, tuple):
            set_(self, "work_history", tuple(self.work_history))
        at = self.profile_submitted_at
        if at is not None and at.tzinfo is None:
            errors.add("profile_submitted_at", "The profile timestamp needs a time zone.")
        errors.raise_if_any()

    @classmethod
    def trusted(cls, **values: object) -> Candidate:
        """The ``Candidate`` of ``values`` without ``__post_init__``'s checks and coercions.

        Only for values built from parts already checked (``profiles.candidates.facts`` builds
        one per client and draw date, and checking each again was a tenth of judging one): the
        enum fields are members, the years whole and 0 or more, ``work_history`` a tuple,
        ``unknown`` a frozenset, a birth date or an ``age`` of 0 or more is given, and the funds,
        family size and profile time would pass. Anything else must go through ``Candidate()``.
        """
        given = {**_CANDIDATE_DEFAULTS, **values}
        if len(given) != len(_CANDIDATE_DEFAULTS) or MISSING in given.values():
            raise TypeError(f"Candidate.trusted() needs every field it knows: {sorted(values)}")
        candidate = _NEW_OBJECT(cls)
        for name, value in given.items():
            _SET(candidate, name, value)
        _set_birth_parts(candidate)
        return candidate

    @property
    def with_spouse(self) -> bool:
        """Scored in the "with accompanying spouse" columns."""
        return self.spouse is not None

    def age_on(self, on: date) -> int:
        """Completed years on ``on`` (``scoring.dates.age_on``), or ``age`` without a birth date."""
        if self.birth_date is None:
            return self.age  # type: ignore[return-value]
        return age_on(self.birth_date, on)


def _set_birth_parts(candidate: Candidate) -> None:
    """The birth date as numbers, so the engine's age (``dates.age_on`` inlined, see engine) is
    two subtractions and a comparison; 0 when only the age is given."""
    birth = candidate.birth_date
    _SET(candidate, "birth_year", 0 if birth is None else birth.year)
    _SET(candidate, "birth_month_day", 0 if birth is None else birth.month * 100 + birth.day)


_NEW_OBJECT = object.__new__
_SET = object.__setattr__  # frozen: the dataclass's own __init__ sets its fields this way
# Every field ``Candidate()`` takes, in order, with its default (MISSING: ``trusted`` needs it).
_CANDIDATE_DEFAULTS = {f.name: f.default for f in fields(Candidate) if f.init}
