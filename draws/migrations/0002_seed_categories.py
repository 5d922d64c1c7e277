"""Seed the draw categories from the scoring engine's data (draws.categories)."""

from django.db import migrations


def seed(apps, schema_editor):
    from draws.categories import sync_categories

    sync_categories(apps.get_model("draws", "DrawCategory"))


class Migration(migrations.Migration):
    dependencies = [("draws", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
