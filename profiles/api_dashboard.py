"""``GET /api/v1/dashboard/``: the consultant's dashboard as JSON, the page's own sections."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from profiles.api import IsConsultant
from profiles.dashboard import Item, dashboard_for
from profiles.pagination import COUNT_CAP, MoreThan

_SCOPES = {"mine": False, "firm": True}


class _Capped(serializers.Serializer):
    """A count that stops at the cap (issue 16), said as the clients API says its own: the
    number, or null and ``more_than`` (the key present only then)."""

    counted: str  # the capped attribute

    def get_more_than(self, obj: object) -> int | None:
        number = getattr(obj, self.counted)
        return number.shown if isinstance(number, MoreThan) else None

    def to_representation(self, instance: object) -> dict:
        data = super().to_representation(instance)
        if data.get("more_than") is None:
            data.pop("more_than", None)
        else:
            data[self.counted] = None
        return data


_MORE_THAN = f"Only when the count is null: more than this many (counts stop at {COUNT_CAP:,})."


class TallySerializer(_Capped):
    counted = "value"
    label = serializers.CharField()
    value = serializers.IntegerField(allow_null=True)
    more_than = serializers.SerializerMethodField(help_text=_MORE_THAN)
    urgent = serializers.BooleanField()


class ItemSerializer(serializers.Serializer):
    client = serializers.SerializerMethodField()
    on = serializers.DateField()
    what = serializers.CharField()
    means = serializers.CharField()
    urgent = serializers.BooleanField()

    def get_client(self, item: Item) -> dict:
        client = item.client
        return {"id": str(client.public_id), "name": f"{client.first_name} {client.last_name}"}


class SectionSerializer(_Capped):
    counted = "total"
    key = serializers.CharField()
    title = serializers.CharField()
    total = serializers.IntegerField(allow_null=True)
    more_than = serializers.SerializerMethodField(help_text=_MORE_THAN)
    empty = serializers.CharField()
    summary = TallySerializer(many=True)
    items = ItemSerializer(many=True)


class DashboardSerializer(serializers.Serializer):
    on = serializers.DateField()
    whole_firm = serializers.BooleanField()
    sections = SectionSerializer(many=True)


class DashboardView(APIView):
    """What needs doing: expired and expiring profiles, results and ECAs, ITA deadlines,
    birthdays that cost points, the latest draws and eligibility changes. ``files=mine`` (a
    consultant's default) or ``files=firm`` (a firm administrator's)."""

    permission_classes = [IsConsultant]

    @extend_schema(
        parameters=[OpenApiParameter("files", str, enum=["mine", "firm"], required=False)],
        responses=DashboardSerializer,
    )
    def get(self, request: Request) -> Response:
        whole_firm = _SCOPES.get(request.query_params.get("files", ""))
        board = dashboard_for(user=request.user, whole_firm=whole_firm)
        return Response(DashboardSerializer(board).data)
