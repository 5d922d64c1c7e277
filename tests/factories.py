"""factory_boy factories for the whole suite (DESIGN.md §8): no JSON fixture files."""

import datetime

import factory
from django.contrib.auth.models import User

from profiles.models import (
    Client,
    DocumentItem,
    EducationCredential,
    Firm,
    KeyDate,
    LanguageTestResult,
    Membership,
    Message,
    WorkPeriod,
)

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class FirmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Firm
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Firm {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    firm = factory.SubFactory(FirmFactory)


class ConsultantFactory(UserFactory):
    """A user with a seat in a firm."""

    username = factory.Sequence(lambda n: f"consultant{n}")
    membership = factory.RelatedFactory(MembershipFactory, factory_related_name="user")


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    class Params:
        with_login = factory.Trait(
            user=factory.SubFactory(UserFactory, username=factory.Sequence(lambda n: f"client{n}"))
        )

    firm = factory.SubFactory(FirmFactory)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Faker("email")
    birth_date = datetime.date(1994, 3, 2)


class KeyDateFactory(factory.django.DjangoModelFactory):
    """An IELTS result that expired yesterday and would earn 24 points now (the refresh in
    ``services.key_dates`` computes real ones; this is for counts and access)."""

    class Meta:
        model = KeyDate

    client = factory.SubFactory(ClientFactory)
    kind = "language"
    on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=1))
    description = "IELTS result of 2024-12-01"
    points = 24
    computed_on = factory.LazyFunction(datetime.date.today)


class CredentialFactory(factory.django.DjangoModelFactory):
    """A Canadian bachelor's degree, unless told otherwise."""

    class Meta:
        model = EducationCredential

    client = factory.SubFactory(ClientFactory)
    level = "bachelors"
    in_canada = True
    length_years = 4
    completed_on = datetime.date(2016, 5, 31)


class LanguageResultFactory(factory.django.DjangoModelFactory):
    """CELPIP 9 in every ability (CLB 9), taken recently relative to the real clock."""

    class Meta:
        model = LanguageTestResult

    client = factory.SubFactory(ClientFactory)
    test = "celpip"
    listening = reading = writing = speaking = 9
    test_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=60))


class WorkPeriodFactory(factory.django.DjangoModelFactory):
    """Full-time software developer in Canada, still working."""

    class Meta:
        model = WorkPeriod

    client = factory.SubFactory(ClientFactory)
    noc = "21232"
    title = "Software developers and programmers"
    teer = factory.LazyAttribute(lambda period: int(period.noc[1]))
    start = datetime.date(2022, 1, 3)
    end = None
    hours_per_week = 40
    in_canada = True


# --- draws -----------------------------------------------------------------------------------


class DrawCategoryFactory(factory.django.DjangoModelFactory):
    """A kind of round. The migration seeds the real ones; by key, this returns them."""

    class Meta:
        model = "draws.DrawCategory"
        django_get_or_create = ("key",)

    key = "cec"
    name = "Canadian Experience Class"
    kind = "program"
    family = "cec"


class DrawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "draws.Draw"

    number = factory.Sequence(lambda n: str(1000 + n))
    held_on = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    category = factory.SubFactory(DrawCategoryFactory)
    invitations = 3000
    cutoff = 500
    tie_break_at = factory.LazyAttribute(
        lambda d: datetime.datetime.combine(
            d.held_on - datetime.timedelta(days=30), datetime.time(12), tzinfo=datetime.UTC
        )
    )
    source = "admin"


class ReevaluationRunFactory(factory.django.DjangoModelFactory):
    """A run that has started and is half done."""

    class Meta:
        model = "draws.ReevaluationRun"

    draw = factory.SubFactory(DrawFactory)
    revision = factory.SelfAttribute("draw.revision")
    state = "running"
    total = 4000
    done = 2000
    queued_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    started_at = factory.LazyFunction(
        lambda: datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=10)
    )


class StandingFactory(factory.django.DjangoModelFactory):
    """Invited with 20 points to spare."""

    class Meta:
        model = "draws.Standing"

    draw = factory.SubFactory(DrawFactory)
    client = factory.SubFactory(ClientFactory)
    crs = factory.LazyAttribute(lambda s: s.draw.cutoff + s.margin)
    eligible = True
    reason = "Eligible: CEC"
    margin = 20
    verdict = "invited"
    revision = factory.SelfAttribute("draw.revision")
    evaluated_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))


class ScoreChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "profiles.ScoreChange"

    client = factory.SubFactory(ClientFactory)
    changed_on = datetime.date(2026, 3, 2)
    crs_before = 480
    crs_after = 475
    kind = "date"
    reason = "Birthday: age 32 (\u22125)"


class DocumentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentItem

    client = factory.SubFactory(ClientFactory)
    kind = "passport"


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    client = factory.SubFactory(ClientFactory)
    from_client = False
    body = "Please send your passport."
