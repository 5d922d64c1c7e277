"""The dashboard's results and ECAs (issue 16): their top rows read in index order, soonest or
most recently expired first, instead of sorting every expired or expiring one."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0016_list_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="keydate",
            index=models.Index(
                condition=models.Q(("kind__in", ["language", "eca"])),
                fields=["on", "id"],
                name="key_date_fact_soonest",
            ),
        ),
        migrations.AddIndex(
            model_name="keydate",
            index=models.Index(
                condition=models.Q(("kind__in", ["language", "eca"])),
                fields=["-on", "id"],
                name="key_date_fact_latest",
            ),
        ),
    ]
