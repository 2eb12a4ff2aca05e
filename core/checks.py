"""Deployment checks that name the fix for a site that would otherwise fail
at the first request: `manage.py check --deploy` runs them (docs/DEPLOY.md,
before gunicorn starts). Deployment checks only, so that `collectstatic`
itself, and every other command, still runs before the files are there."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages


@checks.register(checks.Tags.staticfiles, deploy=True)
def static_files_collected(app_configs=None, **kwargs):
    """With DEBUG off, pages name static files by their hashed names, read
    from the manifest `collectstatic` writes: without it, every page is a
    500. Say so before serving."""
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.exists(storage.manifest_name):
        return []
    return [
        checks.Error(
            "DEBUG is off and the static files have not been collected: every page "
            f"would fail. No {storage.manifest_name} in {settings.STATIC_ROOT}.",
            hint="Run `.venv/bin/python manage.py collectstatic --noinput` first "
            "(or set DEBUG=true for a development run).",
            id="core.E001",
        )
    ]
