"""Firms and their consultants' seats (DESIGN.md §6)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Firm(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A consultant's seat in a firm. One firm per user: a consultant never straddles two firms."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="memberships")
    is_firm_admin = models.BooleanField(
        default=False, help_text=_("May invite and remove the firm's consultants.")
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    reminded_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the weekly reminder last went out."),
    )

    class Meta:
        ordering = ["user__last_name", "user__first_name", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} at {self.firm}"
