"""``GET /api/v1/dashboard/``: the consultant's dashboard as JSON, the page's own sections."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from profiles.api import InRequestLanguage, IsConsultant
from profiles.dashboard import Item, dashboard_for

_SCOPES = {"mine": False, "firm": True}


class TallySerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.IntegerField()
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


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    total = serializers.IntegerField()
    empty = serializers.CharField()
    summary = TallySerializer(many=True)
    items = ItemSerializer(many=True)


class DashboardSerializer(serializers.Serializer):
    on = serializers.DateField()
    whole_firm = serializers.BooleanField()
    sections = SectionSerializer(many=True)


class DashboardView(InRequestLanguage, APIView):
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
