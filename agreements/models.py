"""What the two countries agreed and promised, how each instrument's status
changed over time, and the numbers the sources quote."""

import datetime
import operator

import simple_history
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Case, OuterRef, Prefetch, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.status_rules import (
    EventKind,
    Standing,
    TrackStep,
    sequence_problems,
    standing,
    tracks,
)
from core.content_lang import SOURCE_LANGUAGE, TranslationReviewField
from core.dates import (
    DatePrecision,
    PartialDatesMixin,
    due_conditions,
    format_partial_date,
    months_before,
    partial_date,
    period_end,
    precision_constraint,
)
from core.l10n import format_amount
from core.models import (
    PublicationState,
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    may_see_drafts,
    prefetched,
    publication_constraint,
)
from core.search import PROSE, SIMPLE_TEXT, TITLE, SearchField, SearchSpec, translated
from dialogue.models import Meeting
from evidence.models import Citation, citations_prefetch
from people.models import Organisation, OrganisationKind, Person
from topics.models import Topic

AGREEMENT_SEARCH = SearchSpec(
    translated(
        SearchField("title", "A", TITLE),
        SearchField("short_title", "A", TITLE),
        SearchField("summary", "B", PROSE),
    ),
    acronym_fields=("short_title", "title"),
)
COMMITMENT_SEARCH = SearchSpec(
    translated(SearchField("title", "A", TITLE), SearchField("description", "B", PROSE))
)
FIGURE_SEARCH = SearchSpec(
    (
        *translated(SearchField("name", "A", TITLE)),
        SearchField("metric", "B", SIMPLE_TEXT),
        SearchField("value_text", "B", SIMPLE_TEXT),
        *translated(SearchField("note", "C", PROSE)),
    )
)

# Chronological order of status events. Events on the same date keep the order
# in which they were entered (position), so "latest" is never a coin toss.
EVENT_ORDER = ("date", "position", "pk")
LATEST_FIRST = tuple(f"-{name}" for name in EVENT_ORDER)
# The same order, for events already in memory (prefetched).
_chronological = operator.attrgetter(*EVENT_ORDER)


class AgreementKind(models.TextChoices):
    TREATY = "treaty", _("treaty")
    AGREEMENT = "agreement", _("agreement")
    MOU = "mou", _("memorandum of understanding")
    ROADMAP = "roadmap", _("roadmap")
    MEMORANDUM = "memorandum", _("memorandum")
    DECLARATION = "declaration", _("declaration")
    PROGRAMME = "programme", _("programme")


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    NEGOTIATING = "negotiating", _("negotiating")
    SIGNED = "signed", _("signed")
    RATIFICATION_PENDING = "ratification_pending", _("ratification pending")
    RATIFIED = "ratified", _("ratified")
    IN_FORCE = "in_force", _("in force")
    IMPLEMENTED = "implemented", _("implemented")
    SUSPENDED = "suspended", _("suspended")
    TERMINATED = "terminated", _("terminated")
    SUPERSEDED = "superseded", _("superseded")


class CommitmentStatus(models.TextChoices):
    ANNOUNCED = "announced", _("announced")
    IN_PROGRESS = "in_progress", _("in progress")
    FULFILLED = "fulfilled", _("fulfilled")
    PARTLY_FULFILLED = "partly_fulfilled", _("partly fulfilled")
    OVERDUE = "overdue", _("overdue")
    DROPPED = "dropped", _("dropped")


