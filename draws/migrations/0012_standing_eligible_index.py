"""The dashboard's eligibility changes (issue 16): a partial index of the eligible judged
standings by (draw, client), about one judged standing in ten in a category round, so the files
eligible in one round and not in the other are found from two small scans. Built on every
block's partition of ``draws_standing`` (see 0010)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0011_standing_newsworthy_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="standing",
            index=models.Index(
                condition=models.Q(
                    ("eligible", True),
                    models.Q(("verdict__in", ["not_in_pool", "cant_tell"]), _negated=True),
                ),
                fields=["draw", "client"],
                name="standing_eligible",
            ),
        ),
    ]
