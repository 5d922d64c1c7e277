"""Let the database cascade a client's deletion to their standings.

A chunk writing standings while a consultant deletes a client must fail neither side: with
ON DELETE CASCADE in the database, the delete (which waits for the chunk's FOR KEY SHARE lock)
also removes the rows the chunk has just committed. Django 5.2 cannot declare this on the field.
"""

from django.db import migrations

FORWARD = """
DO $$
DECLARE name text;
BEGIN
    SELECT conname INTO name FROM pg_constraint
    WHERE conrelid = 'draws_standing'::regclass AND contype = 'f'
      AND confrelid = 'profiles_client'::regclass;
    EXECUTE format('ALTER TABLE draws_standing DROP CONSTRAINT %%I', name);
    ALTER TABLE draws_standing ADD CONSTRAINT draws_standing_client_id_cascade
        FOREIGN KEY (client_id) REFERENCES profiles_client (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
END $$;
"""

BACKWARD = """
ALTER TABLE draws_standing DROP CONSTRAINT draws_standing_client_id_cascade;
ALTER TABLE draws_standing ADD CONSTRAINT draws_standing_client_id_fk_profiles_client_id
    FOREIGN KEY (client_id) REFERENCES profiles_client (id) DEFERRABLE INITIALLY DEFERRED;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("draws", "0003_reevaluation")]

    operations = [migrations.RunPython(forward, backward)]
