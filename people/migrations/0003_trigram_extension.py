"""pg_trgm, for the search page's typo tolerance (portal/typos.py), on
PostgreSQL only. pg_trgm is a trusted extension: the database's owner may
create it without being a superuser. Unapplying leaves it: other objects may
use it, and Django's CreateExtension would query pg_extension on any
database when unapplied."""

from django.db import migrations


def create_trigram_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_post_without_holder")]

    operations = [migrations.RunPython(create_trigram_extension, migrations.RunPython.noop)]
