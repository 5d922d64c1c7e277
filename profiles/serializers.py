"""API representations of client files. They translate JSON; services decide (DESIGN.md §9.5)."""

from __future__ import annotations

from rest_framework import serializers

from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod
from profiles.services import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS


class CredentialSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = EducationCredential
        fields = ["id", *FACT_FIELDS[EducationCredential]]


class LanguageResultSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = LanguageTestResult
        fields = ["id", *FACT_FIELDS[LanguageTestResult]]


class WorkPeriodSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = WorkPeriod
        fields = ["id", *FACT_FIELDS[WorkPeriod], "teer"]
        read_only_fields = ["teer"]


# API list name -> model; a list given in a write replaces all rows of that kind.
NESTED = {
    "credentials": EducationCredential,
    "language_results": LanguageTestResult,
    "work_periods": WorkPeriod,
}


class ClientSerializer(serializers.ModelSerializer):
    """A client file with its facts. ``current_crs`` is today's score as last stored."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    eligible_for = serializers.SerializerMethodField()
    has_portal_login = serializers.SerializerMethodField()
    credentials = CredentialSerializer(many=True, required=False)
    language_results = LanguageResultSerializer(many=True, required=False)
    work_periods = WorkPeriodSerializer(many=True, required=False)

    class Meta:
        model = Client
        fields = [
            "id", *CLIENT_FIELDS, "current_crs", "crs_computed_on", "eligible_for",
            "has_portal_login", "notifications_opt_in", *NESTED,
        ]  # fmt: skip
        read_only_fields = ["current_crs", "crs_computed_on", "notifications_opt_in"]

    def get_eligible_for(self, client: Client) -> list[str]:
        return client.eligible_keys

    def get_has_portal_login(self, client: Client) -> bool:
        return client.user_id is not None

    def split(self) -> tuple[dict, dict]:
        """(client fields, {model: [fact rows]}) from the validated data, for the services."""
        data = dict(self.validated_data)
        facts = {model: data.pop(name) for name, model in NESTED.items() if name in data}
        return data, facts


class ContactSerializer(serializers.ModelSerializer):
    """What a client may change about their own file from ``/api/v1/me/``.

    Any other field is a 400 naming it: DRF's default of ignoring unknown keys answered 200 to a
    PATCH of ``first_name`` or ``birth_date`` while changing nothing.
    """

    class Meta:
        model = Client
        fields = [*CONTACT_FIELDS, "notifications_opt_in"]
        extra_kwargs = {name: {"required": False} for name in fields}

    def validate(self, attrs: dict) -> dict:
        others = sorted(set(self.initial_data) - set(self.fields))
        if others:
            allowed = ", ".join(self.Meta.fields)
            raise serializers.ValidationError(
                dict.fromkeys(others, f"Read-only here: you may change only {allowed}.")
            )
        return attrs


class LineSerializer(serializers.Serializer):
    section = serializers.CharField()
    factor = serializers.CharField()
    points = serializers.IntegerField()
    detail = serializers.CharField()


class AnswerSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    eligible = serializers.BooleanField()
    reason = serializers.CharField()


class ScoreSerializer(serializers.Serializer):
    """Today's score of the signed-in client, computed by the engine on request."""

    as_of = serializers.DateField()
    total = serializers.IntegerField()
    core_human_capital = serializers.IntegerField()
    spouse_factors = serializers.IntegerField()
    skill_transferability = serializers.IntegerField()
    additional = serializers.IntegerField()
    rules = serializers.CharField()
    lines = LineSerializer(many=True)
    eligibility = AnswerSerializer(many=True)
    advice = serializers.ListField(child=serializers.CharField())


class MeSerializer(serializers.Serializer):
    client = ClientSerializer()
    score = ScoreSerializer()
