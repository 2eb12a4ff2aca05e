from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """What data consumers get besides the API's lists: the changes feed
    (what became public, changed, or stopped being public, in order) and the
    bulk releases (manage.py release, /data/)."""

    name = "opendata"
    verbose_name = "Open data: changes feed and releases"

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from opendata.changes import record_change

        post_create_historical_record.connect(record_change, dispatch_uid="opendata.record_change")
