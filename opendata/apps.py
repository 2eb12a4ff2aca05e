from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """What data consumers get besides the API's lists: the changes feed
    (what became public, changed, or stopped being public, in order) and the
    bulk releases (manage.py release, /data/)."""

    name = "opendata"
    verbose_name = "Open data: changes feed and releases"

    def ready(self):
        from django.db.models.signals import m2m_changed, pre_delete
        from simple_history.signals import post_create_historical_record

        from core.history import register_bulk_write_scope
        from opendata.changes import (
            one_bulk_write,
            record_change,
            record_link_change,
            remember_holders,
        )

        post_create_historical_record.connect(record_change, dispatch_uid="opendata.record_change")
        pre_delete.connect(remember_holders, dispatch_uid="opendata.remember_holders")
        m2m_changed.connect(record_link_change, dispatch_uid="opendata.record_link_change")
        register_bulk_write_scope(one_bulk_write)
