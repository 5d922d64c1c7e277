"""Plausible, varied synthetic client files: demo data and benchmark seeding share this.

Everything is drawn from the ``random.Random`` passed in, relative to ``today``, so the same seed
on the same day gives the same files. A file comes back as plain values keyed by field attname
(``profiles.bulk.insert_values`` writes 100,000 of them without building model instances),
already scored with the engine; ``as_instances`` turns one into unsaved model instances.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from profiles.candidates.assessment import summary
from profiles.candidates.loader import facts_from_values
from profiles.choices import WITH_PARTNER, Person
from profiles.models import Client, EducationCredential, Firm, LanguageTestResult, WorkPeriod
from profiles.noc import unit_groups


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Aarav Priya Wei Mei Carlos Lucía Amara Chinedu Fatima Omar Anh Minh Olena Taras Sofia "
    "Mateo Aisha Yusuf Hana Kenji Grace Daniel Léa Hugo Nia Kwame Sara Ali Isabel Rafael Zara "
    "Arjun Ngozi Tunde Elif Emre Marta Pavel Laila Samir Chloé Julien Ana Diego Ravi Deepa Jin"
)
LAST_NAMES = _words(
    "Sharma Patel Wang Li Garcia Rodriguez Okafor Adeyemi Khan Hassan Nguyen Tran Kovalenko "
    "Shevchenko Rossi Silva Ahmed Ibrahim Sato Tanaka Mensah Mwangi Martin Dubois Haddad Kaya "
    "Nowak Kowalski Santos Pereira Mehta Iyer Kim Park Chen Singh Ali Costa Lopez Fernandes"
)
# Common Express Entry occupations (NOC 2021 unit groups), weighted toward skilled work.
OCCUPATIONS = _words(
    "21232 21231 21211 21223 21222 31301 31302 32101 31102 11100 11101 12200 13110 41221 "
    "41220 42202 63200 62200 72200 72106 72310 73300 72410 22310 21300 21301 20012 00012 "
    "10010 33102 42201 41200 11202 62020 64100 65200"
)
_NOC = {code: unit_groups()[code] for code in OCCUPATIONS}  # fails at import if a code is wrong
_PROVINCES = ("ON", "BC", "AB", "MB", "SK", "NS", "NB", "PE", "NL", "YT", "NT")
_LEVELS = ("secondary", "one_year", "two_year", "bachelors", "masters", "doctoral")
_LEVEL_WEIGHTS = (5, 7, 13, 40, 28, 7)
_LENGTH = {
    "secondary": None,
    "one_year": 1,
    "two_year": 2,
    "bachelors": 4,
    "masters": 2,
    "doctoral": 4,
}
_IELTS_BANDS = tuple(x / 2 for x in range(9, 19))  # 4.5 .. 9.0
_STATUSES = ("never_married", "married", "common_law", "divorced")
_ABILITIES = ("listening", "reading", "writing", "speaking")
_PRINCIPAL, _SPOUSE = Person.PRINCIPAL.value, Person.SPOUSE.value


def _ascii(text: str) -> str:
    """Léa → lea: e-mail addresses stay ASCII (EmailField rejects some accented ones)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _days_ago(rng: random.Random, today: date, low: int, high: int) -> date:
    return today - timedelta(days=rng.randint(low, high))


Fact = tuple[type, dict]


def _result(test: str, taken: date, scores: list, person: str) -> Fact:
    values = dict(zip(_ABILITIES, scores, strict=True))
    return LanguageTestResult, {"person": person, "test": test, "test_date": taken, **values}


def _english(rng: random.Random, today: date, person: str = _PRINCIPAL) -> Fact:
    taken = _days_ago(rng, today, 20, 900)  # about one in six has expired
    kind = rng.choices(("ielts", "celpip", "pte_core"), (60, 35, 5))[0]
    if kind == "pte_core":
        taken = max(taken, date(2024, 2, 1))  # PTE Core is accepted from 2024-01-30
        scores = [float(rng.randint(55, 90)) for _ in range(4)]
    elif kind == "celpip":
        base = rng.randint(6, 11)
        scores = [float(min(12, max(4, base + rng.randint(-1, 1)))) for _ in range(4)]
    else:
        base = rng.randint(4, 9)
        scores = [_IELTS_BANDS[min(9, max(0, base + rng.randint(-2, 1)))] for _ in range(4)]
    return _result(kind, taken, scores, person)


def _french(rng: random.Random, today: date) -> Fact:
    taken = _days_ago(rng, today, 20, 700)
    if rng.random() < 0.6:
        return _result("tef", taken, [float(rng.randint(380, 650)) for _ in range(4)], _PRINCIPAL)
    scores = [rng.randint(400, 650), rng.randint(400, 650), rng.randint(8, 18), rng.randint(8, 18)]
    return _result("tcf", taken, [float(x) for x in scores], _PRINCIPAL)


def _credential(rng: random.Random, birth: date, today: date, level: str, person: str) -> Fact:
    in_canada = rng.random() < 0.3
    year = min(today.year - 1, birth.year + 22 + rng.randint(0, 8))
    finished = date(year, rng.choice((5, 6, 12)), 15)
    eca = None
    if not in_canada and rng.random() < 0.9:
        eca = min(today, finished + timedelta(days=rng.randint(200, 3000)))
    return EducationCredential, {
        "person": person,
        "level": level,
        "in_canada": in_canada,
        "length_years": _LENGTH[level],
        "completed_on": finished,
        "eca_date": eca,
    }


