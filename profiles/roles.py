"""Which of the three kinds of user (DESIGN.md §6) a request comes from."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse


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


# Where each kind of user starts, by URL name (names, not imports: profiles must not import
# draws). A consultant who is also staff works as a consultant; plain users have no home.
_HOMES = (
    ("consultant", "profiles:dashboard"),
    ("client", "profiles:portal"),
    ("staff", "draws:run_list"),
)


def home_url(user: User | AnonymousUser) -> str | None:
    """The page ``user`` lands on after signing in, or None (anonymous, or no role)."""
    roles = roles_of(user)
    for role, name in _HOMES:
        if getattr(roles, role):
            return reverse(name)
    return None
