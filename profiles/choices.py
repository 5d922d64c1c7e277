"""Closed sets of values stored on client files (DESIGN.md §9.8: TextChoices for closed sets).

Values that the scoring engine also knows (education levels, language tests, job offers) use the
engine's own strings, so a stored fact converts to a ``Candidate`` without a translation table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from scoring.labels import EDUCATION_LABELS, JOB_OFFER_NAMES
from scoring.language import TEST_LABELS, LanguageTest
from scoring.types import Education, JobOffer


class Person(models.TextChoices):
    """Whose fact a row records: the client (principal applicant) or their spouse or partner."""

    PRINCIPAL = "principal", _("Client")
    SPOUSE = "spouse", _("Spouse or partner")


class MaritalStatus(models.TextChoices):
    NEVER_MARRIED = "never_married", _("Never married / single")
    MARRIED = "married", _("Married")
    COMMON_LAW = "common_law", _("Common-law")
    SEPARATED = "separated", _("Legally separated")
    DIVORCED = "divorced", _("Divorced")
    WIDOWED = "widowed", _("Widowed")


# Only these two statuses can bring a spouse or partner into the score (crs-rules.md §1).
WITH_PARTNER = frozenset({MaritalStatus.MARRIED, MaritalStatus.COMMON_LAW})


class FirstLanguage(models.TextChoices):
    """Which official language the client declares first in the Express Entry profile."""

    BEST = "best", _("Whichever scores higher")
    ENGLISH = "english", _("English")
    FRENCH = "french", _("French")


# The engine's labels are marked there (N_); lazy here, so forms say them in the reader's
# language.
# One credential is one level; "two or more credentials" is worked out from the rows
# (profiles/candidates/facts.py), so it is not offered for a single credential.
EducationLevel = models.TextChoices(
    "EducationLevel",
    [
        (level.name, (level.value, _(EDUCATION_LABELS[level])))
        for level in Education
        if level not in (Education.NONE, Education.TWO_OR_MORE)
    ],
)
SpouseEducation = models.TextChoices(
    "SpouseEducation",
    [(level.name, (level.value, _(EDUCATION_LABELS[level]))) for level in Education],
)
LanguageTestChoice = models.TextChoices(
    "LanguageTestChoice", [(test.name, (test.value, _(TEST_LABELS[test]))) for test in LanguageTest]
)
JobOfferChoice = models.TextChoices(
    "JobOfferChoice", [(offer.name, (offer.value, _(JOB_OFFER_NAMES[offer]))) for offer in JobOffer]
)


class Province(models.TextChoices):
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    MB = "MB", _("Manitoba")
    NB = "NB", _("New Brunswick")
    NL = "NL", _("Newfoundland and Labrador")
    NS = "NS", _("Nova Scotia")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Prince Edward Island")
    QC = "QC", _("Quebec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")


# Quebec selects its own immigrants outside Express Entry, and the CRS tool takes no certificate
# from Quebec or Nunavut (crs-rules.md §4); offering them would record facts that earn nothing.
NOMINATING_PROVINCES = [choice for choice in Province.choices if choice[0] != Province.QC]
CERTIFYING_PROVINCES = [c for c in NOMINATING_PROVINCES if c[0] != Province.NU]


class Stage(models.TextChoices):
    """Where a file is in the consultant's work, in order; the three decisions end a file."""

    LEAD = "lead", _("Lead")
    PREPARING = "preparing", _("Preparing the profile")
    IN_POOL = "in_pool", _("In the pool")
    ITA_RECEIVED = "ita_received", _("ITA received")
    APPLIED = "applied", _("Application submitted")
    APPROVED = "approved", _("Decision: approved")
    REFUSED = "refused", _("Decision: refused")
    WITHDRAWN = "withdrawn", _("Decision: withdrawn")


# How far along each stage is: a stage of a lower rank than the file's is a step back, which
# needs a reason. The decisions share the last rank; changing one for another also needs one.
STAGE_RANK = {stage: min(index, 5) for index, stage in enumerate(Stage)}
# Files still looking for an invitation: their profile, tests and ECAs still matter.
SEEKING_STAGES = (Stage.LEAD, Stage.PREPARING, Stage.IN_POOL)
DECIDED_STAGES = (Stage.APPROVED, Stage.REFUSED, Stage.WITHDRAWN)