class StatusTrackedQuerySet(PublishableQuerySet):
    """Status "as of" a date, for anything whose status comes from its events.

    The rule, in one place: the status on day D is that of the latest event
    dated on or before D (events known only to the month or year count from
    the first day of their period); before the first event there is none.
    "Since" is the start of that status's run, which each event stores
    (`run_since`); "last confirmed" is the date of that latest event.
    """

    def with_status_as_of(self, as_of: datetime.date):
        relation = self.model._meta.get_field(self.model.events_relation)
        event_model, owner_field = relation.related_model, relation.field.name
        latest = event_model.objects.filter(
            **{owner_field: OuterRef("pk")},
            date__lte=as_of,
            publication=PublicationState.PUBLISHED,
        ).order_by(*LATEST_FIRST)
        return self.annotate(
            status_as_of=Subquery(latest.values("status")[:1]),
            status_as_of_date=Subquery(latest.values("run_since")[:1]),
            status_as_of_date_precision=Subquery(latest.values("run_since_precision")[:1]),
            status_as_of_date_inferred=Subquery(latest.values("run_since_inferred")[:1]),
            status_confirmed_as_of=Subquery(latest.values("date")[:1]),
            status_confirmed_as_of_precision=Subquery(latest.values("date_precision")[:1]),
            status_confirmed_as_of_inferred=Subquery(latest.values("date_inferred")[:1]),
        )

    def with_freshness(self, as_of: datetime.date | None = None):
        """`is_stale` (and, for records with a due date, `is_overdue` and
        `is_due_soon`) as of a date, today when None: database annotations,
        so lists filter and sort on them a page at a time."""
        day = as_of or timezone.localdate()
        queryset = self
        if as_of is not None and "status_as_of" not in self.query.annotations:
            queryset = self.with_status_as_of(as_of)
        status = "status_as_of" if as_of is not None else "status"
        confirmed = "status_confirmed_as_of" if as_of is not None else "status_confirmed_on"
        still_open = Q(**{f"{status}__isnull": True}) | ~Q(
            **{f"{status}__in": self.model.SETTLED_STATUSES}
        )
        stale_before = months_before(day, settings.STATUS_STALE_AFTER_MONTHS)
        annotations = {
            "is_stale": _flag(
                still_open & Q(**{f"{status}__gt": ""}) & Q(**{f"{confirmed}__lt": stale_before})
            )
        }
        if self.model.due_field:
            due = self.model.due_field
            overdue, due_soon = due_conditions(
                lambda end: Q(**{f"{due}__lt": end}), day, settings.STATUS_DUE_SOON_DAYS
            )
            annotations["is_overdue"] = _flag(still_open & overdue)
            annotations["is_due_soon"] = _flag(still_open & due_soon)
        return queryset.annotate(**annotations)


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


