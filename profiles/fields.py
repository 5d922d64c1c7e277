"""The fields of a client file that people write: the forms, the API, the CSV and the services
all take exactly these (the rest is computed: ``current_crs``, ``teer``, …).

A module of its own so that the CSV format can share them without importing the services.
"""

from django.db.models import Model

from profiles.models import EducationCredential, LanguageTestResult, WorkPeriod

CONTACT_FIELDS = ("email", "phone", "address")
CLIENT_FIELDS = (
    "first_name", "last_name", *CONTACT_FIELDS, "birth_date", "marital_status",
    "first_official_language", "spouse_name", "spouse_accompanying", "spouse_citizen_or_pr",
    "dependent_children", "settlement_funds", "certificate_issued_on", "certificate_province",
    "nomination_province", "nominated_on", "job_offer", "sibling_in_canada",
    "profile_submitted_at", "ita_received_on", "contact_updates_allowed",
)  # fmt: skip
FACT_FIELDS: dict[type[Model], tuple[str, ...]] = {
    EducationCredential: (
        "person", "level", "in_canada", "length_years", "completed_on", "eca_date", "institution",
    ),
    LanguageTestResult: (
        "person", "test", "listening", "reading", "writing", "speaking", "test_date",
    ),
    WorkPeriod: (
        "person", "noc", "title", "employer", "start", "end", "hours_per_week", "in_canada",
        "authorised", "self_employed", "student",
    ),
}  # fmt: skip
