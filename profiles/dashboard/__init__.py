"""The consultant's dashboard (issue 11): what needs doing, one section per kind of thing.

``dashboard_for`` scopes everything through ``selectors.clients_visible_to`` (the firm's
files), leaves out archived files and decided ones, and by default keeps a consultant to their
own files and shows a firm administrator the whole firm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.utils import timezone

from profiles.choices import DECIDED_STAGES
from profiles.selectors import clients_visible_to

from .files import file_sections
from .sections import ITEMS, Item, Section, Tally, register, registered

__all__ = ["ITEMS", "Dashboard", "Item", "Section", "Tally", "dashboard_for", "register"]


@dataclass(frozen=True)
class Dashboard:
    on: date
    whole_firm: bool
    sections: list[Section]


def dashboard_for(
    *, user: User, whole_firm: bool | None = None, today: date | None = None
) -> Dashboard:
    """The dashboard of ``user`` (a consultant) on ``today``: their own files, or the whole
    firm's (the default for a firm administrator)."""
    today = today or timezone.localdate()
    if whole_firm is None:
        whole_firm = user.membership.is_firm_admin
    files = clients_visible_to(user=user).filter(archived_at=None).exclude(stage__in=DECIDED_STAGES)
    if not whole_firm:
        files = files.filter(consultant_id=user.pk)
    mine = {} if whole_firm else {"mine": "true"}
    sections = file_sections(files, today, mine)
    for provider in registered():
        sections += provider(files, today)
    return Dashboard(today, whole_firm, sections)
