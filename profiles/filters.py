"""The client list's filters and sorting: one FilterSet for the page and the API (DESIGN.md §9.4).

Score filters read the denormalised ``current_crs`` / ``eligible_for`` columns, never the
engine, so a list of 100,000 clients filters in the database. Filters apply on top of the
requester's scope (``selectors.clients_visible_to``); they never widen it.

``latest_verdict`` (with ``draw``: the verdict in that round instead of the latest) reads the
standings the re-evaluation (draws) stores, through the reverse relation ``Client.standings``:
profiles never imports draws (DESIGN.md §1), so the models and the verdict choices are found
from the relation.

Archived files are left out unless ``archived`` asks for them (and then only they are listed);
``mine`` keeps the requesting consultant's own files; the ``*_status`` filters share their
meaning with the badges and the dashboard (``profiles.expiry``).
"""

from __future__ import annotations

import re
from datetime import timedelta

import django_filters
from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from profiles.choices import Person, Stage
from profiles.expiry import Status, profile_expiring, with_status
from profiles.list_order import off_the_indexes, total_order
from profiles.models import Client, FileAccess, LanguageTestResult
from profiles.search import few_matches
from scoring.dates import last_day_n_years_old
from scoring.labels import ELIGIBILITY_NAMES
from scoring.language import VALIDITY_YEARS


class ClientFilterForm(forms.Form):
    def clean_draw(self) -> str:
        number = self.cleaned_data.get("draw", "").strip().lower()
        # A typo must say so, not answer "no client matches" (one query, only when given). The
        # id found lets the list read the standings by (client, draw) instead of joining the
        # draws by number for each file (issue 16).
        draws = _draw_model().objects.filter(number=number)
        self.draw_id = draws.values_list("pk", flat=True).first() if number else None
        if number and self.draw_id is None:
            raise ValidationError(
                gettext("No round %(number)s has been recorded.") % {"number": number}
            )
        return number


class ClientFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    crs_min = django_filters.NumberFilter(
        field_name="current_crs", lookup_expr="gte", label=_("CRS from")
    )
    crs_max = django_filters.NumberFilter(
        field_name="current_crs", lookup_expr="lte", label=_("CRS up to")
    )
    eligible = django_filters.ChoiceFilter(
        # The engine marks these names (N_); shown in the reader's language.
        choices=[(key, _(name)) for key, name in ELIGIBILITY_NAMES.items()],
        method="eligible_for",
        label=_("Eligible for"),
    )
    latest_verdict = django_filters.ChoiceFilter(
        choices=lambda: _standing_model()._meta.get_field("verdict").choices,
        method="verdict_in_draw",
        label=_("Verdict in a draw"),
        empty_label=_("Any verdict"),
    )
    draw = django_filters.CharFilter(
        method="in_draw",
        max_length=8,
        label=_("Round"),
        help_text=_("IRCC's round number; empty: the latest evaluated draw."),
    )
    profile_expires_within = django_filters.NumberFilter(
        method="profile_expiring",
        min_value=0,
        max_value=3650,
        label=_("Profile expires within (days)"),
    )
    language_expires_within = django_filters.NumberFilter(
        method="language_expiring",
        min_value=0,
        max_value=3650,
        label=_("A language result expires within (days)"),
    )
    profile_status = django_filters.ChoiceFilter(
        choices=Status.choices, method="by_status", label=_("Profile"), empty_label=_("Any profile")
    )
    language_status = django_filters.ChoiceFilter(
        choices=Status.choices,
        method="by_status",
        label=_("Language results"),
        empty_label=_("Any language results"),
    )
    eca_status = django_filters.ChoiceFilter(
        choices=Status.choices, method="by_status", label=_("ECAs"), empty_label=_("Any ECAs")
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices, empty_label=_("Any stage"))
    mine = django_filters.BooleanFilter(
        method="assigned_to_me",
        label=_("My clients only"),
        widget=forms.CheckboxInput,
    )
    archived = django_filters.BooleanFilter(
        method="archived_only", label=_("Archived files"), widget=forms.CheckboxInput
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("last_name", "name"),
            ("current_crs", "crs"),
            ("profile_submitted_at", "profile"),
            ("created_at", "added"),
        ),
        field_labels={
            "last_name": _("Name"),
            "current_crs": _("CRS"),
            "profile_submitted_at": _("Profile date"),
            "created_at": _("Date added"),
            # Named here: django-filter words the descending ones once, at import, in English.
            "-name": _("Name (descending)"),
            "-crs": _("CRS (descending)"),
            "-profile": _("Profile date (descending)"),
            "-added": _("Date added (descending)"),
        },
        label=_("Sort by"),
    )

    class Meta:
        model = Client
        fields: list[str] = []
        form = ClientFilterForm

    @property
    def qs(self) -> QuerySet[Client]:
        # Unbound (no query string), django-filter skips filter_queryset: archived files would
        # show on the page's first load.
        if not self.is_bound and not hasattr(self, "_qs"):
            self._qs = self.queryset.filter(archived_at=None)
        return super().qs

    def filter_queryset(self, queryset: QuerySet[Client]) -> QuerySet[Client]:
        """Archived files leave the list unless asked for (``archived``)."""
        if not self.form.cleaned_data.get("archived"):
            queryset = queryset.filter(archived_at=None)
        self.few_matches = False
        ordered = total_order(super().filter_queryset(queryset))
        return off_the_indexes(ordered) if self.few_matches else ordered

    def archived_only(self, queryset: QuerySet[Client], name: str, value) -> QuerySet[Client]:
        return queryset.exclude(archived_at=None) if value else queryset

    def assigned_to_me(self, queryset: QuerySet[Client], name: str, value) -> QuerySet[Client]:
        user = getattr(self.request, "user", None)
        if not value or user is None:
            return queryset
        return queryset.filter(consultant_id=user.pk)

    def by_status(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        return queryset.filter(
            with_status(name.removesuffix("_status"), value, timezone.localdate())
        )

    def search(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        # Commas separate words too: the list shows names as "Garcia, Chloé", and that pasted
        # back searched for "Garcia," and found nothing.
        words = re.findall(r"[^\s,;]+", value)[:5]
        for word in words:
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        self.few_matches = few_matches(queryset, words)
        return queryset

    def eligible_for(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        # Keys are stored space-delimited with a space at each end: " cec french ".
        return queryset.filter(eligible_for__contains=f" {value} ")

    def verdict_in_draw(
        self, queryset: QuerySet[Client], name: str, value: str
    ) -> QuerySet[Client]:
        """Clients whose standing in the round ``draw`` names, else in the latest evaluated
        draw, has this verdict.

        The latest draw is the newest (the draws' own ordering) that has standings, so a draw
        recorded but not yet evaluated does not empty the list; walking the draws newest first
        and probing the standings' (draw, verdict) index keeps it one cheap subquery inside the
        list's query. (draw, client) is unique: the join adds no duplicate rows.
        """
        if self.form.cleaned_data.get("draw"):
            # One filter() call: the draw and the verdict are of the same standing row.
            return queryset.filter(standings__draw_id=self.form.draw_id, standings__verdict=value)
        standing = _standing_model()
        evaluated = Exists(standing.objects.filter(draw=OuterRef("pk")))
        latest = _draw_model().objects.filter(evaluated).values("pk")[:1]
        return queryset.filter(standings__draw_id=Subquery(latest), standings__verdict=value)

    def in_draw(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        """Alone: the clients evaluated in that round. With a verdict, ``verdict_in_draw``
        reads the round itself (a second join here would match any standing)."""
        if self.form.cleaned_data.get("latest_verdict"):
            return queryset
        return queryset.filter(standings__draw_id=self.form.draw_id)

    def profile_expiring(self, queryset: QuerySet[Client], name: str, value) -> QuerySet[Client]:
        """Profiles still valid today that expire in the next ``value`` days (12 months, §9):
        the badges' and the dashboard's own rule (``profiles.expiry``)."""
        today = timezone.localdate()
        return queryset.filter(
            profile_expiring(today + timedelta(days=1), today + timedelta(days=int(value)))
        )

    def language_expiring(self, queryset: QuerySet[Client], name: str, value) -> QuerySet[Client]:
        """Clients with a result of their own still valid today that expires within ``value``
        days (results last 2 years from the test date, §9).
        """
        today = timezone.localdate()
        # Test dates after the last one already 2 years old today, up to the last one that is
        # 2 years old on the day ``value`` days ahead: the engine's own expiry (expiry_date).
        expiring = LanguageTestResult.objects.filter(
            client=OuterRef("pk"),
            person=Person.PRINCIPAL,
            test_date__gt=last_day_n_years_old(today, VALIDITY_YEARS),
            test_date__lte=last_day_n_years_old(today + timedelta(days=int(value)), VALIDITY_YEARS),
        )
        return queryset.filter(Exists(expiring))


def _standing_model():
    # Through the reverse relation, not an import of draws: profiles must not depend on draws.
    return Client._meta.get_field("standings").related_model


def _draw_model():
    return _standing_model()._meta.get_field("draw").related_model


class AccessFilterForm(forms.Form):
    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", gettext("This date is before the first one."))
        return data


def _firm_consultants(request) -> QuerySet[User]:
    """The consultant filter's choices: the requester's firm's people, no other firm's."""
    if request is None:
        return User.objects.none()
    return User.objects.filter(membership__firm_id=request.user.membership.firm_id).order_by(
        "last_name", "first_name", "username"
    )


class AccessFilter(django_filters.FilterSet):
    """The firm administrator's access log (issue 14), on top of ``access_log_of``'s scope."""

    action = django_filters.ChoiceFilter(
        choices=FileAccess.Action.choices, empty_label=_("Any action")
    )
    consultant = django_filters.ModelChoiceFilter(
        field_name="user", queryset=_firm_consultants, empty_label=_("Anyone")
    )
    # Days in the site's time zone (``__date`` converts), as the page shows the times.
    since = django_filters.DateFilter(
        field_name="at",
        lookup_expr="date__gte",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        field_name="at",
        lookup_expr="date__lte",
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = FileAccess
        fields: list[str] = []
        form = AccessFilterForm
