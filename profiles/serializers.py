"""API representations of client files. They translate JSON; services decide (DESIGN.md §9.5)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext
from rest_framework import serializers

from eeportal.api_numbers import StrictNumbersModelSerializer
from profiles.choices import Stage
from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod
from profiles.services import CLIENT_FIELDS, CONTACT_FIELDS, FACT_FIELDS
from scoring.web.api import CRSLineSerializer


class CredentialSerializer(StrictNumbersModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = EducationCredential
        fields = ["id", *FACT_FIELDS[EducationCredential]]


class LanguageResultSerializer(StrictNumbersModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = LanguageTestResult
        fields = ["id", *FACT_FIELDS[LanguageTestResult]]


class WorkPeriodSerializer(StrictNumbersModelSerializer):
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


WORKFLOW_FIELDS = (
    "stage", "stage_on", "application_due_on", "consultant", "archived_at",
    "language_expires_on", "eca_expires_on",
)  # fmt: skip


class ClientSerializer(StrictNumbersModelSerializer):
    """A client file with its facts. ``current_crs`` and ``eligible_for`` are the copies stored
    on ``crs_computed_on`` (refreshed on every change to the file and nightly), which the list
    filters and sorts on."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    eligible_for = serializers.SerializerMethodField()
    undecided_for = serializers.SerializerMethodField(
        help_text='Programs and category families whose answer is "can\'t tell": a fact needed '
        "to decide (work history, ECA, settlement funds) is not recorded."
    )
    has_portal_login = serializers.SerializerMethodField()
    credentials = CredentialSerializer(many=True, required=False)
    language_results = LanguageResultSerializer(many=True, required=False)
    work_periods = WorkPeriodSerializer(many=True, required=False)
    confirm_duplicate = serializers.BooleanField(
        write_only=True,
        required=False,
        help_text="On create: true to create the file although the firm has one with the same "
        "e-mail, or the same name and birth date (without it: 400 listing `duplicates`).",
    )
    stage = serializers.CharField(read_only=True, help_text="Changed with POST …/stage/.")
    stage_on = serializers.DateField(read_only=True)
    application_due_on = serializers.DateField(
        read_only=True, help_text="60 days after the ITA: the last day to apply."
    )
    consultant = serializers.CharField(
        source="consultant.username", read_only=True, default=None,
        help_text="The responsible consultant's username; changed with POST …/assign/.",
    )  # fmt: skip

    class Meta:
        model = Client
        fields = [
            "id", *CLIENT_FIELDS, "current_crs", "crs_computed_on", "eligible_for",
            "undecided_for", "pending_email", "has_portal_login", "notifications_opt_in",
            *WORKFLOW_FIELDS, *NESTED, "confirm_duplicate",
        ]  # fmt: skip
        read_only_fields = [
            "current_crs", "crs_computed_on", "notifications_opt_in", "archived_at",
            "language_expires_on", "eca_expires_on",
        ]  # fmt: skip
        extra_kwargs = {
            "current_crs": {"help_text": "The CRS as stored on crs_computed_on."},
            "crs_computed_on": {"help_text": "The day current_crs and eligible_for were computed."},
        }

    def get_eligible_for(self, client: Client) -> list[str]:
        return client.eligible_keys

    def get_undecided_for(self, client: Client) -> list[str]:
        return client.undecided_keys

    def get_has_portal_login(self, client: Client) -> bool:
        return client.user_id is not None

    def split(self) -> tuple[dict, dict]:
        """(client fields, {model: [fact rows]}) from the validated data, for the services."""
        data = dict(self.validated_data)
        data.pop("confirm_duplicate", None)  # a choice for the service, not a field of the file
        facts = {model: data.pop(name) for name, model in NESTED.items() if name in data}
        return data, facts


class OwnFileSerializer(ClientSerializer):
    """The signed-in client's file in ``/api/v1/me/``: ``current_crs``, ``crs_computed_on`` and
    ``eligible_for`` come from the score computed for the same response, so they cannot
    disagree with ``score`` (the stored copies may lag it until the nightly refresh).
    """

    class Meta(ClientSerializer.Meta):
        # The file's own stage and dates, not who handles it inside the firm.
        fields = [name for name in ClientSerializer.Meta.fields if name != "consultant"]

    current_crs = serializers.SerializerMethodField(help_text="Today's CRS: score.total.")
    crs_computed_on = serializers.SerializerMethodField(help_text="Today: score.as_of.")
    eligible_for = serializers.SerializerMethodField(
        help_text="Programs and category families eligible for today, per score.eligibility."
    )

    def get_current_crs(self, client: Client) -> int:
        return self.context["assessment"].breakdown.total

    def get_crs_computed_on(self, client: Client) -> date:
        return self.context["assessment"].on

    def get_eligible_for(self, client: Client) -> list[str]:
        return self.context["assessment"].eligible_keys

    def get_undecided_for(self, client: Client) -> list[str]:
        return self.context["assessment"].undecided_keys


class ContactSerializer(StrictNumbersModelSerializer):
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
                dict.fromkeys(
                    others,
                    gettext("Read-only here: you may change only %(allowed)s.")
                    % {"allowed": allowed},
                )
            )
        return attrs


class AnswerSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    eligible = serializers.BooleanField()
    reason = serializers.CharField()


class ScoreSerializer(serializers.Serializer):
    """Today's score of the signed-in client, computed by the engine for this response: the
    lines add up to ``total``, which is also the response's ``client.current_crs``."""

    as_of = serializers.DateField()
    total = serializers.IntegerField()
    core_human_capital = serializers.IntegerField()
    spouse_factors = serializers.IntegerField()
    skill_transferability = serializers.IntegerField()
    additional = serializers.IntegerField()
    rules = serializers.CharField()
    lines = CRSLineSerializer(many=True)
    eligibility = AnswerSerializer(many=True)
    advice = serializers.ListField(child=serializers.CharField())


class MeSerializer(serializers.Serializer):
    client = OwnFileSerializer()
    score = ScoreSerializer()


class StageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    on = serializers.DateField(help_text="The day the file reached the stage (2015 to today).")
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Needed for a step back."
    )


class AssignSerializer(serializers.Serializer):
    consultant = serializers.CharField(help_text="Username of a consultant of the same firm.")
