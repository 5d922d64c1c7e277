"""Program eligibility as of a date (crs-rules.md §7, §9); categories (§8) are judged in
``scoring.category_eligibility``.

Every answer is an ``Answer``: yes, no, or "can't tell" (``undecided``) when a fact needed to
decide is not recorded (no work history, an ECA, the settlement funds); a "no" and a "can't tell"
always say why in words a consultant can repeat. Work-experience tests use
``candidate.work_history`` (NOC, dates, hours). When a candidate has no work history, the
programs fall back to the experience *years* on the candidate and say so in the reason: years
cannot show continuity, occupation, TEER or the 3- and 5-year windows, so those answers are
approximations. FSW and FST also need proof of settlement funds (``scoring.settlement_funds``)
unless the candidate is CEC-eligible or authorised to work in Canada with a job offer.
Not modelled: intent to live outside Quebec, the FSW/FST job-requirement details.
Profile expiry (12 months) is the caller's business: it depends on the stored profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scoring import experience as xp
from scoring.dates import years_after
from scoring.fsw import fsw_points
from scoring.grouped import grouped
from scoring.language import ABILITIES
from scoring.settlement_funds import table_on
from scoring.text import N_, T_, Text
from scoring.types import CanadianEducation, Candidate, Education, LanguageResult

__all__ = [
    "Answer",
    "Eligibility",
    "LazyEligibility",
    "abilities_below",
    "and_list",
    "cant_tell",
    "cec",
    "eca_expiry_date",
    "eligibility",
    "fst",
    "fsw",
    "in_pool",
]

ECA_VALIDITY_YEARS = 5  # §9: an ECA is invalid when 5 or more years old (MI-2017 s.3(4))
FSW_PASS_MARK = 67
_APPROXIMATE = N_(" (approximate: no work history, judged from experience years)")


def _no_history(what: str) -> Text:
    return T_(
        "No work history recorded: jobs with their NOC codes are needed to check %(what)s",
        what=what,
    )


def and_list(words: list[str]) -> str:
    """``["reading", "writing"]`` -> "reading and writing", each word translatable."""
    joined = words[0]
    for word in words[1:]:
        joined = T_("%(before)s and %(after)s", before=joined, after=word)
    return joined


@dataclass(frozen=True, slots=True)
class Answer:
    eligible: bool
    reason: str
    points: int | None = None  # FSW 67-point grid score, when computed
    undecided: bool = False  # "can't tell": ``reason`` names the missing fact

    @property
    def status(self) -> str:
        """ "yes", "no" or "cant_tell"."""
        return "yes" if self.eligible else "cant_tell" if self.undecided else "no"


def cant_tell(reason: str) -> Answer:
    """The answer when a fact needed to decide is missing; ``reason`` says which."""
    return Answer(False, reason, undecided=True)


@dataclass(frozen=True, slots=True)
class Eligibility:
    fsw: Answer
    cec: Answer
    fst: Answer

    @property
    def programs(self) -> tuple[str, ...]:
        """Programs the candidate is eligible for: any of "fsw", "cec", "fst"."""
        return tuple(name for name in ("fsw", "cec", "fst") if getattr(self, name).eligible)

    @property
    def any(self) -> bool:
        # CEC first, each answer read only until one is a yes: ``LazyEligibility`` shares these
        # properties, and there a CEC yes spares working out FSW and FST.
        return self.cec.eligible or self.fsw.eligible or self.fst.eligible

    @property
    def undecided(self) -> tuple[str, ...]:
        """Programs whose answer is "can't tell"."""
        return tuple(n for n in ("fsw", "cec", "fst") if getattr(self, n).undecided)

    @property
    def none(self) -> bool:
        """Meets no program for sure: the profile cannot be in the pool at all."""
        return not self.any and not self.undecided

    def reasons(self) -> str:
        return T_(
            "FSW: %(fsw)s; CEC: %(cec)s; FST: %(fst)s",
            fsw=self.fsw.reason,
            cec=self.cec.reason,
            fst=self.fst.reason,
        )


def eligibility(candidate: Candidate, on: date) -> Eligibility:
    """FSW, CEC and FST answers for ``candidate`` on ``on``."""
    # CEC first: FSW's and FST's proof-of-funds exemption reads it, and it is worked out once.
    cec_answer = cec(candidate, on)
    return Eligibility(
        fsw=fsw(candidate, on, cec_answer=cec_answer),
        cec=cec_answer,
        fst=fst(candidate, on, cec_answer=cec_answer),
    )


class LazyEligibility:
    """``eligibility(candidate, on)`` with each program worked out when first read.

    The same answers, and the same derived ones (``programs``, ``any``, ``none``, ``reasons``,
    shared with ``Eligibility``). For the re-evaluation: in a CEC round a client who meets CEC
    is in the pool and judged on CEC alone, so their FSW and FST answers (half of judging them)
    are never needed, and a client out of the pool needs none. CEC is worked out before FSW
    and FST, as ``eligibility`` does: their proof-of-funds exemption reads it.
    """

    __slots__ = ("_candidate", "_cec", "_fst", "_fsw", "_on")

    def __init__(self, candidate: Candidate, on: date) -> None:
        self._candidate, self._on = candidate, on
        self._cec = self._fsw = self._fst = None

    @property
    def cec(self) -> Answer:
        if self._cec is None:
            self._cec = cec(self._candidate, self._on)
        return self._cec

    @property
    def fsw(self) -> Answer:
        if self._fsw is None:
            self._fsw = fsw(self._candidate, self._on, cec_answer=self.cec)
        return self._fsw

    @property
    def fst(self) -> Answer:
        if self._fst is None:
            self._fst = fst(self._candidate, self._on, cec_answer=self.cec)
        return self._fst

    programs = Eligibility.programs
    any = Eligibility.any
    undecided = Eligibility.undecided
    none = Eligibility.none
    reasons = Eligibility.reasons


def abilities_below(result: LanguageResult, minimums: tuple[int, int, int, int]) -> list[str]:
    """The abilities (listening, reading, writing, speaking) under their minimum level."""
    return [a for a, lvl, m in zip(ABILITIES, result.levels, minimums, strict=True) if lvl < m]


def _language_problem(
    c: Candidate, on: date, minimums: tuple[int, int, int, int] | None = None
) -> str:
    """Why the first official language fails (missing, expired, below ``minimums``), or ""."""
    first = c.first_language
    if first is None:
        return N_("No first official language test result")
    if first.expired(on):
        return T_(
            "First official language result expired on %(day)s (results count for 2 years)",
            day=first.expires_on,
        )
    if minimums is None:
        return ""
    below = abilities_below(first, minimums)
    if not below:
        return ""
    level = min(m for a, m in zip(ABILITIES, minimums, strict=True) if a in below)
    if first.is_french:
        return T_(
            "First official language below NCLC %(level)s in %(abilities)s",
            level=level,
            abilities=and_list(below),
        )
    return T_(
        "First official language below CLB %(level)s in %(abilities)s",
        level=level,
        abilities=and_list(below),
    )


def eca_expiry_date(eca_date: date) -> date:
    """The first day an ECA issued on ``eca_date`` no longer counts: its 5th anniversary (§9),
    28 February for one issued on 29 February (``scoring.dates``' one convention).
    """
    return years_after(eca_date, ECA_VALIDITY_YEARS)


def _eca_problem(c: Candidate, on: date) -> str:
    # A Canadian credential needs no ECA, so an old ECA only matters without one.
    if c.eca_date is None or c.canadian_education is not CanadianEducation.NONE:
        return ""
    if on >= eca_expiry_date(c.eca_date):
        return T_("ECA issued %(day)s is 5 or more years old", day=c.eca_date)
    return ""


def in_pool(candidate: Candidate, on: date) -> Answer:
    """Whether the profile's documents are still valid on ``on`` (§9): first-language results
    under 2 years old and, if given, an ECA under 5 years old. Program tests are separate.
    """
    problem = _language_problem(candidate, on) or _eca_problem(candidate, on)
    return Answer(not problem, problem or N_("Language results and ECA valid"))


def _has_job_offer(c: Candidate) -> bool:
    return c.has_valid_job_offer or c.job_offer != "none"


def _authorised_in_canada(c: Candidate, on: date) -> bool:
    """Authorised to work in Canada on ``on``, as far as the work history shows: a job in
    Canada with authorisation that covers the day."""
    return any(
        p.in_canada and p.authorised and p.start <= on and (p.end is None or p.end >= on)
        for p in c.work_history
    )


def _settlement_funds(
    c: Candidate, on: date, program: str, cec_answer: Answer | None
) -> Answer | str:
    """Proof of settlement funds for FSW/FST: an ``Answer`` when it stops the program (no, or
    can't tell), else the words to add to a yes. Exempt when CEC-eligible or authorised to work
    in Canada with a job offer (IRPR R76(1)(b)(ii))."""
    if cec_answer is None:
        cec_answer = cec(c, on)
    if cec_answer.eligible:
        return N_("no proof of funds needed (CEC-eligible)")
    if _authorised_in_canada(c, on) and _has_job_offer(c):
        return N_("no proof of funds needed (authorised to work in Canada with a job offer)")
    created = c.profile_submitted_at.date() if c.profile_submitted_at else None
    table = table_on(on, profile_created_on=created)
    source = T_("table of %(day)s", day=table.effective)
    size, funds = c.family_size, c.settlement_funds
    if size is None:
        return cant_tell(
            T_(
                "No family size recorded: %(program)s needs proof of funds of $%(amount)s for "
                "one person and more for a family (%(source)s)",
                program=program,
                amount=grouped(table.amount(1)),
                source=source,
            )
        )
    needed = table.amount(size)
    family = N_("one person") if size == 1 else T_("a family of %(size)s", size=size)
    if funds is None:
        return cant_tell(
            T_(
                "No settlement funds recorded: %(program)s needs $%(needed)s for %(family)s "
                "(%(source)s)",
                program=program,
                needed=grouped(needed),
                family=family,
                source=source,
            )
        )
    if funds < needed:
        short = T_(
            "Settlement funds $%(funds)s are below the $%(needed)s needed for %(family)s "
            "(%(source)s)",
            funds=grouped(funds),
            needed=grouped(needed),
            family=family,
            source=source,
        )
        if cec_answer.undecided:
            return cant_tell(
                T_("%(reason)s, unless CEC-eligible, which can't be told yet", reason=short)
            )
        return Answer(False, short)
    return T_(
        "funds $%(funds)s cover the $%(needed)s needed",
        funds=grouped(funds),
        needed=grouped(needed),
    )


_NO_ECA = N_(
    "No ECA recorded for the education completed outside Canada: FSW counts it only with an "
    "Educational Credential Assessment"
)


def fsw(c: Candidate, on: date, *, cec_answer: Answer | None = None) -> Answer:
    """Federal Skilled Worker minimums (§7.2), the 67-point grid (§7.1) and settlement funds."""
    problem = _language_problem(c, on, (7, 7, 7, 7)) or _eca_problem(c, on)
    if problem:
        return Answer(False, problem)
    if c.education is Education.NONE:
        if "eca" in c.unknown:
            return cant_tell(_NO_ECA)
        return Answer(False, N_("Education below a secondary school credential"))
    note = ""
    if c.work_history:
        start = xp.years_before(on, 10)
        skilled = [
            p for p in c.work_history if xp.is_skilled(p) and (p.authorised or not p.in_canada)
        ]
        runs = [
            xp.longest_run_hours(periods, start=start, end=on)
            for periods in xp.by_occupation(skilled).values()
        ]
        if max(runs, default=0) + 1e-6 < xp.HOURS_PER_YEAR:
            return Answer(
                False,
                N_(
                    "Less than 1 year of continuous full-time skilled work in one occupation "
                    "in the last 10 years"
                ),
            )
    elif "work_history" in c.unknown:
        return cant_tell(_no_history(N_("1 year of continuous skilled work")))
    elif c.canadian_experience_years + c.foreign_experience_years < 1:
        return Answer(
            False,
            N_(
                "No skilled work experience (approximate: no work history, judged from "
                "experience years)"
            ),
        )
    else:
        note = _APPROXIMATE
    points = fsw_points(c, on)
    if points < FSW_PASS_MARK:
        if "eca" in c.unknown:
            return cant_tell(
                T_(
                    "FSW grid %(points)s/100 without the education; %(reason)s",
                    points=points,
                    reason=_NO_ECA,
                )
            )
        return Answer(
            False, T_("FSW grid %(points)s/100, below the pass mark of 67", points=points), points
        )
    funds = _settlement_funds(c, on, N_("FSW"), cec_answer)
    if isinstance(funds, Answer):
        return Answer(funds.eligible, funds.reason, points, funds.undecided)
    reason = T_(
        "Meets FSW minimums; grid %(points)s/100; %(funds)s%(note)s",
        points=points,
        funds=funds,
        note=note,
    )
    return Answer(True, reason, points)


def cec(c: Candidate, on: date) -> Answer:
    """Canadian Experience Class (§7.2): 1 year of authorised Canadian skilled work in the last
    3 years; CLB 7 when that work is TEER 0 or 1, CLB 5 when it is TEER 2 or 3.

    With mixed TEERs we read the rule conservatively: CLB 7 on all four accepts any skilled mix;
    CLB 5 or 6 needs the whole year in TEER 2 or 3.
    """
    problem = _language_problem(c, on)
    if problem:
        return Answer(False, problem)
    first = c.first_language
    assert first is not None  # checked by _language_problem
    if c.work_history:
        start = xp.years_before(on, 3)
        canadian = [p for p in c.work_history if xp.counts_as_canadian(p)]
        if xp.hours(canadian, start=start, end=on) + 1e-6 < xp.HOURS_PER_YEAR:
            return Answer(
                False, N_("Less than 1 year of Canadian skilled work in the last 3 years")
            )
        if first.min_level >= 7:
            return Answer(True, N_("1 year of Canadian skilled work in the last 3 years; CLB 7+"))
        teer_2_3 = [p for p in canadian if p.teer >= 2]
        if xp.hours(teer_2_3, start=start, end=on) + 1e-6 >= xp.HOURS_PER_YEAR:
            problem = _language_problem(c, on, (5, 5, 5, 5))
            if problem:
                return Answer(False, problem)
            return Answer(
                True, N_("1 year of Canadian TEER 2 or 3 work in the last 3 years; CLB 5+")
            )
        return Answer(
            False,
            T_(
                "%(problem)s (CLB 7 is needed unless a full year of the work is TEER 2 or 3)",
                problem=_language_problem(c, on, (7, 7, 7, 7)),
            ),
        )
    if "work_history" in c.unknown:
        return cant_tell(_no_history(N_("1 year of Canadian skilled work")))
    if c.canadian_experience_years < 1:
        return Answer(
            False,
            N_(
                "Less than 1 year of Canadian skilled work (approximate: no work history, "
                "judged from experience years)"
            ),
        )
    problem = _language_problem(c, on, (7, 7, 7, 7))
    if problem:
        return Answer(
            False,
            T_(
                "%(problem)s (CLB 5 is enough for TEER 2 or 3 work, which needs a work history)",
                problem=problem,
            ),
        )
    return Answer(
        True,
        N_(
            "1+ year of Canadian skilled work; CLB 7+ (approximate: no work history, judged "
            "from experience years)"
        ),
    )


# §7.2 FST occupations under NOC 2021 (from 2022-11-16). The reference gives these groups "from
# memory, unverified" (§13): Major Group 72 except Sub-Major 726; Major Groups 73, 82, 83, 92;
# Major Group 93 except Sub-Major 932; Minor Group 6320; Unit Group 62200 (chefs).
def is_trade(noc: str) -> bool:
    """Whether a NOC 2021 unit group is an FST skilled trade (unverified list, see above)."""
    major, sub_major = noc[:2], noc[:3]
    return (
        (major == "72" and sub_major != "726")
        or major in {"73", "82", "83", "92"}
        or (major == "93" and sub_major != "932")
        or noc.startswith("6320")
        or noc == "62200"
    )


def fst(c: Candidate, on: date, *, cec_answer: Answer | None = None) -> Answer:
    """Federal Skilled Trades (§7.2): 2 years in one skilled trade in the last 5 years; CLB 5
    speaking and listening, CLB 4 reading and writing; a job offer or a certificate.
    """
    problem = _language_problem(c, on, (5, 4, 4, 5))  # listening, reading, writing, speaking
    if problem:
        return Answer(False, problem)
    if not (_has_job_offer(c) or c.certificate_of_qualification):
        return Answer(
            False, N_("Needs a job offer of at least 1 year or a certificate of qualification")
        )
    if c.work_history:
        start = xp.years_before(on, 5)
        trades = [p for p in c.work_history if is_trade(p.noc)]
        best = max(
            (xp.hours(ps, start=start, end=on) for ps in xp.by_occupation(trades).values()),
            default=0,
        )
        if best + 1e-6 < 2 * xp.HOURS_PER_YEAR:
            return Answer(
                False, N_("Less than 2 years of work in one skilled trade in the last 5 years")
            )
        met = N_("2 years in a skilled trade in the last 5 years")
    # Without a history only a certificate shows the work was in a trade.
    elif (
        c.certificate_of_qualification
        and c.canadian_experience_years + c.foreign_experience_years >= 2
    ):
        met = N_(
            "Certificate of qualification and 2+ years of work (approximate: no work history, "
            "judged from experience years)"
        )
    else:
        return cant_tell(_no_history(N_("2 years of work in one skilled trade")))
    funds = _settlement_funds(c, on, N_("FST"), cec_answer)
    if isinstance(funds, Answer):
        return funds
    return Answer(True, T_("%(met)s; %(funds)s", met=met, funds=funds))
