# Issue 16: the client list of a 100,000-file firm reads its pages off indexes. Each sort gets a
# partial index (current files) ending in the id that makes it a total order, the archived files
# one by name, and the search a trigram index (pg_trgm) on what it matches.

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex for an index only PostgreSQL has (GIN): recorded in the state everywhere, so the
    models and migrations agree, but created only on PostgreSQL. SQLite (``make run``) has no
    GIN or trigrams; its search reads the table, which a demo's few files allow."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def _list_index(name, *fields, archived=False):
    return models.Index(
        condition=models.Q(("archived_at__isnull", not archived)),
        fields=["firm", *fields, "id"],
        name=name,
    )


def _upper_trgm(field):
    return django.contrib.postgres.indexes.OpClass(
        django.db.models.functions.text.Upper(field), name="gin_trgm_ops"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0015_verbose_names_for_translation"),
    ]

    operations = [
        # Does nothing on databases other than PostgreSQL (Django checks the vendor itself).
        TrigramExtension(),
        migrations.RemoveIndex(model_name="client", name="profiles_cl_firm_id_5b3207_idx"),
        migrations.RemoveIndex(model_name="client", name="profiles_cl_firm_id_c893ab_idx"),
        migrations.RemoveIndex(model_name="client", name="profiles_cl_firm_id_c73975_idx"),
        migrations.AddIndex(
            model_name="client",
            index=_list_index("client_list_name", "last_name", "first_name"),
        ),
        migrations.AddIndex(
            model_name="client", index=_list_index("client_list_crs", "current_crs")
        ),
        migrations.AddIndex(
            model_name="client", index=_list_index("client_list_profile", "profile_submitted_at")
        ),
        migrations.AddIndex(
            model_name="client", index=_list_index("client_list_added", "created_at")
        ),
        migrations.AddIndex(
            model_name="client",
            index=_list_index("client_archived_name", "last_name", "first_name", archived=True),
        ),
        migrations.AddIndex(
            model_name="client",
            index=_list_index("client_list_language_expiry", "language_expires_on"),
        ),
        migrations.AddIndex(
            model_name="client", index=_list_index("client_list_eca_expiry", "eca_expires_on")
        ),
        migrations.AddIndex(
            model_name="languagetestresult",
            index=models.Index(
                fields=["person", "test_date", "client"], name="language_result_expiry"
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="client",
            index=django.contrib.postgres.indexes.GinIndex(
                _upper_trgm("first_name"),
                _upper_trgm("last_name"),
                _upper_trgm("email"),
                name="client_search_trgm",
            ),
        ),
    ]