class StatusTrackedModel(PartialDatesMixin, PublishableModel):
    """Something whose status comes from its dated status events.

    The current status, since when it holds and when it was last confirmed
    are kept on the row, for filtering and sorting at scale, and re-derived
    by `refresh_status()` (agreements.status_rules); subclasses declare
    `status` with their own vocabulary and name their events' accessor.
    """

    events_relation = "status_events"
    # Statuses that are settled: never overdue, never stale.
    SETTLED_STATUSES: tuple[str, ...] = ()
    # The name of the stored last day something is due, when it can be due.
    due_field: str | None = None

    status_since = models.DateField(_("status since"), null=True, blank=True, editable=False)
    status_since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, editable=False
    )
    status_since_inferred = models.BooleanField(
        _("status since inferred"),
        default=False,
        editable=False,
        help_text=_("Whether the date of the change into the status is taken from context."),
    )
    status_confirmed_on = models.DateField(
        _("status last confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The date of the latest evidence that the status still held."),
    )
    status_confirmed_on_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, editable=False
    )
    status_confirmed_on_inferred = models.BooleanField(
        _("status last confirmed inferred"),
        default=False,
        editable=False,
        help_text=_("Whether the date of the latest evidence is taken from context."),
    )

    class Meta:
        abstract = True

    def published_events(self) -> list:
        """The events that count: published ones (a draft step counts for
        nothing until an editor publishes it), from the prefetched list when
        there is one."""
        return [
            event
            for event in getattr(self, self.events_relation).all()
            if event.publication == PublicationState.PUBLISHED
        ]

    def events_with(self, *candidates, removed=(), counting: bool | None = None) -> list:
        """The published events as saved, with `candidates` (new, changed or
        about to change publication) in place of their saved selves and the
        `removed` pks left out: the sequence the status rules check, on every
        write path (the services, the admin's form and formset, ingest). A
        candidate counts when published, or as `counting` says when given
        (a draft checked as if published)."""
        replaced = {event.pk for event in candidates if event.pk is not None} | set(removed)
        saved = []
        if self.pk is not None:
            saved = [
                event
                for event in getattr(self, self.events_relation)
                .filter(publication=PublicationState.PUBLISHED)
                .select_related("party")
                if event.pk not in replaced
            ]
        return saved + [
            event
            for event in candidates
            if (event.publication == PublicationState.PUBLISHED if counting is None else counting)
        ]

    def status_event_on(self, day: datetime.date | None = None):
        """The event that decides the status on `day` (the latest event at all
        when None). Works on the prefetched events when there are some."""
        events = [event for event in self.published_events() if day is None or event.date <= day]
        if not events:
            return None
        return max(events, key=_chronological)

    def status_on(self, day: datetime.date) -> str:
        event = self.status_event_on(day)
        return event.status if event else ""

    def standing_on(self, day: datetime.date | None = None) -> Standing:
        """Status, since when and last confirmed, from the prefetched events."""
        return standing(self.published_events(), day)

    def standing_shown(self, as_of: datetime.date | None) -> Standing:
        """Status, since and last confirmed as a page (and its CSV) shows
        them: stored for today, from the list's `with_status_as_of()`
        annotation or the prefetched events for another date. The one way
        the current standing is read for display."""
        if as_of is None:
            return Standing(
                self.status,
                self.status_since,
                self.status_since_precision,
                self.status_confirmed_on,
                self.status_confirmed_on_precision,
                since_inferred=self.status_since_inferred,
                confirmed_on_inferred=self.status_confirmed_on_inferred,
            )
        if hasattr(self, "status_confirmed_as_of"):
            return Standing(
                self.status_as_of or "",
                self.status_as_of_date,
                self.status_as_of_date_precision or DatePrecision.DAY,
                self.status_confirmed_as_of,
                self.status_confirmed_as_of_precision or DatePrecision.DAY,
                since_inferred=bool(self.status_as_of_date_inferred),
                confirmed_on_inferred=bool(self.status_confirmed_as_of_inferred),
            )
        return self.standing_on(as_of)

    def status_shown(self, as_of: datetime.date | None) -> str:
        """The status a page shows: as of its date when one is chosen, read
        from the `with_status_as_of()` annotation when the list made one."""
        if as_of is None:
            return self.status
        annotated = getattr(self, "status_as_of", None)
        return annotated if isinstance(annotated, str) else self.status_on(as_of)

    def status_timeline(self, day: datetime.date | None = None) -> list:
        """Events in chronological order, marked `later` when after `day`."""
        events = sorted(self.published_events(), key=_chronological)
        for event in events:
            event.later = day is not None and event.date > day
        return events

    @classmethod
    def status_label(cls, value: str) -> str:
        return dict(cls._meta.get_field("status").flatchoices).get(value, value)

    @classmethod
    def status_labels(cls) -> dict:
        return {**dict(TrackStep.choices), **dict(cls._meta.get_field("status").flatchoices)}

    def status_problems(self, events=None) -> list:
        """What is wrong with these events (the saved ones when None) as a
        sequence: see agreements.status_rules.sequence_problems."""
        if events is None:
            events = list(
                getattr(self, self.events_relation)
                .filter(publication=PublicationState.PUBLISHED)
                .select_related("party")
            )
        return self.status_problems_of(events, **self.track_context())

    @classmethod
    def status_problems_of(cls, events, **context) -> list:
        return sequence_problems(events, labels=cls.status_labels(), **context)

    def track_context(self) -> dict:
        return {}

    def refresh_status(self, *, save: bool = True) -> None:
        """Re-derive the denormalised status, and each event's `run_since`,
        from the events. Every write path that adds, changes or removes an
        event calls this."""
        # Queried afresh: a prefetched list may predate the change.
        events = list(
            getattr(self, self.events_relation).filter(publication=PublicationState.PUBLISHED)
        )
        now = standing(events)
        self.status = now.status
        self.status_since, self.status_since_precision = now.since, now.since_precision
        self.status_since_inferred = now.since_inferred
        self.status_confirmed_on = now.confirmed_on
        self.status_confirmed_on_precision = now.confirmed_on_precision
        self.status_confirmed_on_inferred = now.confirmed_on_inferred
        moved = [
            event
            for event in events
            if (event.run_since, event.run_since_precision, event.run_since_inferred)
            != (
                event.stored_run_since,
                event.stored_run_since_precision,
                event.stored_run_since_inferred,
            )
        ]
        if moved and save:
            type(events[0]).objects.bulk_update(
                moved, ["run_since", "run_since_precision", "run_since_inferred"]
            )
        if save:
            # A changed status is a change to the record: `updated_since`
            # consumers and caches must see it.
            self.updated_at = timezone.now()
            type(self).objects.filter(pk=self.pk).update(
                status=self.status,
                status_since=self.status_since,
                status_since_precision=self.status_since_precision,
                status_since_inferred=self.status_since_inferred,
                status_confirmed_on=self.status_confirmed_on,
                status_confirmed_on_precision=self.status_confirmed_on_precision,
                status_confirmed_on_inferred=self.status_confirmed_on_inferred,
                updated_at=self.updated_at,
            )

    @property
    def status_since_display(self) -> str:
        return format_partial_date(self.status_since, self.status_since_precision)

    @property
    def status_confirmed_on_display(self) -> str:
        return format_partial_date(self.status_confirmed_on, self.status_confirmed_on_precision)


