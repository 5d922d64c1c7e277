"""A client's dated facts, and the scoring candidate they make on any date (no database).

``profiles.candidates.loader`` reads the rows into these values; each row becomes the engine's
own value once (``LanguageResult`` converts scores to CLB levels, ``WorkPeriod`` validates),
and ``ClientFacts.candidate(on)`` then picks what counts on ``on``:

- age on ``on``, or on the ITA date once invited (crs-rules.md §2.1);
- the highest credential that counts: Canadian, or foreign with an ECA under 5 years old (§2.2,
  §9); two or more post-secondary credentials, one of 3+ years, make "two or more";
- the best language results valid on ``on`` (taken on or before it, under 2 years old, §9),
  chosen with the engine when there is more than one way to fill the slots; when a slot has no
  valid result the latest expired one is passed, so eligibility can say it expired;
- skilled experience completed by ``on``, from ``scoring.experience.summarise``;
- the spouse only when married or common-law, accompanying, and not a citizen or PR (§1);
- nomination and certificate from their dates; the EE profile once submitted.

Nothing here imports a model: the values load, and can be tested, without the app registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import product

from profiles.choices import FirstLanguage
from profiles.dates import PROFILE_VALIDITY_MONTHS, add_months, local_date
from scoring.dates import age_on
from scoring.eligibility import eca_expiry_date
from scoring.engine import score_totals
from scoring.experience import counts_as_canadian, counts_as_foreign, window_years
from scoring.types import (
    CanadianEducation,
    Candidate,
    Education,
    JobOffer,
    LanguageResult,
    Spouse,
)
from scoring.types import WorkPeriod as Job

__all__ = ["ClientFacts", "Credential", "Side"]

_RANK = {level: rank for rank, level in enumerate(Education)}
_POST_SECONDARY = _RANK[Education.ONE_YEAR]
_THREE_YEARS = _RANK[Education.BACHELORS]  # a bachelor's is "a program of three years or more"
_JOB_OFFERS = {offer.value: offer for offer in JobOffer}
# ``ClientFacts._unknown`` by (no job recorded, a credential without its ECA): four values
# shared by every candidate rather than a new set each.
_UNKNOWN = {
    (False, False): frozenset(),
    (True, False): frozenset({"work_history"}),
    (False, True): frozenset({"eca"}),
    (True, True): frozenset({"work_history", "eca"}),
}


@dataclass(frozen=True, slots=True)
class Credential:
    level: Education
    in_canada: bool
    length_years: int | None
    completed_on: date | None
    eca_date: date | None
    # Worked out once when loaded, not on every draw date (``counts_on`` is asked per draw).
    # ``eca_expires_on``: the first day the ECA is 5 years old and the credential stops
    # counting (§9).
    eca_expires_on: date | None = field(init=False, compare=False, repr=False)
    rank: int = field(init=False, compare=False, repr=False)  # ``level``'s place, lowest first

    def __post_init__(self) -> None:
        expires = None if self.eca_date is None else eca_expiry_date(self.eca_date)
        object.__setattr__(self, "eca_expires_on", expires)
        object.__setattr__(self, "rank", _RANK[self.level])

    def counts_on(self, on: date) -> bool:
        """Completed by ``on``; if foreign, with an ECA issued by ``on`` and under 5 years old."""
        if self.completed_on is not None and self.completed_on > on:
            return False
        if self.in_canada:
            return True
        eca = self.eca_date
        return eca is not None and eca <= on < self.eca_expires_on

    @property
    def three_years_or_more(self) -> bool:
        return self.rank >= _THREE_YEARS or (self.length_years or 0) >= 3


@dataclass(frozen=True, slots=True)
class Side:
    """One person's dated facts: the client's own, or their spouse's."""

    credentials: tuple[Credential, ...] = ()
    results: tuple[LanguageResult, ...] = ()
    jobs: tuple[Job, ...] = ()
    # The same facts sorted once when loaded, for what ``candidate(on)`` asks on every date:
    # foreign credentials with an ECA (the only ones that can lapse), Canadian post-secondary
    # ones, results by language, and the jobs that count as Canadian or foreign experience.
    assessed: tuple[Credential, ...] = field(init=False, compare=False, repr=False)
    canadian_credentials: tuple[Credential, ...] = field(init=False, compare=False, repr=False)
    english: tuple[LanguageResult, ...] = field(init=False, compare=False, repr=False)
    french: tuple[LanguageResult, ...] = field(init=False, compare=False, repr=False)
    canadian_jobs: tuple[Job, ...] = field(init=False, compare=False, repr=False)
    foreign_jobs: tuple[Job, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Plain loops, one per kind of fact: six generators cost a quarter of loading a file.
        assessed, canadian = [], []
        for c in self.credentials:
            if not c.in_canada:
                if c.eca_date is not None:
                    assessed.append(c)
            elif c.rank >= _POST_SECONDARY:
                canadian.append(c)
        english, french = [], []
        for r in self.results:
            (french if r.is_french else english).append(r)
        canadian_jobs, foreign_jobs = [], []
        for j in self.jobs:
            if counts_as_canadian(j):
                canadian_jobs.append(j)
            elif counts_as_foreign(j):
                foreign_jobs.append(j)
        set_ = object.__setattr__
        set_(self, "assessed", tuple(assessed))
        set_(self, "canadian_credentials", tuple(canadian))
        set_(self, "english", tuple(english))
        set_(self, "french", tuple(french))
        set_(self, "canadian_jobs", tuple(canadian_jobs))
        set_(self, "foreign_jobs", tuple(foreign_jobs))

    def education(self, on: date) -> tuple[Education, date | None]:
        """The education level that counts on ``on`` and the ECA date behind it, if foreign."""
        counted = [c for c in self.credentials if c.counts_on(on)]
        level, eca_date = Education.NONE, None
        if counted:
            best = max(counted, key=lambda c: (c.rank, c.in_canada))
            level = best.level
            eca_date = None if best.in_canada else best.eca_date
            post_secondary = [c for c in counted if c.rank >= _POST_SECONDARY]
            if (
                len(post_secondary) >= 2
                and _RANK[level] < _RANK[Education.TWO_OR_MORE]
                and any(c.three_years_or_more for c in post_secondary)
            ):
                level = Education.TWO_OR_MORE  # MI s.11: two or more, one of 3 years or more
        # A foreign credential whose ECA lapsed no longer counts, but its ECA date is passed on
        # when it outranks what does count, so eligibility can say the ECA expired (§9).
        top = self.lapsed_credential(on, level) if self.assessed else None
        if top is not None:
            eca_date = top.eca_date
        return level, eca_date

    def lapsed_credential(self, on: date, level: Education) -> Credential | None:
        """The highest foreign credential completed by ``on`` whose ECA has expired, when it
        outranks ``level`` (what counts): why the education counts for less (§9)."""
        lapsed = [
            c
            for c in self.assessed
            if c.eca_date <= on
            and not c.counts_on(on)
            and (c.completed_on is None or c.completed_on <= on)
        ]
        if not lapsed:
            return None
        top = max(lapsed, key=lambda c: c.rank)
        return top if top.rank > _RANK[level] else None

    def canadian_education(self, on: date) -> CanadianEducation:
        canadian = [c for c in self.canadian_credentials if c.counts_on(on)]
        if any(c.three_years_or_more for c in canadian):
            return CanadianEducation.THREE_OR_MORE_YEAR
        return CanadianEducation.ONE_OR_TWO_YEAR if canadian else CanadianEducation.NONE

    def language_options(self, on: date, *, french: bool) -> list[LanguageResult]:
        """Valid results in one language, newest first; else the latest expired one; else []."""
        taken = [r for r in (self.french if french else self.english) if r.test_date <= on]
        valid = [r for r in taken if on < r.expires_on]
        if valid:
            return sorted(valid, key=lambda r: r.test_date, reverse=True) if valid[1:] else valid
        return [max(taken, key=lambda r: r.test_date)] if taken else []

    def jobs_started(self, on: date) -> tuple[Job, ...]:
        return tuple(job for job in self.jobs if job.start <= on)


@dataclass(frozen=True, slots=True)
class ClientFacts:
    """Everything dated about one client, ready to become a ``Candidate`` on any date."""

    client_id: int
    birth_date: date
    spouse_scored: bool  # married or common-law, accompanying, not a Canadian citizen or PR
    first_language: str
    certificate_issued_on: date | None
    nominated_on: date | None
    job_offer: str
    sibling_in_canada: bool
    profile_submitted_at: datetime | None
    ita_received_on: date | None
    principal: Side
    spouse: Side
    settlement_funds: int | None = None
    family_size: int = 1  # the client, a partner and dependent children, coming or not
    # Worked out once when loaded, not on every draw date: the profile's dates in the site's
    # time zone, and whether the file's own values pass ``Candidate``'s checks, so that
    # ``candidate(on)`` need not check them again for every draw (``Candidate.trusted``).
    _submitted_on: object = field(init=False, compare=False, repr=False)
    _expires_on: object = field(init=False, compare=False, repr=False)
    _job_offer: JobOffer | None = field(init=False, compare=False, repr=False)
    _checked: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        set_, submitted = object.__setattr__, self.profile_submitted_at
        set_(self, "_submitted_on", _attempt(self._local_submitted))
        set_(self, "_expires_on", _attempt(self._local_expires))
        offer = _JOB_OFFERS.get(self.job_offer) if isinstance(self.job_offer, str) else None
        set_(self, "_job_offer", offer)
        funds, size = self.settlement_funds, self.family_size
        set_(
            self,
            "_checked",
            offer is not None
            and self.birth_date.__class__ is date
            and (funds is None or (funds.__class__ is int and funds >= 0))
            and (size.__class__ is int and size >= 1)
            and (submitted is None or submitted.tzinfo is not None),
        )

    @property
    def profile_expires_at(self) -> datetime | None:
        if self.profile_submitted_at is None:
            return None
        return add_months(self.profile_submitted_at, PROFILE_VALIDITY_MONTHS)

    @property
    def profile_submitted_on(self) -> date | None:
        """The day the profile was submitted, in the site's time zone (Ottawa's, as IRCC's)."""
        day = self._submitted_on
        return self._local_submitted() if day is _FAILED else day

    @property
    def profile_expires_on(self) -> date | None:
        """The day the profile expires, in the site's time zone."""
        day = self._expires_on
        return self._local_expires() if day is _FAILED else day

    def _local_submitted(self) -> date | None:
        submitted = self.profile_submitted_at
        return None if submitted is None else local_date(submitted)

    def _local_expires(self) -> date | None:
        expires = self.profile_expires_at
        return None if expires is None else local_date(expires)

    def profile_valid_on(self, on: date) -> bool:
        """Whether an Express Entry profile was in the pool on ``on`` (submitted, not expired).

        Dates are compared in the site's time zone (Ottawa's, as IRCC's).
        """
        if self.profile_submitted_at is None:
            return False
        return self.profile_submitted_on <= on < self.profile_expires_on

    def candidate(self, on: date) -> Candidate:
        """The client as the engine sees them on ``on``."""
        me = self.principal
        education, eca_date = me.education(on)
        history = me.jobs_started(on)
        ita = self.ita_received_on
        invited = ita is not None and ita <= on
        submitted = self.profile_submitted_at
        if submitted is not None and self.profile_submitted_on > on:
            submitted = None
        # Once invited, the age on the ITA date counts (§2.1, the CRS tool's instruction).
        age = age_on(self.birth_date, ita) if invited else None
        fields = {
            "education": education,
            "birth_date": None if invited else self.birth_date,
            "age": age,
            "canadian_education": me.canadian_education(on),
            "canadian_experience_years": window_years(me.canadian_jobs, on),
            "foreign_experience_years": window_years(me.foreign_jobs, on),
            "certificate_of_qualification": _by(self.certificate_issued_on, on),
            "provincial_nomination": _by(self.nominated_on, on),
            "job_offer": self.job_offer,
            "sibling_in_canada": self.sibling_in_canada,
            "work_history": history,
            "has_valid_job_offer": self.job_offer != JobOffer.NONE,
            "eca_date": eca_date,
            "profile_submitted_at": submitted,
            "settlement_funds": self.settlement_funds,
            "family_size": self.family_size,
            "unknown": self._unknown(education, on),
        }
        spouses: list[Spouse | None] = [None]
        if self.spouse_scored:
            spouse_education, _ = self.spouse.education(on)
            spouse_years = window_years(self.spouse.canadian_jobs, on)
            tests = self.spouse.language_options(on, french=False) + self.spouse.language_options(
                on, french=True
            )
            spouses = [Spouse(spouse_education, result, spouse_years) for result in tests or [None]]
        # Checked by ``Candidate()`` once a client and date, or not at all when the file's values
        # were checked when loaded (the rest are built here from checked parts): the same
        # candidate, as ``test_candidates`` shows, without a tenth of judging's time.
        if self._checked and (age is None or age >= 0):
            fields["job_offer"] = self._job_offer
            make = Candidate.trusted
        else:
            make = Candidate
        options = [
            make(**fields, first_language=first, second_language=second, spouse=spouse)
            for (first, second), spouse in product(self._language_pairs(on), spouses)
        ]
        if len(options) == 1:
            return options[0]
        # Several results could fill the slots: "the best valid one counts", so let the engine
        # say which gives the most points. Ties keep the earlier option (declared language,
        # English, newest result first).
        ranked = [(score_totals(c, on).total, -i) for i, c in enumerate(options)]
        return options[-max(ranked)[1]]

    def _unknown(self, education: Education, on: date) -> frozenset[str]:
        """What the file does not record, so eligibility says "can't tell" (scoring.types):
        no job at all, or a credential from outside Canada, completed by ``on``, that has no
        ECA and would rank above the education that counts."""
        rank = _RANK[education]
        no_eca = any(
            not c.in_canada
            and c.eca_date is None
            and (c.completed_on is None or c.completed_on <= on)
            and c.rank > rank
            for c in self.principal.credentials
        )
        return _UNKNOWN[not self.principal.jobs, no_eca]

    def _language_pairs(self, on: date) -> list[tuple[LanguageResult | None, ...]]:
        english = self.principal.language_options(on, french=False)
        french = self.principal.language_options(on, french=True)
        orders = {
            FirstLanguage.ENGLISH: [(english, french)],
            FirstLanguage.FRENCH: [(french, english)],
        }.get(self.first_language, [(english, french), (french, english)])
        pairs = [
            (first, second)
            for firsts, seconds in orders
            if firsts
            for first, second in product(firsts, seconds or [None])
        ]
        if not pairs:  # the declared language has no result: the other one comes first
            pairs = [(first, None) for first in english + french]
        return pairs or [(None, None)]


_FAILED = object()  # a date that could not be worked out when loaded (a timestamp near 9999)


def _attempt(work: Callable[[], date | None]) -> object:
    """``work()``, or ``_FAILED`` when it raises: it is done again, and raises, only where the
    date is read, so a file with an absurd timestamp fails where it failed before (judging),
    not while a whole chunk of files loads."""
    try:
        return work()
    except (ArithmeticError, ValueError, AssertionError):
        return _FAILED


def _by(day: date | None, on: date) -> bool:
    return day is not None and day <= on
