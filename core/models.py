"""What every content model shares: timestamps, publication (draft or
published) and the one rule for what the public may see."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


# What a nested record (a status step, a post, a quote...) belongs to: it is
# as public as that.
_PARENTS = ("agreement", "commitment", "meeting", "person", "source")


def is_public(obj) -> bool:
    """Whether the public may see `obj`, already fetched: a published record,
    or a nested one whose parent is published. The same rule as
    `PublishableQuerySet.published()`, for records in memory.

    A nested record that means nothing without another one says so on its
    model: `public_with = ("target",)` (each of these must be public: a
    relation to a draft agreement is not shown), `public_with_any =
    ("person", "organisation")` (one at least: a participation whose only
    participant is a draft is not shown)."""
    if obj is None:
        return False
    state = getattr(obj, "publication", None)
    model = type(obj)
    if state is not None:
        if state != PublicationState.PUBLISHED:
            return False
        # A nested record with a publication of its own (a status step) is
        # shown only when the record it belongs to is published as well.
        if not getattr(model, "publication_follows_owner", False):
            return True
    if not all(is_public(getattr(obj, name, None)) for name in getattr(model, "public_with", ())):
        return False
    any_of = getattr(model, "public_with_any", ())
    if any_of and not any(is_public(getattr(obj, name, None)) for name in any_of):
        return False
    for parent in _PARENTS:
        owner = getattr(obj, parent, None)
        if owner is not None and hasattr(owner, "publication"):
            return owner.publication == PublicationState.PUBLISHED
    return True


def may_see_drafts(user, model) -> bool:
    """Whoever may view or change a kind of record in the admin sees its drafts."""
    opts = model._meta
    return user is not None and any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("view", "change")
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication=PublicationState.PUBLISHED)

    def visible_to(self, user):
        """Drafts too for those who may see them in the admin; the rest, the
        public, see what is published."""
        return self if may_see_drafts(user, self.model) else self.published()


class PublishableModel(TimeStampedModel):
    """A content record: a draft until an editor publishes it. Drafts are
    seen in the admin and by API users allowed to, never by the public."""

    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
        help_text=_("Drafts are hidden from the public site, its feeds, CSV and the open API."),
    )

    class Meta:
        abstract = True


def publication_constraint(model_label: str) -> models.CheckConstraint:
    """The database's own check that a publication state is a known one."""
    return models.CheckConstraint(
        condition=models.Q(publication__in=PublicationState.values),
        name=f"{model_label}_publication_valid",
    )


# The attribute `prefetched()` leaves a relation's records in.
PREFETCHED = "prefetched_{}"


def prefetched(lookup: str, queryset=None) -> models.Prefetch:
    """Prefetch `lookup` into a plain list, `prefetched_<lookup>`, which the
    API's fields read (core.api.serializers.ReadsPrefetched). Into the relation
    itself, Django builds a filtered queryset and a related manager for every
    row to hold the results; for a page of 100 agreements, with their steps
    and quotes, that cost more than the queries."""
    return models.Prefetch(lookup, queryset=queryset, to_attr=PREFETCHED.format(lookup))


def related_model(model: type[models.Model], accessor: str) -> type[models.Model]:
    """The model at the other end of `model`'s relation `accessor`, reached
    through the relation itself: for a page that shows records of an app
    above (a person's meetings), which this app must not import."""
    return model._meta.get_field(accessor).related_model