def _cited():
    # Without the source's full text: a page shows a quote's source by its
    # title, publisher and date, and each text is many kilobytes (the demo
    # data's round-ups about 20 KB), fetched once per quote.
    return Prefetch("citations", queryset=Citation.objects.with_source())


def _api_citations() -> Prefetch:
    return prefetched("citations", Citation.objects.with_source())


def _events_for_api(event_model, *, citations: bool = True) -> Prefetch:
    events = event_model.objects.filter(publication=PublicationState.PUBLISHED).select_related(
        "party"
    )
    return prefetched(
        "status_events", events.prefetch_related(_api_citations()) if citations else events
    )


class AgreementQuerySet(StatusTrackedQuerySet):
    def for_api(self, *, citations: bool = True):
        """Without `citations`, neither the agreements' citations nor their
        steps' are prefetched: evidence.models.fetch_citations() then
        fetches both in one query (the API's detail)."""
        return self.prefetch_related(
            *((_api_citations(),) if citations else ()),
            prefetched("parties"),
            prefetched("signatories"),
            prefetched("topics"),
            prefetched("meetings"),
            prefetched("discussed_at"),
            _events_for_api(StatusEvent, citations=citations),
            prefetched("relations", AgreementRelation.objects.select_related("target")),
        )

    def for_list(self):
        return self.prefetch_related("parties", "topics")

    def for_detail(self):
        """For the agreement's page; its citations and its steps' come with
        fetch_citations(), in one query."""
        return self.prefetch_related(
            "parties",
            "signatories",
            "topics",
            Prefetch("meetings", queryset=Meeting.objects.select_related("series")),
            Prefetch("discussed_at", queryset=Meeting.objects.select_related("series")),
            Prefetch(
                "status_events",
                queryset=StatusEvent.objects.filter(
                    publication=PublicationState.PUBLISHED
                ).select_related("party"),
            ),
            Prefetch("relations", queryset=AgreementRelation.objects.select_related("target")),
            Prefetch(
                "related_from", queryset=AgreementRelation.objects.select_related("agreement")
            ),
            Prefetch("commitments", queryset=Commitment.objects.all()),
        )


