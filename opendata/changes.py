"""The changes feed's log, written as django-simple-history records each
save and delete: what a public reader of the API would see change.

simple-history records every create ('+'), change ('~') and delete ('-') of
the audited models, drafts included. The public must see neither a draft nor
a change to one, so each record is reconciled against the last entry the
feed gave it: a record now public that was not is `created` (its first
publication, or its parent's), one public before and now is `updated` (when a
public field changed), one public before and no longer is `unpublished`, or
`deleted` once it is gone. A slug changed reads as the old slug deleted and
the new one created, since consumers key records by slug.

Four kinds of dependence are followed:
- a record shown inside another (a status step inside its agreement, a quote
  inside what it supports and counted on its source, an office inside its
  person, a participation inside its meeting, a meeting inside its series)
  makes that other `updated` when it changes, if the public sees it;
- a resource whose parts other resources' details show (an agreement's
  title on its meetings, a topic's name on its agreements: opendata/embedding.py)
  makes those `updated` when a shown part changes or it is deleted;
- a record whose publication changes brings along those whose visibility
  rests on it: an agreement's status steps, the quotes supporting it or
  from a source;
- the visibility itself is asked of each model's `visible_to(anonymous)`,
  the very filter the API's lists apply, so the feed and the lists agree.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.utils import timezone

from core.models import is_public
from evidence.models import Citation
from opendata.embedding import embeddings_of, holders_showing
from opendata.models import SHOWN, Change, ChangeAction
from opendata.resources import by_model, public_fields

_PUBLIC = AnonymousUser()
_CHUNK = 500
_batch: ContextVar["_Batch | None"] = ContextVar("changes_feed_batch", default=None)

# Records shown inside others that are no resources of their own: what
# they are shown in, by foreign key (model label -> (field, resource)).
_SHOWN_IN = {
    "agreements.statusevent": (("agreement_id", "agreements"),),
    "agreements.commitmentstatusevent": (("commitment_id", "commitments"),),
    "agreements.agreementrelation": (("agreement_id", "agreements"),),
    "dialogue.participation": (("meeting_id", "meetings"),),
    "dialogue.meeting": (("series_id", "meeting-series"),),
    "people.post": (("person_id", "people"),),
    "evidence.citation": (("source_id", "sources"),),
}


def record_baseline() -> int:
    """One `created` entry for each record public now that the feed has
    not seen yet: where the feed starts (its migration, and a database
    filled without history, such as the demo data). Returns how many."""
    written = 0
    for model, resource in by_model().items():
        seen = Change.objects.filter(resource=resource.name).values("object_id")
        key = "slug" if hasattr(model, "slug") else "pk"
        rows = (
            model._default_manager.visible_to(_PUBLIC)
            .exclude(pk__in=seen)
            .order_by("pk")
            .values_list("pk", key, "updated_at")
        )
        entries = [
            Change(
                resource=resource.name,
                object_id=pk,
                slug=slug if key == "slug" else None,
                action=ChangeAction.CREATED,
                at=at,
            )
            for pk, slug, at in rows.iterator(chunk_size=2000)
        ]
        Change.objects.bulk_create(entries, batch_size=2000)
        written += len(entries)
    return written


def record_change(sender, instance, history_instance, **kwargs):
    """post_create_historical_record: the feed's entries for this write, or,
    inside `one_bulk_write`, what they will be about."""
    if by_model().get(type(instance)) is None and type(instance)._meta.label_lower not in _SHOWN_IN:
        return
    with _within_a_batch(history_instance.history_date) as batch:
        batch.collect(instance, history_instance)


@contextmanager
def one_bulk_write():
    """The feed's entries for every write inside, worked out once at the end
    (the loader's thousand saves are one batch). The feed is reconciled
    against the last entry of each record, so a record created, edited and
    republished within one batch gets one entry saying where it stands."""
    with _within_a_batch(None):
        yield


@contextmanager
def _within_a_batch(at):
    batch = _batch.get()
    if batch is not None:
        yield batch
        return
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield batch
    finally:
        _batch.reset(token)
    batch.write(at or timezone.now())


class _Batch:
    """The records a bulk write touched, and the records showing them."""

    def __init__(self):
        # resource -> {pk: True when a public field of the record changed}
        self.pending: dict[str, dict[int, bool]] = defaultdict(dict)
        # (resource, pk) of a record -> records showing it, named only if
        # the public saw that record before or sees it now
        self.shown_by: list[tuple[str, int, dict[str, set[int]]]] = []

    def add(self, name: str, pks, changed: bool) -> None:
        bucket = self.pending[name]
        for pk in pks:
            bucket[pk] = bucket.get(pk, False) or changed

    def collect(self, instance, history_instance) -> None:
        resource = by_model().get(type(instance))
        if resource is None:
            if _public_in_memory(instance):
                for name, pk in _shown_in(instance):
                    self.add(name, [pk], True)
            return
        # Read once: simple-history asks the database each time it is read.
        previous = history_instance.prev_record if history_instance.history_type == "~" else None
        changed = _changed_fields(history_instance, previous)
        counts = changed is None or bool(changed & public_fields(resource.name))
        self.add(resource.name, [instance.pk], counts)
        if history_instance.history_type == "~" and changed and "publication" in changed:
            for name, pks in _resting_on(instance).items():
                self.add(name, pks, False)
        if not counts:
            return  # a hidden field's change shows nowhere
        holders = _holders(resource.name, instance, history_instance, changed, previous)
        for name, pk in _shown_in(instance):
            holders.setdefault(name, set()).add(pk)
        if holders:
            self.shown_by.append((resource.name, instance.pk, holders))

    def write(self, at) -> None:
        if not self.pending:
            return
        _serialise_writers()
        seen = defaultdict(set)
        for name, pk, _holders_of in self.shown_by:
            seen[name].add(pk)
        seen = {name: _public_before_or_now(name, pks) for name, pks in seen.items()}
        for name, pk, holders in self.shown_by:
            if pk in seen[name]:  # a draft's change shows nowhere
                for holder, pks in holders.items():
                    self.add(holder, pks, True)
        for name, pks in self.pending.items():
            items = list(pks.items())
            for start in range(0, len(items), _CHUNK):
                _reconcile(name, dict(items[start : start + _CHUNK]), at)


def remember_holders(sender, instance, **kwargs):
    """pre_delete: which records show this one, asked while the links that
    say so still exist (a deletion takes many-to-many rows with it)."""
    resource = by_model().get(sender)
    if resource is not None and instance.pk is not None:
        instance._changes_feed_holders = holders_showing(resource.name, instance.pk, None)


def record_link_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    """m2m_changed: the history records the side that holds the field; the
    records on the other side whose details list this link changed too (a
    meeting linked to an agreement changes the agreement's list of meetings)."""
    if action == "pre_clear":
        related = getattr(instance, _m2m_accessor(sender, instance, reverse))
        instance._changes_feed_cleared = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_changes_feed_cleared", set())
    elif action not in ("post_add", "post_remove"):
        return
    this, other = by_model().get(type(instance)), by_model().get(model)
    if not pk_set or this is None or other is None or not is_public(instance):
        return
    with _within_a_batch(None) as batch:
        if any(e.holder == other.name for e in embeddings_of().get(this.name, ())):
            batch.add(other.name, pk_set, True)
        # The history follows the side that declares the field; from the
        # other side none is written, so its own entry is asked for here.
        if reverse and any(e.holder == this.name for e in embeddings_of().get(other.name, ())):
            batch.add(this.name, [instance.pk], True)


def _m2m_accessor(through, instance, reverse) -> str:
    for field in type(instance)._meta.get_fields():
        if not getattr(field, "many_to_many", False):
            continue
        field_through = getattr(field, "through", None) or field.remote_field.through
        if field_through is through:
            return field.get_accessor_name() if reverse else field.name
    raise LookupError(through)


def _holders(name, instance, history_instance, changed, previous) -> dict[str, set[int]]:
    """The public records that show a part of `instance` this write changed."""
    kind = history_instance.history_type
    if kind == "+":
        return {}  # nothing can show a record before it exists
    if kind == "-":
        return dict(getattr(instance, "_changes_feed_holders", {}))
    if changed is None and previous is not None:
        return {}  # no column changed: a many-to-many change is its own
    return holders_showing(name, instance.pk, changed)


def _serialise_writers() -> None:
    """On PostgreSQL, rows take their id when inserted but become visible
    when their transaction commits, so a reader could pass id 10 before a
    slower transaction commits id 9, and miss it for ever. Holding this lock
    to the commit makes writers of the feed take turns: ids then follow
    commit order and a cursor never skips a row. Readers are not blocked.
    (SQLite lets one writer at a time anyway.)"""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Change._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")


def _changed_fields(history_instance, previous) -> set[str] | None:
    """The fields this change altered since `previous` (the record's history
    row before it); None when that cannot be told (a creation or deletion, a
    many-to-many change, a save that altered none)."""
    if history_instance.history_type != "~" or previous is None:
        return None
    changed = {
        field.attname
        for field in type(history_instance.instance)._meta.concrete_fields
        if hasattr(previous, field.attname)
        and getattr(previous, field.attname) != getattr(history_instance, field.attname)
    } - {"updated_at", "created_at"}
    return changed or None


def _reconcile(resource_name: str, pks: dict[int, bool], at) -> set[int]:
    """Write the entries that bring the feed's view of these records (keyed
    by pk; True when the record itself changed in public) up to date; return
    those the public saw before or sees now."""
    if not pks:
        return set()
    model = _model(resource_name)
    last = _last_entries(resource_name, pks)
    key = "slug" if hasattr(model, "slug") else "pk"
    visible = model._default_manager.filter(pk__in=pks).visible_to(_PUBLIC)
    now = dict(visible.values_list("pk", key))
    existing = set(
        model._default_manager.filter(pk__in=set(pks) - set(now)).values_list("pk", flat=True)
    )
    entries = []
    for pk, changed in pks.items():
        before = last.get(pk)
        shown_before = before is not None and before.action in SHOWN
        slug_now = now.get(pk) if key == "slug" else None
        if pk in now and shown_before and before.slug != slug_now:
            entries.append(Change(object_id=pk, slug=before.slug, action=ChangeAction.DELETED))
            entries.append(Change(object_id=pk, slug=slug_now, action=ChangeAction.CREATED))
        elif pk in now and not shown_before:
            entries.append(Change(object_id=pk, slug=slug_now, action=ChangeAction.CREATED))
        elif pk in now and changed:
            entries.append(Change(object_id=pk, slug=slug_now, action=ChangeAction.UPDATED))
        elif pk not in now and shown_before:
            gone = ChangeAction.UNPUBLISHED if pk in existing else ChangeAction.DELETED
            entries.append(Change(object_id=pk, slug=before.slug, action=gone))
    for entry in entries:
        entry.resource, entry.at = resource_name, at
    Change.objects.bulk_create(entries)
    return set(now) | {pk for pk, change in last.items() if change.action in SHOWN}


def _last_entries(resource_name: str, pks) -> dict[int, Change]:
    last = {}
    for change in Change.objects.filter(resource=resource_name, object_id__in=pks).order_by(
        "object_id", "-id"
    ):
        last.setdefault(change.object_id, change)
    return last


def _public_before_or_now(resource_name: str, pks: set[int]) -> set[int]:
    visible = _model(resource_name)._default_manager.filter(pk__in=pks).visible_to(_PUBLIC)
    shown = {
        pk for pk, change in _last_entries(resource_name, pks).items() if change.action in SHOWN
    }
    return set(visible.values_list("pk", flat=True)) | shown


def _model(resource_name: str):
    return next(model for model, res in by_model().items() if res.name == resource_name)


def _public_in_memory(instance) -> bool:
    """Whether the public sees `instance` (no resource of its own). One
    deleted with what it rests on (a person's offices, with the person)
    counts as seen: the owner's own entry then says it left."""
    try:
        return is_public(instance)
    except ObjectDoesNotExist:
        return True


def _shown_in(instance) -> list[tuple[str, int]]:
    """The public records that show `instance` inside them."""
    found = []
    for attname, name in _SHOWN_IN.get(type(instance)._meta.label_lower, ()):
        pk = getattr(instance, attname, None)
        if pk is not None:
            found.append((name, pk))
    if isinstance(instance, Citation):
        cited_model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
        cited = by_model().get(cited_model)
        if cited is not None:
            found.append((cited.name, instance.object_id))
        if cited_model is not None and cited_model._meta.label_lower in _SHOWN_IN:
            holder = cited_model._default_manager.filter(pk=instance.object_id).first()
            if holder is not None:
                found.extend(_shown_in(holder))
    return found


def _resting_on(instance) -> dict[str, list[int]]:
    """The records whose visibility rests on `instance`'s publication: its
    status steps, and the quotes supporting it or them, or taken from it."""
    found = defaultdict(list)
    cited = [(type(instance), [instance.pk])]
    events_relation = getattr(type(instance), "events_relation", None)
    if events_relation:
        events = getattr(instance, events_relation)
        event_pks = list(events.values_list("pk", flat=True))
        found[by_model()[events.model].name].extend(event_pks)
        cited.append((events.model, event_pks))
    for model, pks in cited:
        content_type = ContentType.objects.get_for_model(model)
        found["citations"].extend(
            Citation.objects.filter(content_type=content_type, object_id__in=pks).values_list(
                "pk", flat=True
            )
        )
    if by_model()[type(instance)].name == "sources":
        found["citations"].extend(instance.citations.values_list("pk", flat=True))
    return found
