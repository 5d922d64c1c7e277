"""Draws API: everyone reads; staff record and correct draws through record_draw."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from draws import selectors
from draws.filters import DrawFilter
from draws.models import Draw
from draws.reevaluation import notices
from draws.serializers import DrawSerializer, RecordedDrawSerializer
from draws.services import draw_values, record_draw
from scoring.rules import EXPRESS_ENTRY_START


class IsStaffOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Reads are public; a write needs staff status and, as in the admin, the model permission
    (``draws.add_draw`` to record, ``draws.change_draw`` to correct)."""

    message = "Recording or correcting draws needs a staff account with the draw permissions."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_staff) and super().has_permission(
            request, view
        )


# Reads are public. drf-spectacular marks an operation public only for DRF's own AllowAny and
# IsAuthenticatedOrReadOnly, so the schema said reading draws needed a sign-in.
PUBLIC = [{}]


class DrawPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500  # the whole history (435 rounds) in one request


def _record(values: dict, serializer: DrawSerializer, request) -> None:
    try:
        recorded = record_draw(**values, by=request.user, source=Draw.Source.API)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from None
    serializer.instance = recorded.draw
    # record_draw's transaction has committed (API views are not atomic), so the run has been
    # handed to the broker, or not: the response says which.
    serializer.context["reevaluation"] = notices.status(recorded.run)


class WriteAnswersWithRun:
    """POST, PUT and PATCH answer with ``RecordedDrawSerializer``; reads stay lean."""

    def get_serializer_class(self):
        if self.request.method in SAFE_METHODS:
            return DrawSerializer
        return RecordedDrawSerializer


@extend_schema_view(
    get=extend_schema(
        tags=["draws"],
        auth=PUBLIC,
        summary="List draws",
        description="IRCC rounds of invitations, newest first unless `ordering` says otherwise.",
    ),
    post=extend_schema(
        tags=["draws"],
        summary="Record a draw (staff)",
        description=f"Validated like the admin form: a draw date from {EXPRESS_ENTRY_START} to "
        f"today, a tie-break (optional) from {EXPRESS_ENTRY_START} to the draw date and not "
        "after `ran_at`, a category version in force on the draw date, CRS 0 to 1200, 1 to 100,000 "
        "invitations. The answer's `reevaluation` says whether the re-evaluation of every "
        "client was queued (`queued: false`: the task broker is down; it starts by itself "
        "once the broker is back).",
    ),
)
class DrawListAPI(WriteAnswersWithRun, generics.ListCreateAPIView):
    queryset = selectors.draws_for_list()
    serializer_class = DrawSerializer
    filterset_class = DrawFilter
    pagination_class = DrawPagination
    permission_classes = [IsStaffOrReadOnly]

    def perform_create(self, serializer: DrawSerializer) -> None:
        _record(dict(serializer.validated_data), serializer, self.request)


@extend_schema_view(
    get=extend_schema(
        tags=["draws"], auth=PUBLIC, summary="One draw, by IRCC round number (e.g. 434 or 91a)"
    ),
    put=extend_schema(
        tags=["draws"],
        summary="Correct a draw (staff)",
        description="Fields left out keep their value. A correction of the date, round type, "
        "cut-off or tie-break re-evaluates every client (`reevaluation`); others re-run "
        "nothing (`reevaluation: null`).",
    ),
    patch=extend_schema(tags=["draws"], summary="Correct some fields of a draw (staff)"),
)
class DrawDetailAPI(WriteAnswersWithRun, generics.RetrieveUpdateAPIView):
    queryset = selectors.draws_for_list()
    serializer_class = DrawSerializer
    permission_classes = [IsStaffOrReadOnly]
    lookup_field = "number"

    def perform_update(self, serializer: DrawSerializer) -> None:
        values = draw_values(serializer.instance) | dict(serializer.validated_data)
        _record(values, serializer, self.request)
