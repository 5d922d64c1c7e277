"""The client's answer by API (issue 12, item 6): the signed-in client's own at
``/api/v1/me/outlook/``, and a consultant's for each of their firm's files at
``/api/v1/clients/<id>/outlook/``. The same figures as the answer card and its estimates,
each dated and with the methods page that explains it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from draws.answer import ClientAnswer, client_answer
from profiles import selectors
from profiles.api import IsClient, IsConsultant
from profiles.models import Client

OUTCOMES = ["invited", "tie_won", "tie_lost", "below"]


class RoundAnswerSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="general, cec, fsw, fst, pnp or a category family.")
    kind_name = serializers.CharField()
    round = serializers.CharField(source="draw.number", allow_null=True, default=None)
    held_on = serializers.DateField(source="draw.held_on", allow_null=True, default=None)
    cutoff = serializers.IntegerField(source="draw.cutoff", allow_null=True, default=None)
    outcome = serializers.ChoiceField(
        choices=OUTCOMES,
        allow_blank=True,
        help_text="Today's score against that round: above the cut-off (invited), at it and "
        "created before the tie-break (tie_won) or after (tie_lost), or below. Empty: no round "
        "of this kind yet.",
    )
    unsure = serializers.BooleanField(help_text="Eligibility for this kind can't be told yet.")


class PlaceSerializer(serializers.Serializer):
    higher_low = serializers.IntegerField(source="low", help_text="Candidates with a higher "
                                          "score: at least.")  # fmt: skip
    higher_high = serializers.IntegerField(source="high", help_text="… and at most.")
    pool_total = serializers.IntegerField(source="total")
    band = serializers.CharField(help_text="IRCC's score band the score falls in.")
    as_of = serializers.DateField(help_text="The date of IRCC's published distribution.")
    round = serializers.CharField(source="round_number", help_text="Published with this round.")


class HorizonSerializer(serializers.Serializer):
    months = serializers.IntegerField()
    low = serializers.FloatField(help_text="Chance of at least one invitation, 0 to 1: at least.")
    high = serializers.FloatField(help_text="… and at most (never 1).")
    text = serializers.CharField()


class OutlookSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    since = serializers.DateField(help_text="The rounds counted were held from this date on.")
    open_rounds = serializers.IntegerField(help_text="Rounds of kinds open to the client.")
    beaten = serializers.IntegerField(help_text="Of those, rounds with a cut-off below the score.")
    ties = serializers.IntegerField(help_text="Of those, rounds with a cut-off at the score.")
    unsure_rounds = serializers.IntegerField(help_text="Rounds of kinds we can't tell yet.")
    horizons = HorizonSerializer(many=True)
    reasoning = serializers.CharField()


class BacktestTallySerializer(serializers.Serializer):
    since = serializers.DateField()
    took_part = serializers.IntegerField(help_text="Rounds the client could take part in.")
    invited = serializers.IntegerField()
    tie_lost = serializers.IntegerField()
    below_cutoff = serializers.IntegerField()
    not_in_pool = serializers.IntegerField(help_text="Not counted: not in the pool then.")
    not_eligible = serializers.IntegerField(help_text="Not counted: not eligible for the round.")
    cant_tell = serializers.IntegerField(help_text="Not counted: eligibility can't be told.")


class BacktestSerializer(serializers.Serializer):
    last_12_months = BacktestTallySerializer(source="last_year")
    since_submitted = BacktestTallySerializer(allow_null=True)


class ClientAnswerSerializer(serializers.Serializer):
    as_of = serializers.DateField(source="card.on")
    score = serializers.IntegerField(source="card.score", help_text="CRS today.")
    out_of_pool = serializers.CharField(
        source="card.out_of_pool", help_text="Why the profile is not in the pool; empty if it is."
    )
    meets_no_program = serializers.BooleanField(source="card.meets_no_program")
    rounds = RoundAnswerSerializer(source="card.rounds", many=True)
    place = PlaceSerializer(allow_null=True)
    outlook = OutlookSerializer()
    backtest = BacktestSerializer()
    methods = serializers.SerializerMethodField(help_text="How each estimate is made.")

    def get_methods(self, answer: ClientAnswer) -> str:
        return self.context["request"].build_absolute_uri(reverse("draws:methods"))


def _answer(request: Request, client: Client) -> Response:
    assessment = selectors.assessment_of(client=client, on=timezone.localdate(), with_events=False)
    answer = client_answer(client=client, assessment=assessment)
    return Response(ClientAnswerSerializer(answer, context={"request": request}).data)


class OwnAnswerView(APIView):
    """The signed-in client's answer: today's score against the latest round of each kind open
    to them, their place in the pool, how they would have fared, and the outlook."""

    permission_classes = [IsClient]

    @extend_schema(responses=ClientAnswerSerializer)
    def get(self, request: Request) -> Response:
        return _answer(request, selectors.clients_visible_to(user=request.user).get())


class ClientAnswerView(APIView):
    """The same answer for one of the consultant's firm's files (404 for any other)."""

    permission_classes = [IsConsultant]

    @extend_schema(responses=ClientAnswerSerializer)
    def get(self, request: Request, id) -> Response:
        scope = selectors.clients_visible_to(user=request.user)
        return _answer(request, get_object_or_404(scope, public_id=id))
