"""The client file: who the client is and the facts the CRS and eligibility need.

Facts are stored as facts (dates, raw scores, NOC codes), never as points or years, so the file
can be scored as of any date (``profiles/candidates/``). ``current_crs`` and ``eligible_for``
are the exception: denormalised copies of today's result, kept by ``services.refresh_scores`` so
that lists of thousands of clients filter and sort on a column instead of scoring every row.
"""

import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from profiles.choices import (
    CERTIFYING_PROVINCES,
    NOMINATING_PROVINCES,
    WITH_PARTNER,
    FirstLanguage,
    JobOfferChoice,
    MaritalStatus,
    Stage,
)
from profiles.dates import PROFILE_VALIDITY_MONTHS, add_months, local_date
from scoring.rules import EXPRESS_ENTRY_START, NO_JOB_OFFER_POINTS_FROM

from .firms import Firm

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
# Earlier dates are typing slips (0001-01-01), not facts: nobody in the pool finished school,
# started work or was certified before 1950.
EARLIEST_FACT_DATE = date(1950, 1, 1)
# Free text people type (an address, a reason): long enough for any real one, never unbounded.
TEXT_LIMIT = 1000
# IRCC gives an invited candidate 60 days to submit the complete application for permanent
# residence (Express Entry: "after you're invited to apply").
APPLICATION_DAYS = 60
# What the client list's search matches, each word in any of them.
SEARCHED_FIELDS = ("first_name", "last_name", "email")


def _job_offer_help_now() -> str:
    # Lazy: a form shows it in the reader's language, the date in its format.
    return gettext(
        "Arranged employment. Earns CRS points only before %(day)s; still counts for FSW and "
        "FST eligibility."
    ) % {
        # No language in commands that deactivate translations (makemigrations): ISO, as
        # English writes it, so the migration state sees the same text.
        "day": date_format(NO_JOB_OFFER_POINTS_FROM)
        if get_language()
        else NO_JOB_OFFER_POINTS_FROM.isoformat()
    }


class ClientQuerySet(models.QuerySet):
    def current(self) -> "ClientQuerySet":
        """Files not archived: the only ones the lists, dashboard, digests and re-evaluation see."""
        return self.filter(archived_at=None)


def _list_index(name: str, *fields: str, archived: bool = False) -> models.Index:
    return models.Index(
        fields=["firm", *fields, "id"],
        name=name,
        condition=models.Q(archived_at__isnull=not archived),
    )


# The client list's sorts (issue 16), each with the id that makes it a total order: the list
# reads a page off the index instead of sorting 100,000 files. Partial: the list shows current
# files unless asked for the archived ones, which get their own small index by name.
LIST_INDEXES = [
    _list_index("client_list_name", "last_name", "first_name"),
    _list_index("client_list_crs", "current_crs"),
    _list_index("client_list_profile", "profile_submitted_at"),
    _list_index("client_list_added", "created_at"),
    _list_index("client_archived_name", "last_name", "first_name", archived=True),
    # The expiry filters ("expiring within 90 days" can match a few hundred files in 100,000).
    _list_index("client_list_language_expiry", "language_expires_on"),
    _list_index("client_list_eca_expiry", "eca_expires_on"),
    # The search (``icontains`` of each word in the names or the e-mail) by trigrams, on the
    # UPPER() that icontains compares on PostgreSQL. Created on PostgreSQL only (migration 0015).
    GinIndex(
        *(OpClass(Upper(field), name="gin_trgm_ops") for field in SEARCHED_FIELDS),
        name="client_search_trgm",
    ),
]


