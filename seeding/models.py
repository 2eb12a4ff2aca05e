"""The loader's own bookkeeping: what load_seeds last wrote for each record."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    """What load_seeds last wrote for one record.

    `loaded_hash` is the digest of the record as the loader left it (in the
    seed format). A record whose current digest differs was changed since by
    someone else, an editor, and a reload leaves it alone unless forced.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("type")
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    seed_file = models.CharField(_("seed file"), max_length=200)
    key = models.CharField(_("key"), max_length=200)
    loaded_hash = models.CharField(_("digest when loaded"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("content_type", "object_id"), name="seeds_seedrecord_unique_object"
            ),
        )

    def __str__(self):
        return f"{self.seed_file}: {self.key}"