@partial_date("signed_on", _("signed on"))
class Agreement(StatusTrackedModel):
    """A treaty, agreement, memorandum, roadmap... between the two sides."""

    SETTLED_STATUSES = (AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED)

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    status = models.CharField(
        _("current status"),
        max_length=30,
        choices=AgreementStatus.choices,
        blank=True,
        editable=False,
        help_text=_("Derived from the latest status event."),
    )
    signed_at = models.CharField(_("signed at"), max_length=200, blank=True)
    legally_binding = models.BooleanField(_("legally binding"), null=True, blank=True)
    requires_ratification = models.BooleanField(_("requires ratification"), null=True, blank=True)
    parties = models.ManyToManyField(
        Organisation, blank=True, related_name="agreements", verbose_name=_("parties")
    )
    signatories = models.ManyToManyField(
        Person, blank=True, related_name="agreements_signed", verbose_name=_("signatories")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="agreements", verbose_name=_("topics")
    )
    meetings = models.ManyToManyField(
        Meeting,
        blank=True,
        related_name="agreements",
        verbose_name=_("made at"),
        help_text=_("Where it was signed or made: an outcome of the meeting."),
    )
    discussed_at = models.ManyToManyField(
        Meeting,
        blank=True,
        related_name="agreements_discussed",
        verbose_name=_("discussed at"),
        help_text=_("Where it was negotiated, reviewed or discussed, without being made there."),
    )
    summary = models.TextField(_("summary"), blank=True)
    translation_review = TranslationReviewField()
    treaty_series_number = models.CharField(_("UK Treaty Series no."), max_length=60, blank=True)
    command_paper_number = models.CharField(_("Command Paper no."), max_length=60, blank=True)
    un_registration_number = models.CharField(_("UN registration no."), max_length=60, blank=True)
    official_url = models.URLField(_("official text"), max_length=500, blank=True)
    citations = GenericRelation("evidence.Citation", related_query_name="agreement")

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ("-signed_on", "title")
        indexes = (
            models.Index(fields=("status", "signed_on"), name="agreements_status_signed_idx"),
            models.Index(fields=("kind", "signed_on"), name="agreements_kind_signed_idx"),
            # The list's own order, read from the index a page at a time, and
            # the dashboard's latest changes: no sort of every row.
            models.Index(fields=("-signed_on", "title"), name="agreements_list_order_idx"),
            # The same order within one status (`?status=`): read a page at a
            # time instead of skipping every row of the other statuses (at
            # 1,000,000 agreements, 120,000 rows skipped for one page).
            models.Index(
                fields=("status", "-signed_on", "title"), name="agreements_status_order_idx"
            ),
            models.Index(fields=("-status_since", "title"), name="agreements_status_since_idx"),
            models.Index(fields=("status_confirmed_on", "status"), name="agreements_confirmed_idx"),
            AGREEMENT_SEARCH.index("agreements_agreement_search"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(kind__in=AgreementKind.values),
                name="agreements_agreement_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["", *AgreementStatus.values]),
                name="agreements_agreement_status_valid",
            ),
            precision_constraint("agreements_agreement", "signed_on"),
            publication_constraint("agreements_agreement"),
        )

    def __str__(self):
        return self.short_title or self.title

    def get_absolute_url(self):
        return reverse("agreements:agreement-detail", args=(self.slug,))

    def track_parties(self) -> list:
        """The states that are parties, each with a track of its own; read
        from the prefetched parties when there are some."""
        parties = getattr(self, "prefetched_parties", None)
        if parties is None:
            parties = self.parties.all()
        return [party for party in parties if party.kind == OrganisationKind.STATE]

    def track_context(self) -> dict:
        return {
            "parties": self.track_parties(),
            "requires_ratification": self.requires_ratification,
        }

    def tracks_on(self, day: datetime.date | None = None) -> list:
        """Each state party's track as of `day` (agreements.status_rules)."""
        events = getattr(self, "prefetched_status_events", None)
        if events is None:
            events = self.published_events()
        return tracks(
            events,
            self.track_parties(),
            requires_ratification=self.requires_ratification,
            day=day,
        )


class RelationKind(models.TextChoices):
    SUPERSEDES = "supersedes", _("supersedes")
    AMENDS = "amends", _("amends")
    IMPLEMENTS = "implements", _("implements")
    MADE_UNDER = "made_under", _("made under")


