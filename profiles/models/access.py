"""Who read which client file, and how (issue 14): one line per page, export, download or API
read by the firm's people, for the firm administrator's access log.

A line outlives the file it names: ``client`` goes to NULL when the file is erased and
``client_ref`` keeps its public id, never a name or an e-mail (PIPEDA, Québec's Law 25: an
erased file leaves no personal data behind). ``user_ref`` does the same for a deleted login,
by its id (a consultant's username is their e-mail address).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .clients import Client
from .firms import Firm


class FileAccess(models.Model):
    class Action(models.TextChoices):
        VIEWED = "viewed", _("Viewed the file")
        EXPORTED_FILE = "exported_file", _("Exported the file")
        EXPORTED_LIST = "exported_list", _("Exported the client list")
        DOWNLOADED_DOCUMENT = "downloaded_document", _("Downloaded a document")
        API_VIEWED = "api_viewed", _("Read the file through the API")

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="file_accesses")
    client = models.ForeignKey(
        Client, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    client_ref = models.CharField(
        max_length=36, blank=True, help_text=_("The file's public id; empty for a list export.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    user_ref = models.CharField(
        max_length=20, help_text=_("The login's id, kept if it is deleted.")
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["firm", "-at"], name="file_access_firm_at")]
        verbose_name = "file access"
        verbose_name_plural = "file accesses"

    def __str__(self) -> str:
        target = self.client_ref or "client list"
        return (
            f"{self.get_action_display()}: {target} by user {self.user_ref} at {self.at:%Y-%m-%d}"
        )
