"""The client list's filters and sorting: one FilterSet for the page and the API (DESIGN.md §9.4).

Score filters read the denormalised ``current_crs`` / ``eligible_for`` columns, never the
engine, so a list of 100,000 clients filters in the database. Filters apply on top of the
requester's scope (``selectors.clients_visible_to``); they never widen it.
"""

from __future__ import annotations

from datetime import timedelta

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from profiles.assessment import ELIGIBILITY_CHOICES
from profiles.choices import Person
from profiles.models import Client, LanguageTestResult
from profiles.models.clients import PROFILE_VALIDITY_MONTHS, add_months
from scoring.experience import years_before
from scoring.language import VALIDITY_YEARS


class ClientFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    crs_min = django_filters.NumberFilter(
        field_name="current_crs", lookup_expr="gte", label="CRS from"
    )
    crs_max = django_filters.NumberFilter(
        field_name="current_crs", lookup_expr="lte", label="CRS up to"
    )
    eligible = django_filters.ChoiceFilter(
        choices=ELIGIBILITY_CHOICES, method="eligible_for", label="Eligible for"
    )
    profile_expires_within = django_filters.NumberFilter(
        method="profile_expiring",
        min_value=0,
        max_value=3650,
        label="Profile expires within (days)",
    )
    language_expires_within = django_filters.NumberFilter(
        method="language_expiring",
        min_value=0,
        max_value=3650,
        label="A language result expires within (days)",
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("last_name", "name"),
            ("current_crs", "crs"),
            ("profile_submitted_at", "profile"),
            ("created_at", "added"),
        ),
        field_labels={
            "last_name": "Name",
            "current_crs": "CRS",
            "profile_submitted_at": "Profile date",
            "created_at": "Date added",
        },
        label="Sort by",
    )

    class Meta:
        model = Client
        fields: list[str] = []

    def search(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        return queryset

    def eligible_for(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        # Keys are stored space-delimited with a space at each end: " cec french ".
        return queryset.filter(eligible_for__contains=f" {value} ")

    def profile_expiring(self, queryset: QuerySet[Client], name: str, value) -> QuerySet[Client]:
        """Profiles still valid now that expire in the next ``value`` days (12 months, §9)."""
        now = timezone.now()
        return queryset.filter(
            profile_submitted_at__gt=add_months(now, -PROFILE_VALIDITY_MONTHS),
            profile_submitted_at__lte=add_months(
                now + timedelta(days=int(value)), -PROFILE_VALIDITY_MONTHS
            ),
        )

    def language_expiring(self, queryset: QuerySet[Client], name: str, value) -> QuerySet[Client]:
        """Clients with a result of their own still valid today that expires within ``value``
        days (results last 2 years from the test date, §9).
        """
        today = timezone.localdate()
        expiring = LanguageTestResult.objects.filter(
            client=OuterRef("pk"),
            person=Person.PRINCIPAL,
            test_date__gt=years_before(today, VALIDITY_YEARS),
            test_date__lte=years_before(today + timedelta(days=int(value)), VALIDITY_YEARS),
        )
        return queryset.filter(Exists(expiring))
