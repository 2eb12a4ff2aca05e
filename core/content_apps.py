"""Which apps hold the tracker's content."""

from django.apps import apps


def content_app_labels() -> tuple[str, ...]:
    """The apps whose records are the tracker's content, bottom layer first:
    each declares `holds_content = True` on its AppConfig. The one list the
    editors' roles, backups, the page cache, the demo generator and the tests
    read."""
    return tuple(
        config.label for config in apps.get_app_configs() if getattr(config, "holds_content", False)
    )


def editorial_app_labels() -> tuple[str, ...]:
    """The content apps and the apps holding editors' work that is not
    content (`editors_work_here = True`: the ingestion review queue): what
    the editors' and viewers' roles cover."""
    return content_app_labels() + tuple(
        config.label
        for config in apps.get_app_configs()
        if getattr(config, "editors_work_here", False)
    )
