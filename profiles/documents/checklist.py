"""The checklist a file starts with, from its facts: what IRCC asks each person for.

Express Entry asks, for the profile, the passport, the language results and the ECA of each
foreign credential that earns points; after an invitation, the application adds police
certificates, medical exams, proof of funds, reference letters, civil status documents and photos
(IRCC, "Express Entry: documents you need"). The file knows no children or countries lived in,
so the consultant adds those items by hand (a police certificate per country lived in for six
months or more since age 18).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from profiles.dates import add_months
from profiles.models import Client, DocumentItem, DocumentKind, EducationCredential
from profiles.models import LanguageTestResult as Result

Kind, Person, Phase = DocumentKind, DocumentItem.Person, DocumentItem.Phase
# A language result counts for 2 years, an ECA for 5 (crs-rules.md §9), from their dates.
LANGUAGE_VALID_MONTHS = 24
ECA_VALID_MONTHS = 60


@dataclass(frozen=True)
class Wanted:
    kind: str
    person: str
    phase: str
    detail: str = ""
    language_result: Result | None = None
    credential: EducationCredential | None = None

    @property
    def key(self) -> tuple:
        """What makes two items the same one, so generating twice adds nothing."""
        return (self.kind, self.person, "", self.detail, self.phase)


def fact_expiry(item: DocumentItem | Wanted) -> date | None:
    """The expiry that the linked fact gives the document, or None when no fact is linked."""
    if item.language_result is not None:
        return add_months(item.language_result.test_date, LANGUAGE_VALID_MONTHS)
    if item.credential is not None and item.credential.eca_date:
        return add_months(item.credential.eca_date, ECA_VALID_MONTHS)
    return None


def wanted_for(client: Client, *, results: list, credentials: list) -> list[Wanted]:
    """Every item the file calls for; the application's only once the client has an ITA."""
    people = [Person.PRINCIPAL]
    if client.has_partner:
        people.append(Person.SPOUSE)
    items = [Wanted(Kind.PASSPORT, person, Phase.PROFILE) for person in people]
    for result in results:
        if result.person in people:
            detail = f"{result.get_test_display()} of {result.test_date:%Y-%m-%d}"
            items.append(Wanted(Kind.LANGUAGE, result.person, Phase.PROFILE, detail, result))
    for credential in credentials:
        if credential.person in people and not credential.in_canada:
            detail = credential.get_level_display()
            items.append(
                Wanted(Kind.ECA, credential.person, Phase.PROFILE, detail, credential=credential)
            )
    if client.nomination_province:
        items.append(Wanted(Kind.NOMINATION, Person.PRINCIPAL, Phase.PROFILE))
    if client.ita_received_on is None:
        return items
    for person in people:
        items += [
            Wanted(Kind.MEDICAL, person, Phase.APPLICATION),
            Wanted(Kind.PHOTO, person, Phase.APPLICATION),
            Wanted(Kind.BIRTH, person, Phase.APPLICATION),
        ]
    items.append(Wanted(Kind.FUNDS, Person.PRINCIPAL, Phase.APPLICATION))
    for work in client.work_periods.filter(person=Person.PRINCIPAL):
        detail = (work.employer or work.title)[:100]
        items.append(Wanted(Kind.EMPLOYMENT, Person.PRINCIPAL, Phase.APPLICATION, detail))
    if client.has_partner:
        items.append(Wanted(Kind.CIVIL_STATUS, Person.PRINCIPAL, Phase.APPLICATION))
    return items
