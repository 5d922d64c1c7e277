"""No parallel workers for scans of ``profiles_keydate`` (PostgreSQL; issue 16).

Key dates are read a file, a page or ten rows at a time. The dashboard's birthday count stops
at 1,001 rows (``profiles.dashboard.sections.capped``), yet PostgreSQL planned it as a parallel
bitmap scan and spent longer starting its worker than counting (7-13 ms against 4 ms serial for
a firm of 100,000 files, more on a busy machine). SQLite (``make run``) has no such setting.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE profiles_keydate SET (parallel_workers = 0)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE profiles_keydate RESET (parallel_workers)")


class Migration(migrations.Migration):
    dependencies = [("profiles", "0017_dashboard_indexes")]

    operations = [migrations.RunPython(forward, backward)]
