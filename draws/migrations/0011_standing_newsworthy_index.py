"""The dashboard's latest draws (issue 16): a partial index of each draw's newsworthy standings
(invited, or within 10 points below) by margin, so a draw's first ten are read in order. Built on
every block's partition of ``draws_standing`` (see 0010)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0010_standing_judged_index"),
        ("profiles", "0017_dashboard_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="standing",
            index=models.Index(
                models.F("draw"),
                models.OrderBy(models.F("margin"), descending=True),
                models.F("id"),
                condition=models.Q(
                    ("verdict", "invited"),
                    models.Q(("margin__gte", -10), ("verdict__in", ["below_cutoff", "tie_lost"])),
                    _connector="OR",
                ),
                name="standing_newsworthy",
            ),
        ),
    ]
