from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide pages that read every content app: the dashboard, the
    site search and the timeline. It holds no tables of its own."""

    name = "portal"
    verbose_name = "Portal"
