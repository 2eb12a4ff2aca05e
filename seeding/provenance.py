"""The admin's "came from" for records the seed loader wrote."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from seeding.models import SeedRecord


def seed_file_of(obj) -> str | None:
    record = SeedRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).first()
    if record is None:
        return None
    return _("The seed file %(file)s, record %(key)s, last loaded %(when)s.") % {
        "file": f"seeding/data/{record.seed_file}",
        "key": record.key,
        "when": record.loaded_at.strftime("%Y-%m-%d %H:%M UTC"),
    }
