from django.db import models


class ContentVersion(models.Model):
    """One row whose number goes up with every write to the tracker's content.

    Cached pages are keyed by it, so a write makes every cached page
    unreachable at once. It lives in the database, not in the cache, because
    the default cache is per process: a number kept there would be bumped
    only in the worker that handled the write. The bump runs in the writer's
    own transaction, so a rolled-back write leaves the pages cached."""

    SINGLETON_ID = 1

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.number)
