"""REST API: the consultant's clients and the signed-in client's own file (DESIGN.md §6).

``/api/v1/clients/`` is scoped by ``clients_visible_to`` and filtered by the page's own
``ClientFilter``; another firm's client is a 404. Writes go through the services.
"""

from __future__ import annotations

from itertools import chain

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from profiles import selectors, services
from profiles.candidates.assessment import Assessment
from profiles.filters import ClientFilter
from profiles.models import FileAccess
from profiles.pagination import CappedPageNumberPagination
from profiles.roles import roles_of
from profiles.serializers import (
    NESTED,
    AssignSerializer,
    ClientSerializer,
    ContactSerializer,
    MeSerializer,
    OwnFileSerializer,
    StageSerializer,
)

FACT_RELATIONS = tuple(NESTED)  # credentials, language_results, work_periods


class IsConsultant(permissions.BasePermission):
    def has_permission(self, request: Request, view) -> bool:
        return roles_of(request.user).consultant


class IsClient(permissions.BasePermission):
    def has_permission(self, request: Request, view) -> bool:
        return roles_of(request.user).client


def _as_api_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A service's error in the serializers' shape. Errors of list items come keyed by path
    ("language_results.1.listening") and are nested as DRF nests them:
    ``{"language_results": {"1": {"listening": [...]}}}``, whichever layer found them.
    """
    if not hasattr(error, "error_dict"):
        return serializers.ValidationError({"non_field_errors": error.messages})
    detail: dict = {}
    for path, messages in error.message_dict.items():
        *parents, field = path.split(".")
        node = detail
        for key in parents:
            node = node.setdefault(key, {})
        node["non_field_errors" if field == NON_FIELD_ERRORS else field] = messages
    return serializers.ValidationError(detail)


def _duplicate_error(error: services.DuplicateClient) -> serializers.ValidationError:
    """The firm's files the new one may duplicate (the same firm's only: the service compares
    no other), and how to create it anyway."""
    return serializers.ValidationError(
        {
            "confirm_duplicate": [
                gettext("%(message)s Send confirm_duplicate: true to create it anyway.")
                % {"message": error.message}
            ],
            "duplicates": [
                {"id": str(match.client.public_id), "name": match.name, "matched_on": match.on}
                for match in error.matches
            ],
        }
    )


class ClientViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The requesting consultant's firm's client files: list (filter, sort), read, create,
    update. Lists given in a write (``language_results`` ...) replace all rows of that kind.
    """

    serializer_class = ClientSerializer
    permission_classes = [IsConsultant]
    filterset_class = ClientFilter
    pagination_class = CappedPageNumberPagination
    lookup_field = "public_id"
    lookup_url_kwarg = "id"

    def get_queryset(self):
        return (
            selectors.clients_visible_to(user=self.request.user)
            .select_related("consultant")
            .prefetch_related(*FACT_RELATIONS)
        )

    def filter_queryset(self, queryset):
        # The list's filters (archived files left out unless asked for) apply to the list; a
        # file is read, changed, archived or restored by its id whatever its state.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        client = self.get_object()
        services.record_access(by=request.user, action=FileAccess.Action.API_VIEWED, client=client)
        return Response(self.get_serializer(client).data)

    def _answer(self, client) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=client.pk)).data)

    @extend_schema(request=StageSerializer, responses=ClientSerializer)
    @action(detail=True, methods=["post"])
    def stage(self, request: Request, id=None) -> Response:
        """Record the file's next stage (a step back needs a ``reason``)."""
        client = self.get_object()
        serializer = StageSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.record_stage(client=client, by=request.user, **serializer.validated_data)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        return self._answer(client)

    @extend_schema(request=AssignSerializer, responses=ClientSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, id=None) -> Response:
        """Give the file to another consultant of the firm (firm administrators only)."""
        client = self.get_object()
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        consultant = User.objects.filter(username=serializer.validated_data["consultant"]).first()
        try:
            services.assign_client(client=client, consultant=consultant, by=request.user)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        return self._answer(client)

    @extend_schema(request=None, responses=ClientSerializer)
    @action(detail=True, methods=["post"])
    def archive(self, request: Request, id=None) -> Response:
        """Archive the file: out of the list, the dashboard, the digests and the re-evaluation."""
        return self._archive_or_restore(services.archive_client)

    @extend_schema(request=None, responses=ClientSerializer)
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, id=None) -> Response:
        """Bring an archived file back (re-scored)."""
        return self._archive_or_restore(services.restore_client)

    def _archive_or_restore(self, service) -> Response:
        client = self.get_object()
        try:
            service(client=client, by=self.request.user)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        return self._answer(client)

    def perform_create(self, serializer: ClientSerializer) -> None:
        data, facts = serializer.split()
        try:
            serializer.instance = services.create_client(
                firm=selectors.firm_of(user=self.request.user),
                by=self.request.user,
                data=data,
                facts=facts,
                allow_duplicate=serializer.validated_data.get("confirm_duplicate", False),
            )
        except services.DuplicateClient as error:
            raise _duplicate_error(error) from error
        except DjangoValidationError as error:
            raise _as_api_error(error) from error

    def perform_update(self, serializer: ClientSerializer) -> None:
        data, facts = serializer.split()
        try:
            services.update_client(
                client=serializer.instance, by=self.request.user, data=data, facts=facts
            )
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        # Re-read the rows the response shows: the prefetched lists are stale after a replace.
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)


