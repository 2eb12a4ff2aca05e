from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "ingest"
    verbose_name = "Ingestion: proposed facts to review"
    # Not content: a proposal is never shown to the public, exported or
    # backed up with the facts; it is the editors' work queue. Editors get
    # its permissions all the same (core.roles reads this flag).
    editors_work_here = True
