"""pg_trgm, for the search page's typo tolerance (portal/typos.py). A no-op
on other databases. pg_trgm is a trusted extension: the database's owner may
create it without being a superuser."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [TrigramExtension()]
