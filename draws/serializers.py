"""API representation of draws. Translation only: the rules live in Draw.clean and record_draw."""

from datetime import UTC

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from draws import pool as pool_bands
from draws.models import (
    CRS_RANGE_MESSAGE,
    DRAW_FIELDS,
    INVITATIONS_MAX_MESSAGE,
    INVITATIONS_MESSAGE,
    Draw,
    DrawCategory,
    ReevaluationRun,
)
from eeportal.api_numbers import StrictNumbersModelSerializer
from scoring.json_input import Decoder


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "description": "Candidates per CRS band as IRCC publishes them, subtotals included; "
        "null when IRCC published no distribution.",
        "properties": {band.key: {"type": "integer", "minimum": 0} for band in pool_bands.BANDS},
        "required": [band.key for band in pool_bands.BANDS],
    }
)
class PoolField(serializers.JSONField):
    def to_representation(self, value: dict | None) -> dict | None:
        # In IRCC's table order: PostgreSQL's jsonb hands keys back shortest first.
        return None if value is None else {key: value[key] for key in pool_bands.KEYS_IN_ORDER}


class DrawSerializer(StrictNumbersModelSerializer):
    category = serializers.SlugRelatedField(
        slug_field="key",
        queryset=DrawCategory.objects.all(),
        help_text="Key of the program or category version, e.g. cec or healthcare-2023-v1.",
        # DRF's message quotes the value whole, however long.
        error_messages={"does_not_exist": "No round type has this key."},
    )
    category_name = serializers.SerializerMethodField()
    family = serializers.CharField(source="category.family", read_only=True)
    tie_break_at = serializers.DateTimeField(
        default_timezone=UTC, allow_null=True, required=False, help_text="UTC."
    )
    ran_at = serializers.DateTimeField(
        default_timezone=UTC, allow_null=True, required=False, help_text="UTC."
    )
    # The decoder reads a pool sent as JSON text in a form post (JSON bodies: the API's parser).
    pool = PoolField(allow_null=True, required=False, decoder=Decoder)
    page = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Draw
        # The round's facts, the round type's name and family beside its key, then what the
        # site adds.
        fields = [
            *DRAW_FIELDS[: DRAW_FIELDS.index("category") + 1],
            "category_name",
            "family",
            *DRAW_FIELDS[DRAW_FIELDS.index("category") + 1 :],
            "pool_warning",
            "source",
            "page",
        ]
        read_only_fields = ["pool_warning", "source"]
        # The model's messages, not DRF's generic "Ensure this value is…": one wording everywhere.
        extra_kwargs = {
            "cutoff": {
                "error_messages": {"min_value": CRS_RANGE_MESSAGE, "max_value": CRS_RANGE_MESSAGE}
            },
            "invitations": {
                "error_messages": {
                    "min_value": INVITATIONS_MESSAGE,
                    "max_value": INVITATIONS_MAX_MESSAGE,
                }
            },
            "number": {
                "validators": [
                    *Draw._meta.get_field("number").validators,
                    UniqueValidator(
                        queryset=Draw.objects.all(),
                        message=_(
                            "This round already exists; correct it with PUT or PATCH "
                            "on /api/v1/draws/<number>/."
                        ),
                    ),
                ]
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance is not None and "number" in self.fields:
            # IRCC's number is the round's identity: a correction never changes it.
            self.fields["number"].read_only = True

    @extend_schema_field(OpenApiTypes.STR)
    def get_category_name(self, draw: Draw) -> str:
        return str(draw.category)


class ReevaluationStatusSerializer(serializers.Serializer):
    run = serializers.IntegerField(help_text="The re-evaluation run's id.")
    state = serializers.ChoiceField(choices=ReevaluationRun.State.choices)
    queued = serializers.BooleanField(
        help_text="False when the task broker could not be reached: the draw is saved and the "
        "run starts by itself once the broker is back."
    )


class RecordedDrawSerializer(DrawSerializer):
    """A draw as POST, PUT and PATCH answer it: with what became of its re-evaluation."""

    reevaluation = serializers.SerializerMethodField()

    class Meta(DrawSerializer.Meta):
        fields = [*DrawSerializer.Meta.fields, "reevaluation"]

    @extend_schema_field(ReevaluationStatusSerializer(allow_null=True))
    def get_reevaluation(self, draw: Draw) -> dict | None:
        """Null when the change cannot change who is invited (a name, a link), so nothing
        re-runs; set by the view from ``draws.reevaluation.notices.status`` after the save
        has committed."""
        return self.context.get("reevaluation")
