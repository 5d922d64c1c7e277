"""Draws API: everyone reads; staff record and correct draws through record_draw."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission

from draws import selectors
from draws.filters import DrawFilter
from draws.models import Draw
from draws.serializers import DrawSerializer
from draws.services import draw_values, record_draw


class IsStaffOrReadOnly(BasePermission):
    message = "Only staff can record or correct draws."

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_staff)


class DrawPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500  # the whole history (435 rounds) in one request


def _record(values: dict, request) -> Draw:
    try:
        return record_draw(**values, by=request.user, source=Draw.Source.API).draw
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from None


@extend_schema_view(
    get=extend_schema(
        tags=["draws"],
        summary="List draws",
        description="IRCC rounds of invitations, newest first unless `ordering` says otherwise.",
    ),
    post=extend_schema(
        tags=["draws"],
        summary="Record a draw (staff)",
        description="Validated like the admin form: no future date, a tie-break on or before "
        "the draw date, a category version in force on the draw date, CRS 0 to 1200, at least "
        "one invitation.",
    ),
)
class DrawListAPI(generics.ListCreateAPIView):
    queryset = selectors.draws_for_list()
    serializer_class = DrawSerializer
    filterset_class = DrawFilter
    pagination_class = DrawPagination
    permission_classes = [IsStaffOrReadOnly]

    def perform_create(self, serializer: DrawSerializer) -> None:
        serializer.instance = _record(dict(serializer.validated_data), self.request)


@extend_schema_view(
    get=extend_schema(tags=["draws"], summary="One draw, by IRCC round number (e.g. 434 or 91a)"),
    put=extend_schema(
        tags=["draws"],
        summary="Correct a draw (staff)",
        description="Fields left out keep their value.",
    ),
    patch=extend_schema(tags=["draws"], summary="Correct some fields of a draw (staff)"),
)
class DrawDetailAPI(generics.RetrieveUpdateAPIView):
    queryset = selectors.draws_for_list()
    serializer_class = DrawSerializer
    permission_classes = [IsStaffOrReadOnly]
    lookup_field = "number"

    def perform_update(self, serializer: DrawSerializer) -> None:
        values = draw_values(serializer.instance) | dict(serializer.validated_data)
        serializer.instance = _record(values, self.request)
