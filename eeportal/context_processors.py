from django.http import HttpRequest

from profiles.roles import roles_of


def navigation(request: HttpRequest) -> dict:
    """What the signed-in role may use, for the navigation bar in base.html."""
    return {"roles": roles_of(request.user)}
