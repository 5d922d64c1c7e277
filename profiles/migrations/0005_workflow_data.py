"""Existing files get a stage from their facts and a responsible consultant (issue 11).

The stage: "ITA received" with an ITA date, "in the pool" with a submitted profile, else "lead",
dated from the same fact (or the day the file was added). The consultant: the one who created
the file when they still have a seat in its firm, else the firm's first administrator, else its
first consultant. Files of a firm without consultants stay unassigned.
"""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Client = apps.get_model("profiles", "Client")
    Membership = apps.get_model("profiles", "Membership")
    HistoricalClient = apps.get_model("profiles", "HistoricalClient")
    seats: dict[int, list[tuple[bool, int]]] = {}
    for firm_id, user_id, is_admin in Membership.objects.order_by("joined_at", "pk").values_list(
        "firm_id", "user_id", "is_firm_admin"
    ):
        seats.setdefault(firm_id, []).append((is_admin, user_id))
    creators = dict(
        HistoricalClient.objects.filter(history_type="+", history_user__isnull=False)
        .order_by("id", "history_date")
        .values_list("id", "history_user_id")
    )
    zone = timezone.get_default_timezone()
    for client in Client.objects.all().iterator():
        firm_seats = seats.get(client.firm_id, [])
        members = {user_id for _, user_id in firm_seats}
        admins = [user_id for is_admin, user_id in firm_seats if is_admin]
        creator = creators.get(client.pk)
        if creator in members:
            client.consultant_id = creator
        elif admins or firm_seats:
            client.consultant_id = (admins or [firm_seats[0][1]])[0]
        if client.ita_received_on:
            client.stage, client.stage_on = "ita_received", client.ita_received_on
        elif client.profile_submitted_at:
            client.stage = "in_pool"
            client.stage_on = client.profile_submitted_at.astimezone(zone).date()
        else:
            client.stage, client.stage_on = "lead", client.created_at.astimezone(zone).date()
        client.save(update_fields=["consultant", "stage", "stage_on"])


class Migration(migrations.Migration):
    dependencies = [("profiles", "0004_workflow")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
