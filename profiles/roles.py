"""Which of the three kinds of user (DESIGN.md §6) a request comes from."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User


@dataclass(frozen=True)
class Roles:
    staff: bool = False
    consultant: bool = False
    client: bool = False


def roles_of(user: User | AnonymousUser) -> Roles:
    if not user.is_authenticated:
        return Roles()
    # Cached on the user object: navigation and the view both ask, and each reverse one-to-one
    # lookup is a query.
    cached = getattr(user, "_ee_roles", None)
    if cached is None:
        cached = Roles(
            staff=user.is_staff,
            consultant=hasattr(user, "membership"),
            client=hasattr(user, "client_file"),
        )
        user._ee_roles = cached
    return cached