class Client(models.Model):
    """A client file owned by one firm.

    The integer primary key stays internal (standings and chunks use it); URLs and the API use
    `public_id`, so ids cannot be guessed or enumerated.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="clients")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="client_file",
        help_text=_("The client's own portal login, if invited."),
    )

    # Name and contact details. The client may change the contact details (e-mail, phone,
    # address: services.CONTACT_FIELDS) in the portal when the consultant allows it.
    first_name = models.CharField(max_length=100, verbose_name=_("first name"))
    last_name = models.CharField(max_length=100, verbose_name=_("last name"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    pending_email = models.EmailField(
        blank=True,
        editable=False,
        help_text=_("A new address the client asked for, until they confirm it by the link sent."),
    )
    phone = models.CharField(max_length=30, blank=True, verbose_name=_("phone"))
    address = models.TextField(
        blank=True,
        max_length=TEXT_LIMIT,
        validators=[MaxLengthValidator(TEXT_LIMIT)],
        verbose_name=_("address"),
    )

    # Facts of the principal applicant.
    birth_date = models.DateField(verbose_name=_("birth date"))
    marital_status = models.CharField(
        max_length=20,
        choices=MaritalStatus.choices,
        default=MaritalStatus.NEVER_MARRIED,
        verbose_name=_("marital status"),
    )
    first_official_language = models.CharField(
        max_length=10,
        choices=FirstLanguage.choices,
        default=FirstLanguage.BEST,
        help_text=_("The language declared first in the Express Entry profile."),
        verbose_name=_("first official language"),
    )
    certificate_issued_on = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("certificate of qualification issued on"),
        help_text=_("A trade certificate from a province or territory (not Quebec or Nunavut)."),
    )
    certificate_province = models.CharField(
        max_length=2,
        choices=CERTIFYING_PROVINCES,
        blank=True,
        verbose_name=_("certificate issued by"),
    )
    nomination_province = models.CharField(
        max_length=2, choices=NOMINATING_PROVINCES, blank=True, verbose_name=_("nominated by")
    )
    nominated_on = models.DateField(null=True, blank=True, verbose_name=_("nomination date"))
    job_offer = models.CharField(
        max_length=10,
        choices=JobOfferChoice.choices,
        default="none",
        help_text=lazy(_job_offer_help_now, str)(),
        verbose_name=_("job offer"),
    )
    sibling_in_canada = models.BooleanField(
        default=False,
        help_text=_(
            "A brother or sister of the client or of the accompanying spouse, 18+, living "
            "in Canada as a citizen or permanent resident."
        ),
        verbose_name=_("sibling in canada"),
    )

    # The spouse or partner; their education, tests and work are rows with person="spouse".
    spouse_name = models.CharField(max_length=200, blank=True, verbose_name=_("spouse name"))
    spouse_accompanying = models.BooleanField(
        default=True,
        help_text=_("Coming to Canada with the client."),
        verbose_name=_("spouse accompanying"),
    )
    spouse_citizen_or_pr = models.BooleanField(
        default=False,
        verbose_name=_("spouse is a Canadian citizen or PR"),
        help_text=_("If so the client is scored as single."),
    )
    dependent_children = models.PositiveSmallIntegerField(
        default=0,
        help_text=_(
            "The client's and the partner's dependent children (under 22), whether or not "
            "they come to Canada: they count in the family size for the settlement funds."
        ),
        verbose_name=_("dependent children"),
    )
    settlement_funds = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("settlement funds (CAD)"),
        help_text=_(
            "Money available to settle in Canada, as declared in the profile. FSW and FST "
            "need it unless the client is CEC-eligible or authorised to work in Canada with a job "
            'offer; left blank, their eligibility reads "can\'t tell".'
        ),
    )

    # Express Entry profile.
    profile_submitted_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("Express Entry profile submitted at"),
        help_text=_(
            "Date and time of the first submission: the tie-break. It expires 12 months later."
        ),
    )
    ita_received_on = models.DateField(
        null=True, blank=True, verbose_name=_("invitation to apply received on")
    )

    # The consultant's work on the file (issue 11), changed only through ``services.files``:
    # the stage (its changes are ``StageChange`` rows), who is responsible, and the archive.
    stage = models.CharField(max_length=12, choices=Stage.choices, default="lead", editable=False)
    stage_on = models.DateField(null=True, blank=True, editable=False, verbose_name=_("stage date"))
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="assigned_clients",
        verbose_name=_("responsible consultant"),
    )
    archived_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("Out of the lists and draws until restored."),
    )

    # Portal options.
    contact_updates_allowed = models.BooleanField(
        default=False,
        verbose_name=_("client may update contact details"),
        help_text=_(
            "Lets the client change their e-mail, phone and address in the portal (not their name)."
        ),
    )
    notifications_opt_in = models.BooleanField(
        default=False,
        verbose_name=_("e-mail me when my standing changes"),
        help_text=_("Chosen by the client in the portal."),
    )

    message_emails = models.BooleanField(
        default=True,
        verbose_name=_("e-mail me when a message arrives"),
        help_text=_("An e-mail with a link (never the message itself) when the consultant writes."),
    )

    # Denormalised from the facts by services.refresh_scores (see the module docstring).
    current_crs = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    crs_computed_on = models.DateField(null=True, blank=True, editable=False)
    eligible_for = models.CharField(
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Space-delimited program and category keys, with a space at each end."),
    )
    undecided_for = models.CharField(
        max_length=300,
        blank=True,
        editable=False,
        help_text='The same for the answers that are "can\'t tell" (a fact is missing).',
    )
    # The earliest date among the file's ``KeyDate`` rows of each kind, by the same refresh:
    # the list's badges and filters read a column instead of joining the rows.
    language_expires_on = models.DateField(null=True, blank=True, editable=False)
    eca_expires_on = models.DateField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Stages are audited by their own rows (StageChange, with the reason); the rest is computed.
    objects = ClientQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "current_crs", "crs_computed_on", "eligible_for", "undecided_for", "updated_at",
            "stage", "stage_on",
            "language_expires_on", "eca_expires_on",
        ]
    )  # fmt: skip

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        indexes = [
            *LIST_INDEXES,
            models.Index(fields=["firm", "consultant"]),
            models.Index(fields=["firm", "stage"]),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self) -> str:
        return reverse("profiles:client_detail", kwargs={"public_id": self.public_id})

    @property
    def has_partner(self) -> bool:
        return self.marital_status in WITH_PARTNER

    @property
    def spouse_not_counted_because(self) -> str:
        """Why the spouse's recorded facts do not count in the score (§1), or "" if they do."""
        if not self.has_partner:
            return gettext("the marital status is %(status)s") % {
                "status": self.get_marital_status_display().lower()
            }
        if not self.spouse_accompanying:
            return gettext("the spouse or partner is not accompanying")
        if self.spouse_citizen_or_pr:
            return gettext("the spouse or partner is a Canadian citizen or PR")
        return ""

    @property
    def profile_expires_at(self) -> datetime | None:
        if self.profile_submitted_at is None:
            return None
        return add_months(self.profile_submitted_at, PROFILE_VALIDITY_MONTHS)

    @property
    def application_due_on(self) -> date | None:
        """The last day to submit the application after an ITA (60 days, IRCC's rule)."""
        if self.ita_received_on is None:
            return None
        return self.ita_received_on + timedelta(days=APPLICATION_DAYS)

    @property
    def eligible_keys(self) -> list[str]:
        return self.eligible_for.split()

    @property
    def undecided_keys(self) -> list[str]:
        return self.undecided_for.split()

    @property
    def family_size(self) -> int:
        """For the settlement funds: the client, a spouse or partner (coming or not) and every
        dependent child."""
        return 1 + (self.marital_status in WITH_PARTNER) + self.dependent_children

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if self.birth_date and not EARLIEST_BIRTH_DATE <= self.birth_date <= today:
            errors["birth_date"] = gettext("Enter a birth date between 1900 and today.")
        for field in ("nominated_on", "certificate_issued_on", "ita_received_on"):
            if (getattr(self, field) or today) > today:
                errors[field] = gettext("This date is in the future.")
            elif (getattr(self, field) or today) < EARLIEST_FACT_DATE:
                errors[field] = gettext("Enter a date from %(day)s on.") % {
                    "day": date_format(EARLIEST_FACT_DATE)
                }
        for field in ("profile_submitted_at", "ita_received_on"):
            value = getattr(self, field)
            if isinstance(value, datetime):
                value = local_date(value)
            if value is not None and value < EXPRESS_ENTRY_START and field not in errors:
                errors[field] = gettext("Express Entry opened on %(day)s: enter a later date.") % {
                    "day": date_format(EXPRESS_ENTRY_START)
                }
        if bool(self.nominated_on) != bool(self.nomination_province):
            field = "nominated_on" if not self.nominated_on else "nomination_province"
            errors[field] = gettext("Give both the nominating province and the nomination date.")
        if self.certificate_province and not self.certificate_issued_on:
            errors["certificate_issued_on"] = gettext("Give the date the certificate was issued.")
        if self.profile_submitted_at and self.profile_submitted_at > timezone.now():
            errors["profile_submitted_at"] = gettext("This date is in the future.")
        if self.ita_received_on and not self.profile_submitted_at:
            errors["ita_received_on"] = gettext("An invitation needs a submitted profile.")
        elif (
            self.ita_received_on
            and self.profile_submitted_at
            # The local date, whatever zone the value came in: the API and the CSV give UTC
            # (or any offset), the forms Eastern time; an evening submission in Toronto is the
            # next day in UTC, and an ITA that same evening was refused.
            and self.ita_received_on < local_date(self.profile_submitted_at)
        ):
            errors["ita_received_on"] = gettext("The invitation cannot come before the profile.")
        if errors:
            raise ValidationError(errors)
