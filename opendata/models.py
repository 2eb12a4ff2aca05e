"""The changes feed's log: one row per change a public reader could see."""

from django.db import models


class ChangeAction(models.TextChoices):
    CREATED = "created", "created"
    UPDATED = "updated", "updated"
    UNPUBLISHED = "unpublished", "unpublished"
    DELETED = "deleted", "deleted"


# After these, the record is in the public lists; after the others, it is not.
SHOWN = (ChangeAction.CREATED, ChangeAction.UPDATED)


class Change(models.Model):
    """A record of `resource` appearing in, changing in, or leaving the
    public API. Written as simple-history records each save or delete
    (opendata.changes), never for what only editors see. The id is the feed's
    cursor: rows are numbered in commit order (see record_change)."""

    id = models.BigAutoField(primary_key=True)
    resource = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    # The slug the record had then (a slug changed is the old one leaving and
    # the new one arriving); null for the resources keyed by id.
    slug = models.CharField(max_length=255, null=True, blank=True)
    action = models.CharField(max_length=12, choices=ChangeAction.choices)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = (
            # The latest row of one record: is it public now, under which slug?
            models.Index(fields=("resource", "object_id", "id"), name="opendata_change_record"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(action__in=ChangeAction.values),
                name="opendata_change_action_valid",
            ),
        )

    def __str__(self):
        return f"{self.resource} {self.slug or self.object_id} {self.action} at {self.at}"
