"""The one FilterSet of the draws list, shared by the page and the API (DESIGN.md §9.4)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from draws.models import Draw, DrawCategory, Family, ReevaluationRun

FIRST_YEAR = 2015  # Express Entry's first round: 2015-01-31


def _years() -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.ChoiceFilter):
    """A year, typed as an integer in the schema (drf-spectacular read the model's date field)."""


class DrawOrdering(django_filters.OrderingFilter):
    """Orders as asked, then newest first, so equal values never shuffle between pages."""

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            field = self.get_ordering_value(param)
            ordering.append(field)
            if field.lstrip("-") == "sequence":  # "number": 91a before 91b
                ordering.append(field.replace("sequence", "number"))
        return qs.order_by(*ordering, *Draw._meta.ordering)


class DrawFilter(django_filters.FilterSet):
    family = django_filters.ChoiceFilter(
        field_name="category__family",
        choices=Family.choices,
        label=_("Round type"),
        empty_label=_("All round types"),
    )
    category = django_filters.ModelChoiceFilter(
        field_name="category",
        to_field_name="key",
        queryset=DrawCategory.objects.all(),
        label=_("Category version (its key, e.g. healthcare-2023-v1)"),
    )
    year = YearFilter(
        field_name="held_on",
        lookup_expr="year",
        choices=_years,
        label=_("Year"),
        empty_label=_("All years"),
    )
    held_after = django_filters.DateFilter(
        field_name="held_on", lookup_expr="gte", label=_("Held on or after (YYYY-MM-DD)")
    )
    held_before = django_filters.DateFilter(
        field_name="held_on", lookup_expr="lte", label=_("Held on or before (YYYY-MM-DD)")
    )
    min_crs = django_filters.NumberFilter(
        field_name="cutoff", lookup_expr="gte", label=_("Minimum CRS at least")
    )
    max_crs = django_filters.NumberFilter(
        field_name="cutoff", lookup_expr="lte", label=_("Minimum CRS at most")
    )
    ordering = DrawOrdering(
        fields=(
            ("held_on", "held_on"),
            ("sequence", "number"),
            ("cutoff", "cutoff"),
            ("invitations", "invitations"),
        ),
        label=_("Order by (prefix - for descending)"),
    )

    class Meta:
        model = Draw
        fields: list[str] = []


class RunFilter(django_filters.FilterSet):
    """The staff runs page (and the admin's draw page, by ``draw``)."""

    draw = django_filters.CharFilter(field_name="draw__number", label=_("Round number"))
    state = django_filters.ChoiceFilter(
        choices=ReevaluationRun.State.choices, label=_("State"), empty_label=_("Any state")
    )

    class Meta:
        model = ReevaluationRun
        fields: list[str] = []
