from django.http import HttpRequest

from profiles.roles import roles_of

from .mfa.state import enrol_deadline


def navigation(request: HttpRequest) -> dict:
    """What the signed-in role may use, for the navigation bar in base.html."""
    return {"roles": roles_of(request.user)}


def two_factor(request: HttpRequest) -> dict:
    """The end of the grace period, for the banner asking staff and consultants to set up
    two-factor sign-in (read from the session: no query)."""
    return {"mfa_deadline": enrol_deadline(request)}