class AgreementRelation(TimeStampedModel):
    """One instrument's tie to another: a roadmap implementing an MoU..."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="relations", verbose_name=_("agreement")
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="related_from",
        verbose_name=_("other agreement"),
    )
    citations = GenericRelation("evidence.Citation", related_query_name="agreement_relation")

    # Shown only when the other agreement is public too (core.models.is_public).
    public_with = ("target",)

    class Meta:
        ordering = ("agreement", "kind", "target")
        constraints = (
            models.UniqueConstraint(
                fields=("agreement", "kind", "target"), name="agreements_relation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(agreement=models.F("target")),
                name="agreements_relation_not_to_self",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=RelationKind.values),
                name="agreements_relation_kind_valid",
            ),
        )

    def __str__(self):
        return f"{self.agreement} {self.get_kind_display()} {self.target}"

    def get_absolute_url(self):
        return f"{self.agreement.get_absolute_url()}#relations"


@partial_date("date", _("date"))
class StatusEventBase(PartialDatesMixin, TimeStampedModel):
    """A dated step in something's status, backed by citations: a change
    into a status, or a confirmation that it still held."""

    # Public only when published and its agreement or commitment is (core.models.is_public).
    publication_follows_owner = True

    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=EventKind.choices,
        default=EventKind.CHANGE,
        help_text=_(
            "A change: the status became this on this date. A confirmation: a source "
            "of this date says it still was."
        ),
    )
    party = models.ForeignKey(
        Organisation,
        # A step in one country's track is history; keep the country.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("party"),
        help_text=_("For a step that is one side's alone, such as UK ratification."),
    )
    note = models.TextField(_("note"), blank=True)
    translation_review = TranslationReviewField()
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Orders events that share a date.")
    )
    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.PUBLISHED,
        db_index=True,
        help_text=_(
            "A draft step (one proposed from an article, say) counts for nothing, and is "
            "shown to no reader, until an editor publishes it."
        ),
    )
    # Where the status this event leaves began (the "since" after it), kept
    # for the database's "as of" queries; derived by refresh_status().
    run_since = models.DateField(null=True, blank=True, editable=False)
    run_since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, editable=False
    )
    run_since_inferred = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        event = super().from_db(db, field_names, values)
        # What is stored, to write back only the events whose run moved.
        event.stored_run_since = getattr(event, "run_since", None)
        event.stored_run_since_precision = getattr(event, "run_since_precision", None)
        event.stored_run_since_inferred = getattr(event, "run_since_inferred", None)
        return event

    def clean(self):
        super().clean()
        if self.date is None:
            raise ValidationError({"date": _("A status step needs a date, even if only a year.")})

    @property
    def is_confirmation(self) -> bool:
        return self.kind == EventKind.CONFIRMATION


class OwnedByPublishableQuerySet(models.QuerySet):
    """Nested records (status steps) are as public as the record they belong to."""

    owner_field: str

    def visible_to(self, user):
        owner = self.model._meta.get_field(self.owner_field).related_model
        visible = self.filter(**{f"{self.owner_field}__in": owner.objects.visible_to(user)})
        if may_see_drafts(user, self.model):
            return visible
        return visible.filter(publication=PublicationState.PUBLISHED)

    def published(self):
        return self.filter(
            publication=PublicationState.PUBLISHED,
            **{f"{self.owner_field}__publication": PublicationState.PUBLISHED},
        )


class StatusEventQuerySet(OwnedByPublishableQuerySet):
    owner_field = "agreement"

    def for_api(self):
        return self.select_related("agreement", "party").prefetch_related(citations_prefetch())


class StatusEvent(StatusEventBase):
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="status_events",
        verbose_name=_("agreement"),
    )
    status = models.CharField(_("status"), max_length=30, choices=AgreementStatus.choices)
    step = models.CharField(
        _("step"),
        max_length=30,
        choices=TrackStep.choices,
        blank=True,
        help_text=_(
            "The party's own step, when the source names one (laid before Parliament, "
            "passed by the Mazhilis...)."
        ),
    )
    citations = GenericRelation("evidence.Citation", related_query_name="status_event")

    objects = StatusEventQuerySet.as_manager()

    class Meta:
        ordering = EVENT_ORDER
        indexes = (
            models.Index(fields=("agreement", "date"), name="agreements_event_date_idx"),
            models.Index(fields=("date",), name="agreements_event_recent_idx"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(status__in=AgreementStatus.values),
                name="agreements_statusevent_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values),
                name="agreements_statusevent_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(step__in=["", *TrackStep.values]),
                name="agreements_statusevent_step_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(date__isnull=False), name="agreements_statusevent_dated"
            ),
            precision_constraint("agreements_statusevent", "date"),
        )

    def __str__(self):
        return f"{self.agreement}: {self.get_status_display()} ({self.date_display})"

    def get_absolute_url(self):
        return f"{self.agreement.get_absolute_url()}#event-{self.pk}"


class CommitmentQuerySet(StatusTrackedQuerySet):
    def for_api(self):
        return self.select_related("meeting", "agreement").prefetch_related(
            _api_citations(),
            prefetched("parties"),
            prefetched("people"),
            prefetched("topics"),
            _events_for_api(CommitmentStatusEvent),
        )

    def for_list(self):
        return self.select_related("meeting", "agreement").prefetch_related("parties", "topics")

    def for_detail(self):
        return self.select_related("meeting", "agreement").prefetch_related(
            _cited(),
            "parties",
            "people",
            "topics",
            Prefetch(
                "status_events",
                queryset=CommitmentStatusEvent.objects.filter(
                    publication=PublicationState.PUBLISHED
                )
                .select_related("party")
                .prefetch_related(_cited()),
            ),
        )

    def open(self):
        return self.exclude(status__in=(CommitmentStatus.FULFILLED, CommitmentStatus.DROPPED))


@partial_date("due_on", _("due"))
class Commitment(StatusTrackedModel):
    """Something promised, planned or announced, by whom, and by when."""

    SETTLED_STATUSES = (CommitmentStatus.FULFILLED, CommitmentStatus.DROPPED)
    due_field = "due_by"

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    translation_review = TranslationReviewField()
    parties = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="commitments",
        verbose_name=_("parties"),
        help_text=_("Who committed, or is to act."),
    )
    people = models.ManyToManyField(
        Person, blank=True, related_name="commitments", verbose_name=_("people")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("made at meeting"),
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("made in agreement"),
    )
    status = models.CharField(
        _("current status"),
        max_length=30,
        choices=CommitmentStatus.choices,
        blank=True,
        editable=False,
        help_text=_("Derived from the latest status event."),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="commitments", verbose_name=_("topics")
    )
    due_by = models.DateField(
        _("due by"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The last day of the period it is due in: overdue after it."),
    )
    citations = GenericRelation("evidence.Citation", related_query_name="commitment")

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ("due_on", "title")
        indexes = (
            models.Index(fields=("status", "due_on"), name="agreements_commit_status_idx"),
            models.Index(fields=("due_on", "title"), name="agreements_commit_due_idx"),
            models.Index(fields=("due_by", "status"), name="agreements_commit_due_by_idx"),
            models.Index(
                fields=("status_confirmed_on", "status"), name="agreements_commit_conf_idx"
            ),
            COMMITMENT_SEARCH.index("agreements_commitment_search"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(status__in=["", *CommitmentStatus.values]),
                name="agreements_commitment_status_valid",
            ),
            precision_constraint("agreements_commitment", "due_on"),
            publication_constraint("agreements_commitment"),
        )

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:commitment-detail", args=(self.slug,))

    @property
    def overdue_since_display(self) -> str:
        """The first period it was late in, at the precision it was due:
        due in February 2020, overdue since March 2020."""
        if self.due_by is None:
            return ""
        return format_partial_date(self.due_by + datetime.timedelta(days=1), self.due_on_precision)

    def save(self, *args, **kwargs):
        self.due_by = period_end(self.due_on, self.due_on_precision)
        if kwargs.get("update_fields") is not None and "due_on" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "due_by"}
        super().save(*args, **kwargs)


class CommitmentStatusEventQuerySet(OwnedByPublishableQuerySet):
    owner_field = "commitment"

    def for_api(self):
        return self.select_related("commitment", "party").prefetch_related(citations_prefetch())


class CommitmentStatusEvent(StatusEventBase):
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        related_name="status_events",
        verbose_name=_("commitment"),
    )
    status = models.CharField(_("status"), max_length=30, choices=CommitmentStatus.choices)
    citations = GenericRelation("evidence.Citation", related_query_name="commitment_status_event")

    objects = CommitmentStatusEventQuerySet.as_manager()

    class Meta:
        ordering = EVENT_ORDER
        indexes = (
            models.Index(fields=("commitment", "date"), name="agreements_cevent_date_idx"),
            # The timeline reads a year of every kind of event by date.
            models.Index(fields=("date",), name="agreements_cevent_recent_idx"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(status__in=CommitmentStatus.values),
                name="agreements_commitmentevent_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values),
                name="agreements_commitmentevent_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(date__isnull=False), name="agreements_commitmentevent_dated"
            ),
            precision_constraint("agreements_commitmentstatusevent", "date"),
        )

    def __str__(self):
        return f"{self.commitment}: {self.get_status_display()} ({self.date_display})"

    def get_absolute_url(self):
        return f"{self.commitment.get_absolute_url()}#event-{self.pk}"


class Approximation(models.TextChoices):
    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    OVER = "over", _("over")
    UNDER = "under", _("under")
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")
    RANK = "rank", _("rank")
    TOP = "top", _("in the top")


class FigureQuerySet(PublishableQuerySet):
    def for_api(self):
        return self.select_related("subject").prefetch_related(citations_prefetch(), "topics")

    def for_list(self):
        return self.select_related("subject").prefetch_related(_cited(), "topics")


@partial_date("as_of", _("as of"))
class Figure(PartialDatesMixin, PublishableModel):
    """A number a source quotes. Figures of the same metric from different
    sources are all kept, so disagreements show side by side."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    metric = models.SlugField(
        _("metric"),
        max_length=120,
        help_text=_("Shared by figures that measure the same thing."),
    )
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("GBP, USD, companies..."))
    value_text = models.CharField(
        _("as worded"), max_length=120, blank=True, help_text=_("As the source words it.")
    )
    approximation = models.CharField(
        _("approximation"),
        max_length=10,
        choices=Approximation.choices,
        default=Approximation.EXACT,
    )
    subject = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("about"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="figures", verbose_name=_("topics")
    )
    note = models.TextField(_("note"), blank=True)
    translation_review = TranslationReviewField()
    citations = GenericRelation("evidence.Citation", related_query_name="figure")

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ("metric", "-as_of", "slug")
        indexes = (
            models.Index(fields=("metric", "as_of"), name="agreements_figure_metric_idx"),
            FIGURE_SEARCH.index("agreements_figure_search"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(approximation__in=Approximation.values),
                name="agreements_figure_approximation_valid",
            ),
            precision_constraint("agreements_figure", "as_of"),
            publication_constraint("agreements_figure"),
        )

    def __str__(self):
        return f"{self.name}: {self.value_text or self.value}"

    @property
    def value_display(self) -> str:
        """The value as a claim, never more exact than the source: "in the
        top 10", "rank 3", "about 2,000 companies"."""
        number = f"{self.value.normalize():,f}" if self.value is not None else ""
        if self.approximation == Approximation.TOP:
            return _("in the top %(number)s") % {"number": number}
        if self.approximation == Approximation.RANK:
            return _("rank %(number)s") % {"number": number}
        if self.approximation == Approximation.EXACT:
            return f"{number} {self.unit}"
        return f"{self.get_approximation_display()} {number} {self.unit}"

    def amount_display(self) -> str:
        """The value with its unit in the reader's language ("580 компаний"):
        the English unit names the words and their forms after a number; a
        unit with no known words is written as translated."""
        english = getattr(self, f"unit_{SOURCE_LANGUAGE}", None) or self.__dict__.get("unit", "")
        return format_amount(self.value, english, self.approximation, unit_words=self.unit)

    def get_absolute_url(self):
        return reverse("agreements:figure-detail", args=(self.slug,))


# Every editable record keeps its history (django-simple-history); registered
# after the class bodies, once @partial_date has added its columns.
for _model, _m2m in (
    (Agreement, ("parties", "signatories", "topics", "meetings", "discussed_at")),
    (AgreementRelation, ()),
    (StatusEvent, ()),
    (Commitment, ("parties", "people", "topics")),
    (CommitmentStatusEvent, ()),
    (Figure, ("topics",)),
):
    simple_history.register(_model, m2m_fields=[_model._meta.get_field(name) for name in _m2m])
