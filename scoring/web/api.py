"""``POST /api/v1/crs/``: score one DESIGN.md §3 object and return the breakdown.

The engine's parser does all the validation, exactly as for the calculator page and the ``crs``
command; the serializers below only describe the shapes for the OpenAPI schema.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from eeportal.i18n import tr
from scoring.breakdown import Section
from scoring.errors import InvalidInput
from scoring.labels import JOB_OFFER_NAMES
from scoring.language import LanguageTest
from scoring.output import result_to_json
from scoring.parsing import parse_request
from scoring.rules import NO_JOB_OFFER_POINTS_FROM
from scoring.types import CanadianEducation, Education, JobOffer
from scoring.web.api_parsers import JSONParser


class CRSThrottle(AnonRateThrottle):
    """Per client address; the rate is ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["crs"]``."""

    scope = "crs"


# --- Shapes for the schema only (validation is the engine's) --------------------------------


class CRSLanguageResultSerializer(serializers.Serializer):
    test = serializers.ChoiceField(choices=[t.value for t in LanguageTest])
    listening = serializers.FloatField(help_text="Raw score, or the level for clb/nclc.")
    reading = serializers.FloatField()
    writing = serializers.FloatField()
    speaking = serializers.FloatField()
    test_date = serializers.DateField(
        required=False, allow_null=True, help_text="Required for tef; results count 2 years."
    )


class CRSSpouseSerializer(serializers.Serializer):
    education = serializers.ChoiceField(choices=[e.value for e in Education])
    language = CRSLanguageResultSerializer(required=False, allow_null=True)
    canadian_experience_years = serializers.IntegerField(min_value=0, required=False, default=0)


class CRSInputSerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False, help_text="Scoring date; default today.")
    birth_date = serializers.DateField(required=False, help_text="Or give age.")
    age = serializers.IntegerField(required=False, min_value=0)
    education = serializers.ChoiceField(choices=[e.value for e in Education])
    canadian_education = serializers.ChoiceField(
        choices=[e.value for e in CanadianEducation], required=False, default="none"
    )
    first_language = CRSLanguageResultSerializer(allow_null=True, help_text="null: no test result.")
    second_language = CRSLanguageResultSerializer(required=False, allow_null=True)
    canadian_experience_years = serializers.IntegerField(min_value=0, required=False, default=0)
    foreign_experience_years = serializers.IntegerField(min_value=0, required=False, default=0)
    certificate_of_qualification = serializers.BooleanField(required=False, default=False)
    provincial_nomination = serializers.BooleanField(required=False, default=False)
    job_offer = serializers.ChoiceField(
        choices=[(j.value, JOB_OFFER_NAMES[j]) for j in JobOffer],
        required=False,
        default="none",
        help_text=f"Scores only before {NO_JOB_OFFER_POINTS_FROM.isoformat()}.",
    )
    sibling_in_canada = serializers.BooleanField(required=False, default=False)
    spouse = CRSSpouseSerializer(
        required=False, allow_null=True, help_text="An accompanying non-citizen, non-PR partner."
    )
    settlement_funds = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        help_text="CAD available to settle (proof of funds, FSW and FST); null: not known.",
    )
    family_size = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        help_text="The candidate, the partner and every dependent child, coming or not.",
    )


class CRSRulesSerializer(serializers.Serializer):
    id = serializers.CharField()
    effective = serializers.DateField()
    description = serializers.CharField()


class CRSLineSerializer(serializers.Serializer):
    section = serializers.ChoiceField(choices=[s.value for s in Section])
    factor = serializers.CharField()
    points = serializers.IntegerField(help_text="Negative for a cap.")
    detail = serializers.CharField(help_text="The input that earned the points.")


class CRSAnswerSerializer(serializers.Serializer):
    eligible = serializers.BooleanField(help_text='True only when status is "yes".')
    status = serializers.ChoiceField(
        choices=["yes", "no", "cant_tell"],
        help_text="cant_tell: a fact needed to decide is missing; the reason names it.",
    )
    reason = serializers.CharField()
    points = serializers.IntegerField(allow_null=True, help_text="FSW 67-point grid score.")


class CRSEligibilitySerializer(serializers.Serializer):
    fsw = CRSAnswerSerializer()
    cec = CRSAnswerSerializer()
    fst = CRSAnswerSerializer()


class CRSResultSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    total = serializers.IntegerField()
    core_human_capital = serializers.IntegerField()
    spouse_factors = serializers.IntegerField()
    skill_transferability = serializers.IntegerField()
    additional = serializers.IntegerField()
    rules = CRSRulesSerializer()
    lines = CRSLineSerializer(many=True)
    expired = serializers.ListField(child=serializers.CharField())
    age = serializers.IntegerField()
    with_spouse = serializers.BooleanField()
    eligibility = CRSEligibilitySerializer(
        help_text="Approximate: without a work history, experience is judged from the years."
    )


E2 = {
    "as_of": "2026-11-25",
    "age": 30,
    "education": "bachelors",
    "first_language": {"test": "celpip", "listening": 9, "reading": 9, "writing": 9, "speaking": 9},
}
DESIGN_EXAMPLE = {
    "as_of": "2026-11-25",
    "birth_date": "1994-03-02",
    "education": "bachelors",
    "canadian_education": "none",
    "first_language": {
        "test": "ielts",
        "listening": 8,
        "reading": 7,
        "writing": 7,
        "speaking": 7,
        "test_date": "2026-01-10",
    },
    "second_language": None,
    "canadian_experience_years": 1,
    "foreign_experience_years": 2,
    "certificate_of_qualification": False,
    "provincial_nomination": False,
    "job_offer": "none",
    "sibling_in_canada": False,
    "spouse": None,
}


class CRSScoreAPI(APIView):
    # Public and stateless: no session means no CSRF check, so scripts can post JSON directly.
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [CRSThrottle]
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="crs_score",
        summary="Score a candidate (CRS)",
        description="Scores one candidate under the rules in force on "
        "`as_of` (default today). Returns the section totals, the rule version, one line per "
        "factor and approximate program eligibility. Bad input: 400 with "
        '`{"field.path": ["message", ...]}`; `__all__` for problems with the body itself.',
        request=CRSInputSerializer,
        responses={
            200: CRSResultSerializer,
            400: OpenApiResponse(
                description="Field errors keyed by field path.",
                examples=[
                    OpenApiExample(
                        "Out-of-range score",
                        value={
                            "first_language.listening": ["IELTS listening must be between 0 and 9."]
                        },
                    )
                ],
            ),
            429: OpenApiResponse(description="Too many requests from this address."),
        },
        examples=[
            OpenApiExample(
                "E2: single, 30, bachelor's, CELPIP 9 (374)", value=E2, request_only=True
            ),
            OpenApiExample("DESIGN.md example", value=DESIGN_EXAMPLE, request_only=True),
        ],
        tags=["scoring"],
    )
    def post(self, request: Request) -> Response:
        # Its words follow the caller's Accept-Language (eeportal/language_choice.py); keys and
        # codes stay English.
        try:
            data = request.data
        except ParseError as error:
            # DRF would answer {"detail": ...}; keep the one error shape this endpoint documents.
            return Response({"__all__": [str(error.detail)]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            parsed = parse_request(data, today=timezone.localdate())
        except InvalidInput as error:
            errors = {path: [tr(m) for m in messages] for path, messages in error.errors.items()}
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        return Response(_in_words(result_to_json(parsed)))


def _in_words(result: dict) -> dict:
    """``result_to_json``'s human-readable fields in the active language (lines' details,
    eligibility reasons, the rules' description); numbers, keys and codes as they are."""
    result["rules"]["description"] = tr(result["rules"]["description"])
    for line in result["lines"]:
        line["detail"] = tr(line["detail"])
    for answer in result["eligibility"].values():
        answer["reason"] = tr(answer["reason"])
    return result
