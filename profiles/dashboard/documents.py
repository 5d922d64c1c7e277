"""The dashboard's documents section (issue 13): checklist items overdue, and documents received
that expire within 90 days. An application is due 60 days after the ITA, so the 90 days take in
every document that would lapse before its file's deadline."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext

from profiles.expiry import EXPIRING_WITHIN_DAYS
from profiles.models import Client, DocumentItem

from .sections import ITEMS, Item, Section, Tally, capped, count_of, days_words

Status = DocumentItem.Status
MISSING = (Status.REQUESTED, Status.REJECTED, Status.EXPIRED)
NAME = ("public_id", "first_name", "last_name")


def _conditions(today: date) -> tuple[Q, Q]:
    overdue = Q(status__in=MISSING, due_on__lt=today)
    expiring = Q(
        status__in=(Status.UPLOADED, Status.ACCEPTED),
        expires_on__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS),
    )
    return overdue, expiring


def document_section(files: QuerySet[Client], today: date) -> Section:
    overdue, expiring = _conditions(today)
    matching = DocumentItem.objects.filter(overdue | expiring, client__in=files)
    rows = list(
        matching.annotate(
            total=capped(matching),
            overdue_count=capped(matching.filter(overdue)),
            expiring_count=capped(matching.filter(expiring)),
        )
        .select_related("client")
        .only("kind", "person", "person_name", "detail", "status", "due_on", "expires_on",
              *(f"client__{name}" for name in NAME))
        .order_by(F("due_on").asc(nulls_last=True), "expires_on", "pk")[:ITEMS]
    )  # fmt: skip
    items = []
    for row in rows:
        late = row.overdue_on(today)
        on = row.due_on if late else row.expires_on
        if late:
            what = gettext("%(item)s overdue") % {"item": row}
            means = gettext("Still not received")
        else:
            what = gettext("%(item)s expires") % {"item": row}
            means = gettext("Valid until %(day)s") % {"day": date_format(row.expires_on)}
        items.append(Item(row.client, on, what, means, late, days_words(on, today)))
    total, late, expiring_ = (count_of(rows, name)
                              for name in ("total", "overdue_count", "expiring_count"))  # fmt: skip
    counts = [
        Tally(gettext("Documents overdue"), late, urgent=bool(late)),
        Tally(gettext("Documents expiring"), expiring_),
    ]
    return Section(
        "documents", gettext("Documents overdue or expiring"), items, total,
        gettext("No document is overdue or expiring."), counts=counts,
    )  # fmt: skip
