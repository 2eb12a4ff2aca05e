"""When the tracker's content changes, cached pages must not be served again."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.content_apps import content_app_labels
from pagecache.models import ContentVersion


def current_version(using: str | None = None) -> int:
    number = (
        ContentVersion.objects.using(using)
        .filter(pk=ContentVersion.SINGLETON_ID)
        .values_list("number", flat=True)
        .first()
    )
    return number or 0


# The version a read-only request (GET, HEAD) saw, read once for all its
# uses: the page cache's key, the dashboard's kept counts, a list's count.
# A request that only reads cannot move it on, so one read is right for all.
_read_once: ContextVar[dict | None] = ContextVar("content_version_read_once", default=None)


def version_for_this_request() -> int:
    """`current_version()`, read at most once per read-only request
    (`reading_once`); outside one, read every time."""
    seen = _read_once.get()
    if seen is None:
        return current_version()
    if "version" not in seen:
        seen["version"] = current_version()
    return seen["version"]


@contextmanager
def reading_once():
    """Within it, `version_for_this_request()` reads the version once."""
    token = _read_once.set({})
    try:
        yield
    finally:
        _read_once.reset(token)


def bump_content_version(using: str = "default") -> None:
    """Call after writes that send no model signals (bulk_create, update(),
    raw SQL); saves and deletes through the ORM call it themselves."""
    seen = _read_once.get()
    if seen is not None:
        seen.clear()  # this request wrote after all: read the version anew
    updated = (
        ContentVersion.objects.using(using)
        .filter(pk=ContentVersion.SINGLETON_ID)
        .update(number=F("number") + 1)
    )
    if updated:
        return
    # The row is made by a migration, but a flushed database (tests) has none.
    try:
        with transaction.atomic(using=using):
            ContentVersion.objects.using(using).create(pk=ContentVersion.SINGLETON_ID, number=1)
    except IntegrityError:
        # Another writer made it first: count this write on top of theirs.
        ContentVersion.objects.using(using).filter(pk=ContentVersion.SINGLETON_ID).update(
            number=F("number") + 1
        )


def _content_changed(sender, using="default", **kwargs):
    if kwargs.get("raw"):
        return  # loaddata: the fixture's own rows, not an edit
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed fires before and after; count the change once
    bump_content_version(using)


def connect_content_signals() -> None:
    """Every model of the content apps is content a public page may show."""
    for label in content_app_labels():
        for model in apps.get_app_config(label).get_models():
            if hasattr(model, "instance_type"):
                continue  # a simple-history table: its row comes with a change already counted
            uid = f"pagecache:{model._meta.label}"
            post_save.connect(_content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(_content_changed, sender=model, dispatch_uid=uid)
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    _content_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"pagecache:{field.remote_field.through._meta.label}",
                )
