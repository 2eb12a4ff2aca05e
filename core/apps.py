from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, apps=None, **kwargs):
    from django.apps import apps as global_apps

    from core.roles import sync_roles

    # migrate passes its final state; flush (in tests) passes none.
    sync_roles(apps or global_apps)


class CoreConfig(AppConfig):
    """The framework every content app uses; it holds no tables of its own."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        # Registers the system checks (core/checks.py).
        from core import checks  # noqa: F401
        from core.content_lang import keep_source_columns_in_english, query_the_source_columns
        from core.history import stamp_change_reason

        keep_source_columns_in_english()
        query_the_source_columns()
        # After every migrate, so models added later join the roles.
        post_migrate.connect(_sync_roles, dispatch_uid="core.sync_roles")
        pre_create_historical_record.connect(
            stamp_change_reason, dispatch_uid="core.stamp_change_reason"
        )