def _score(assessment: Assessment) -> dict:
    breakdown = assessment.breakdown
    answers = [
        {"key": key, "name": name, "eligible": a.eligible, "reason": a.reason}
        for key, name, a in assessment.programs
    ] + [
        {"key": c.key, "name": c.name, "eligible": a.eligible, "reason": a.reason}
        for c, a in assessment.categories
    ]
    return {
        "as_of": assessment.on,
        **breakdown.totals._asdict(),
        "rules": breakdown.rules.id,
        "lines": [line._asdict() for line in breakdown.lines],
        "eligibility": answers,
        "advice": [str(suggestion) for suggestion in assessment.advice],
    }


class MeView(APIView):
    """The signed-in client's own file and today's score; PATCH changes their contact details
    (when their consultant allows it) and their notification choice.
    """

    permission_classes = [IsClient]

    def _file(self, request: Request):
        return (
            selectors.clients_visible_to(user=request.user).prefetch_related(*FACT_RELATIONS).get()
        )

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        client = self._file(request)
        # Scored from the rows prefetched for the file, without the coming dates (unused here
        # and most of the cost). The file's current_crs and eligible_for are this same score's
        # (OwnFileSerializer), not the stored copies, which lag a change of rules or a birthday
        # until the nightly refresh: one response, one score.
        assessment = selectors.assessment_of(
            client=client,
            on=timezone.localdate(),
            rows=chain.from_iterable(getattr(client, name).all() for name in FACT_RELATIONS),
            with_events=False,
        )
        file = OwnFileSerializer(client, context={"assessment": assessment}).data
        return Response({"client": file, "score": _score(assessment)})

    @extend_schema(
        request=ContactSerializer,
        responses=MeSerializer,
        description="Change e-mail, phone and address (when your consultant allows it) and "
        "notifications_opt_in. A new e-mail counts once confirmed by the link sent to it "
        "(pending_email until then). Any other field is read-only: a 400 naming it.",
    )
    def patch(self, request: Request) -> Response:
        client = self._file(request)
        serializer = ContactSerializer(client, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        opt_in = data.pop("notifications_opt_in", None)
        try:
            if data:
                site = request.build_absolute_uri("/")
                services.update_contact_details(
                    client=client, by=request.user, data=data, site_url=site
                )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        if opt_in is not None:
            services.set_notifications(client=client, by=request.user, opt_in=opt_in)
        return self.get(request)
