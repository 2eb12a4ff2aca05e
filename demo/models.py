"""The mark of a demo database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoDataset(models.Model):
    """One row saying "this database holds demo data", written by
    generate_demo_data in the same transaction as the data. While it exists,
    load_seeds refuses to run here, so demo and real records never mix."""

    agreements = models.PositiveIntegerField(_("agreements requested"))
    seed = models.BigIntegerField(_("random seed"))
    generated_at = models.DateTimeField(_("generated at"))
    seconds = models.FloatField(_("seconds taken"))
    counts = models.JSONField(_("rows written, by table"), default=dict)

    class Meta:
        verbose_name = _("demo dataset")

    def __str__(self):
        return f"Demo data: {self.agreements} agreements, seed {self.seed}"
