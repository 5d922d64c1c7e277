"""The dashboard's eligibility changes (issue 16): a partial index of the judged standings
(neither "not in the pool" nor "can't tell") by (draw, client), carrying ``eligible``, so two
rounds are compared from the index alone.

Created on the partitioned ``draws_standing``: PostgreSQL builds it on every block's partition,
and ``ATTACH PARTITION`` (the trigger of 0009 creating a new block) adds it to new ones.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0009_partition_standings_by_draw"),
        ("profiles", "0016_list_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="standing",
            index=models.Index(
                condition=models.Q(("verdict__in", ["not_in_pool", "cant_tell"]), _negated=True),
                fields=["draw", "client"],
                include=("eligible",),
                name="standing_judged",
            ),
        ),
    ]
