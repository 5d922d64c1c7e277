"""Numbers in the API are numbers: DRF's FloatField and IntegerField take ``true`` and ``false``
as 1 and 0 (Python's bool is an int), so ``"speaking": false`` was stored as a score of 0."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

_NOT_A_BOOLEAN = _("Enter a number, not true or false.")


class StrictFloatField(serializers.FloatField):
    def to_internal_value(self, data: object) -> float:
        if isinstance(data, bool):
            raise serializers.ValidationError(_NOT_A_BOOLEAN)
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data: object) -> int:
        if isinstance(data, bool):
            raise serializers.ValidationError(_NOT_A_BOOLEAN)
        return super().to_internal_value(data)


class StrictNumbersModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose model number fields refuse booleans."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.FloatField: StrictFloatField,
        models.IntegerField: StrictIntegerField,
        models.SmallIntegerField: StrictIntegerField,
        models.PositiveIntegerField: StrictIntegerField,
        models.PositiveSmallIntegerField: StrictIntegerField,
        models.BigIntegerField: StrictIntegerField,
    }
