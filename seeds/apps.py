from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, apps=None, **kwargs):
    from django.apps import apps as global_apps

    from seeds.roles import sync_roles

    # migrate passes its final state; flush (in tests) passes none.
    sync_roles(apps or global_apps)


class SeedsConfig(AppConfig):
    name = "seeds"
    verbose_name = "Sources and seeds"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from seeds.history import stamp_change_reason

        # After every migrate, so models added later join the roles.
        post_migrate.connect(_sync_roles, dispatch_uid="seeds.sync_roles")
        pre_create_historical_record.connect(
            stamp_change_reason, dispatch_uid="seeds.stamp_change_reason"
        )
