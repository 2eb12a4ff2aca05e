from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, apps, **kwargs):
    from seeds.roles import sync_roles

    sync_roles(apps)


class SeedsConfig(AppConfig):
    name = "seeds"
    verbose_name = "Sources and seeds"

    def ready(self):
        # After every migrate, so models added later join the roles.
        post_migrate.connect(_sync_roles, dispatch_uid="seeds.sync_roles")
