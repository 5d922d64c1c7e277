"""factory_boy factories for the whole suite (DESIGN.md §8): no JSON fixture files."""

import factory
from django.contrib.auth.models import User

from profiles.models import Client, Firm, Membership

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