def _job(rng: random.Random, today: date, *, in_canada: bool, person: str = _PRINCIPAL) -> Fact:
    noc = _NOC[rng.choice(OCCUPATIONS)]
    start = _days_ago(rng, today, 200, 3300)
    end = None if rng.random() < 0.6 else min(today, start + timedelta(days=rng.randint(200, 1800)))
    return WorkPeriod, {
        "person": person,
        "noc": noc.code,
        "title": noc.title,
        "teer": noc.teer,
        "start": start,
        "end": end,
        "hours_per_week": rng.choice((40.0, 40.0, 37.5, 35.0, 30.0, 20.0)),
        "in_canada": in_canada,
        "authorised": True,
        "self_employed": False,
        "student": False,
    }


def synthetic_client(
    rng: random.Random, *, firm: Firm, today: date, email_domain: str
) -> tuple[dict, list[Fact]]:
    """One client's values and their facts' (model, values), already scored on ``today``."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    birth = today - timedelta(days=rng.randint(20 * 365, 50 * 365))
    status = rng.choices(_STATUSES, (55, 33, 8, 4))[0]
    client = {
        "firm_id": firm.pk,
        "first_name": first,
        "last_name": last,
        "email": _ascii(f"{first}.{last}.{rng.randrange(10**6)}@{email_domain}".lower()),
        "phone": f"+1 416 555 {rng.randrange(10000):04d}",
        "birth_date": birth,
        "marital_status": status,
        "first_official_language": "best",
        "spouse_name": "",
        "spouse_accompanying": True,
        "spouse_citizen_or_pr": False,
        "certificate_issued_on": None,
        "certificate_province": "",
        "nomination_province": "",
        "nominated_on": None,
        "job_offer": "none",
        "sibling_in_canada": rng.random() < 0.06,
        "profile_submitted_at": None,
        "ita_received_on": None,
        "contact_updates_allowed": rng.random() < 0.3,
    }
    # A generator of its own, so the facts drawn from ``rng`` stay what they were.
    household = random.Random(client["phone"])
    client["dependent_children"] = household.choices((0, 1, 2, 3), (55, 20, 18, 7))[0]
    if household.random() < 0.8:  # the rest have no funds recorded: FSW/FST "can't tell"
        client["settlement_funds"] = household.randrange(2_000, 90_000, 500)
    if status in WITH_PARTNER:
        client["spouse_name"] = f"{rng.choice(FIRST_NAMES)} {last}"
        client["spouse_accompanying"] = rng.random() < 0.85
        client["spouse_citizen_or_pr"] = rng.random() < 0.08
    if rng.random() < 0.78:
        submitted = _days_ago(rng, today, 1, 420)  # some past 12 months: expired profiles
        moment = datetime.combine(submitted, time(rng.randint(8, 20), rng.randint(0, 59)))
        client["profile_submitted_at"] = timezone.make_aware(moment)
        if rng.random() < 0.03:
            client["ita_received_on"] = min(today, submitted + timedelta(days=rng.randint(10, 200)))
    if rng.random() < 0.05:
        client["nomination_province"] = rng.choice(_PROVINCES)
        client["nominated_on"] = _days_ago(rng, today, 5, 300)

    level = rng.choices(_LEVELS, _LEVEL_WEIGHTS)[0]
    facts = [_credential(rng, birth, today, level, _PRINCIPAL)]
    if level in ("masters", "doctoral") or rng.random() < 0.15:
        other = "bachelors" if level != "bachelors" else "two_year"
        facts.append(_credential(rng, birth, today, other, _PRINCIPAL))
    french_first = rng.random() < 0.08
    if not french_first or rng.random() < 0.5:
        facts.append(_english(rng, today))
        if rng.random() < 0.15:
            facts.append(_english(rng, today))  # a retake: the best valid one counts
    if french_first or rng.random() < 0.12:
        facts.append(_french(rng, today))
    canadian = rng.random() < 0.45
    jobs = [
        _job(rng, today, in_canada=canadian or rng.random() < 0.2)
        for _ in range(rng.choices((0, 1, 2, 3), (8, 50, 30, 12))[0])
    ]
    facts += jobs
    if any(values["noc"][:2] in ("72", "73") for _, values in jobs) and rng.random() < 0.3:
        client["certificate_province"] = rng.choice(("ON", "BC", "AB"))
        client["certificate_issued_on"] = _days_ago(rng, today, 30, 2000)
    if client["spouse_name"] and client["spouse_accompanying"]:
        spouse_level = rng.choices(_LEVELS, _LEVEL_WEIGHTS)[0]
        facts.append(_credential(rng, birth, today, spouse_level, _SPOUSE))
        if rng.random() < 0.6:
            facts.append(_english(rng, today, _SPOUSE))
        if rng.random() < 0.35:
            facts.append(_job(rng, today, in_canada=True, person=_SPOUSE))
    candidate = facts_from_values(client, facts).candidate(today)
    client["current_crs"], client["eligible_for"], client["undecided_for"] = summary(
        candidate, today
    )
    client["crs_computed_on"] = today
    return client, facts


def as_instances(client: dict, facts: list[Fact]) -> tuple[Client, list]:
    """Unsaved model instances for one synthetic file (the facts' ``client`` is set)."""
    owner = Client(**client)
    return owner, [model(client=owner, **values) for model, values in facts]
