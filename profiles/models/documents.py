"""A file's documents (issue 13): the checklist of what IRCC asks for, the files uploaded
against each item, and the file's record of every upload, review and removal.

Stored files are kept by their random storage name only (``DocumentFile.storage_name``), read
and written through ``storages["documents"]`` at run time, never through a ``FileField``: a
field binds its storage when the model loads, so tests and deployments could not point it
elsewhere, and a ``FileField`` hands out ``.url``, which must never be used for these files.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .clients import TEXT_LIMIT, Client
from .facts import EducationCredential, LanguageTestResult


class DocumentKind(models.TextChoices):
    """IRCC's document types for an Express Entry profile and the application after an ITA
    (IRCC, "Documents for Express Entry: how to get them")."""

    PASSPORT = "passport", _("Passport or travel document")
    LANGUAGE = "language", _("Language test results")
    ECA = "eca", _("Educational credential assessment (ECA)")
    POLICE = "police", _("Police certificate")
    MEDICAL = "medical", _("Medical exam confirmation")
    FUNDS = "funds", _("Proof of funds")
    EMPLOYMENT = "employment", _("Employment reference letter")
    CIVIL_STATUS = "civil_status", _("Marriage or common-law proof")
    BIRTH = "birth", _("Birth certificate")
    PHOTO = "photo", _("Digital photo")
    NOMINATION = "nomination", _("Provincial nomination certificate")
    OTHER = "other", _("Other document")


class DocumentItem(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        UPLOADED = "uploaded", _("Uploaded, waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        EXPIRED = "expired", _("Expired")
        NOT_NEEDED = "not_needed", _("Not needed")

    class Person(models.TextChoices):
        PRINCIPAL = "principal", _("Client")
        SPOUSE = "spouse", _("Spouse or partner")
        CHILD = "child", _("Dependent child")

    class Phase(models.TextChoices):
        PROFILE = "profile", _("For the Express Entry profile")
        APPLICATION = "application", _("For the application after the invitation")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="document_items")
    kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    person = models.CharField(max_length=10, choices=Person.choices, default=Person.PRINCIPAL)
    person_name = models.CharField(
        max_length=100, blank=True, help_text=_("The child's first name, for a dependent child.")
    )
    detail = models.CharField(
        max_length=100, blank=True, help_text=_("The country, employer or test this item is for.")
    )
    phase = models.CharField(max_length=12, choices=Phase.choices, default=Phase.PROFILE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    rejection_reason = models.TextField(
        blank=True, max_length=TEXT_LIMIT, validators=[MaxLengthValidator(TEXT_LIMIT)]
    )
    due_on = models.DateField(null=True, blank=True, verbose_name=_("due date"))
    expires_on = models.DateField(null=True, blank=True, verbose_name=_("expiry date"))
    # A document that carries a fact the score uses: its expiry is the fact's (issue 13 §5).
    language_result = models.ForeignKey(
        LanguageTestResult, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    credential = models.ForeignKey(
        EducationCredential, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    generated = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["phase", "person", "person_name", "kind", "detail", "pk"]
        indexes = [
            models.Index(fields=["client", "status"], name="document_item_client"),
            models.Index(fields=["status", "due_on"], name="document_item_due"),
            models.Index(fields=["status", "expires_on"], name="document_item_expiry"),
        ]

    def __str__(self) -> str:
        return " · ".join(filter(None, [self.get_kind_display(), self.detail, self.whose]))

    @property
    def whose(self) -> str:
        if self.person == self.Person.CHILD and self.person_name:
            return gettext("Child: %(name)s") % {"name": self.person_name}
        return self.get_person_display()

    @property
    def missing(self) -> bool:
        """Still needed from the client: never sent, refused, or out of date."""
        return self.status in (self.Status.REQUESTED, self.Status.REJECTED, self.Status.EXPIRED)

    def overdue_on(self, today: date) -> bool:
        return self.missing and self.due_on is not None and self.due_on < today


class DocumentFile(models.Model):
    """One stored file, against a checklist item or attached to a message."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="document_files")
    item = models.ForeignKey(
        DocumentItem, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    message = models.ForeignKey(
        "profiles.Message",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    # uuid4 hex plus the checked extension: never the client's name, never guessable.
    storage_name = models.CharField(max_length=200, unique=True, editable=False)
    filename = models.CharField(max_length=200, help_text=_("The name it was uploaded with."))
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.filename


class DocumentEvent(models.Model):
    """The file history's record of documents and messages: who did what, when."""

    class Action(models.TextChoices):
        ADDED = "added", _("Item added")
        UPLOADED = "uploaded", _("File uploaded")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        NOT_NEEDED = "not_needed", _("Marked not needed")
        REMOVED = "removed", _("Removed")
        EXPIRED = "expired", _("Expired")
        MESSAGE = "message", _("Message sent")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="document_events")
    action = models.CharField(max_length=10, choices=Action.choices)
    what = models.CharField(max_length=300, help_text=_("The item or file, in words."))
    note = models.TextField(
        blank=True,
        max_length=TEXT_LIMIT,
        validators=[MaxLengthValidator(TEXT_LIMIT)],
        help_text=_("A rejection's reason."),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["client", "-at"], name="document_event_client")]

    def __str__(self) -> str:
        return f"{self.client_id}: {self.get_action_display()} {self.what}"


class Message(models.Model):
    """A message of the file's one thread between the firm and the client."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Which side wrote it, kept apart from the author: a consultant removed from the firm, or a
    # deleted login, still leaves a message that the other side has or has not read.
    from_client = models.BooleanField()
    body = models.TextField(max_length=5000)
    sent_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the other side first opened the thread after it.")
    )

    class Meta:
        ordering = ["sent_at", "pk"]
        indexes = [models.Index(fields=["client", "from_client", "read_at"], name="message_unread")]

    def __str__(self) -> str:
        return f"{self.client_id} at {self.sent_at:%Y-%m-%d %H:%M}"
