from django.apps import AppConfig


class SeedingConfig(AppConfig):
    name = "seeding"
    # The app's first name, kept as its label: existing databases know its
    # migrations, its table (seeds_seedrecord) and its permissions by it.
    label = "seeds"
    verbose_name = "Seed loader"
    # Its bookkeeping (which record came from which seed file) is visible to
    # editors and viewers, and is part of a backup, like the content.
    holds_content = True

    def ready(self):
        from core.provenance import register_provenance
        from seeding.provenance import seed_file_of

        register_provenance(seed_file_of)
        # Sources are described by the loader itself (it sits above evidence);
        # every other kind of record by its own app's seed.py.
        import seeding.loader.sources  # noqa: F401 - registers the sources' handler
