"""The access log (issue 14): one line each time someone of the firm reads a client file.

Called by the views that show or hand over a file (client page, file export, list export,
document download, API read), once per request. A client reading their own file in the
portal is not logged: the log answers "who at the firm looked", and the client is not the firm.
"""

from __future__ import annotations

from django.contrib.auth.models import User

from profiles.models import Client, FileAccess
from profiles.roles import roles_of


def record_access(
    *, by: User, action: FileAccess.Action, client: Client | None = None
) -> FileAccess | None:
    """One line for ``by``'s ``action`` on ``client`` (None: the whole list), or None when
    ``by`` is not a consultant. One INSERT, nothing read."""
    if not roles_of(by).consultant:
        return None
    return FileAccess.objects.create(
        # The client's firm, which is the consultant's: the views look files up in their scope.
        firm_id=client.firm_id if client is not None else by.membership.firm_id,
        client=client,
        client_ref=str(client.public_id) if client is not None else "",
        user=by,
        user_ref=str(by.pk),
        action=action,
    )
