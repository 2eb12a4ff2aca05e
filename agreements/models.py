"""What the two countries agreed and promised, how each instrument's status
changed over time, and the numbers the sources quote."""

import datetime
import operator

import simple_history
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import (
    DatePrecision,
    PartialDatesMixin,
    format_partial_date,
    partial_date,
    precision_constraint,
)
from core.models import (
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    prefetched,
    publication_constraint,
)
from core.search import PROSE, SIMPLE_TEXT, TITLE, SearchField, SearchSpec
from dialogue.models import Meeting
from evidence.models import Citation, citations_prefetch
from people.models import Organisation, Person
from topics.models import Topic

AGREEMENT_SEARCH = SearchSpec(
    (
        SearchField("title", "A", TITLE),
        SearchField("short_title", "A", TITLE),
        SearchField("summary", "B", PROSE),
    ),
    acronym_fields=("short_title", "title"),
)
COMMITMENT_SEARCH = SearchSpec(
    (SearchField("title", "A", TITLE), SearchField("description", "B", PROSE))
)
FIGURE_SEARCH = SearchSpec(
    (
        SearchField("name", "A", TITLE),
        SearchField("metric", "B", SIMPLE_TEXT),
        SearchField("value_text", "B", SIMPLE_TEXT),
        SearchField("note", "C", PROSE),
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
    """

    def with_status_as_of(self, as_of: datetime.date):
        relation = self.model._meta.get_field(self.model.events_relation)
        event_model, owner_field = relation.related_model, relation.field.name
        latest = event_model.objects.filter(
            **{owner_field: OuterRef("pk")}, date__lte=as_of
        ).order_by(*LATEST_FIRST)
        return self.annotate(
            status_as_of=Subquery(latest.values("status")[:1]),
            status_as_of_date=Subquery(latest.values("date")[:1]),
            status_as_of_date_precision=Subquery(latest.values("date_precision")[:1]),
        )


class StatusTrackedModel(PartialDatesMixin, PublishableModel):
    """Something whose status comes from its dated status events.

    The current status is kept on the row, for filtering and sorting at
    scale, and re-derived by `refresh_status()`; subclasses declare `status`
    with their own vocabulary and name their events' reverse accessor.
    """

    events_relation = "status_events"

    status_since = models.DateField(_("status since"), null=True, blank=True, editable=False)
    status_since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, editable=False
    )

    class Meta:
        abstract = True

    def status_event_on(self, day: datetime.date | None = None):
        """The event that decides the status on `day` (the latest event at all
        when None). Works on the prefetched events when there are some."""
        events = [
            event
            for event in getattr(self, self.events_relation).all()
            if day is None or event.date <= day
        ]
        if not events:
            return None
        return max(events, key=_chronological)

    def status_on(self, day: datetime.date) -> str:
        event = self.status_event_on(day)
        return event.status if event else ""

    def status_shown(self, as_of: datetime.date | None) -> str:
        """The status a page shows: as of its date when one is chosen, read
        from the `with_status_as_of()` annotation when the list made one."""
        if as_of is None:
            return self.status
        annotated = getattr(self, "status_as_of", None)
        return annotated if isinstance(annotated, str) else self.status_on(as_of)

    def status_timeline(self, day: datetime.date | None = None) -> list:
        """Events in chronological order, marked `later` when after `day`."""
        events = sorted(
            getattr(self, self.events_relation).all(),
            key=_chronological,
        )
        for event in events:
            event.later = day is not None and event.date > day
        return events

    @classmethod
    def status_label(cls, value: str) -> str:
        return dict(cls._meta.get_field("status").flatchoices).get(value, value)

    def refresh_status(self, *, save: bool = True) -> None:
        """Re-derive the denormalised status from the events. Every write
        path that adds, changes or removes an event calls this."""
        # Queried afresh: a prefetched list may predate the change.
        latest = getattr(self, self.events_relation).order_by(*LATEST_FIRST).first()
        self.status = latest.status if latest else ""
        self.status_since = latest.date if latest else None
        self.status_since_precision = latest.date_precision if latest else DatePrecision.DAY
        if save:
            # A changed status is a change to the record: `updated_since`
            # consumers and caches must see it.
            self.updated_at = timezone.now()
            type(self).objects.filter(pk=self.pk).update(
                status=self.status,
                status_since=self.status_since,
                status_since_precision=self.status_since_precision,
                updated_at=self.updated_at,
            )

    @property
    def status_since_display(self) -> str:
        return format_partial_date(self.status_since, self.status_since_precision)


def _cited():
    return Prefetch("citations", queryset=Citation.objects.select_related("source"))


def _api_citations() -> Prefetch:
    return prefetched("citations", Citation.objects.with_source())


def _events_for_api(event_model) -> Prefetch:
    return prefetched(
        "status_events",
        event_model.objects.select_related("party").prefetch_related(_api_citations()),
    )


class AgreementQuerySet(StatusTrackedQuerySet):
    def for_api(self):
        return self.prefetch_related(
            _api_citations(),
            prefetched("parties"),
            prefetched("signatories"),
            prefetched("topics"),
            prefetched("meetings"),
            _events_for_api(StatusEvent),
            prefetched("relations", AgreementRelation.objects.select_related("target")),
        )

    def for_list(self):
        return self.prefetch_related("parties", "topics")

    def for_detail(self):
        return self.prefetch_related(
            _cited(),
            "parties",
            "signatories",
            "topics",
            Prefetch("meetings", queryset=Meeting.objects.select_related("series")),
            Prefetch(
                "status_events",
                queryset=StatusEvent.objects.select_related("party").prefetch_related(_cited()),
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
        verbose_name=_("meetings"),
        help_text=_("Where it was signed, negotiated or reviewed."),
    )
    summary = models.TextField(_("summary"), blank=True)
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
            models.Index(fields=("-status_since", "title"), name="agreements_status_since_idx"),
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
    """A dated step in something's status, backed by citations."""

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
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Orders events that share a date.")
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.date is None:
            raise ValidationError({"date": _("A status step needs a date, even if only a year.")})


class OwnedByPublishableQuerySet(models.QuerySet):
    """Nested records (status steps) are as public as the record they belong to."""

    owner_field: str

    def visible_to(self, user):
        owner = self.model._meta.get_field(self.owner_field).related_model
        return self.filter(**{f"{self.owner_field}__in": owner.objects.visible_to(user)})


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
                queryset=CommitmentStatusEvent.objects.select_related("party").prefetch_related(
                    _cited()
                ),
            ),
        )

    def open(self):
        return self.exclude(status__in=(CommitmentStatus.FULFILLED, CommitmentStatus.DROPPED))


@partial_date("due_on", _("due"))
class Commitment(StatusTrackedModel):
    """Something promised, planned or announced, by whom, and by when."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
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
    citations = GenericRelation("evidence.Citation", related_query_name="commitment")

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ("due_on", "title")
        indexes = (
            models.Index(fields=("status", "due_on"), name="agreements_commit_status_idx"),
            models.Index(fields=("due_on", "title"), name="agreements_commit_due_idx"),
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
        indexes = (models.Index(fields=("commitment", "date"), name="agreements_cevent_date_idx"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(status__in=CommitmentStatus.values),
                name="agreements_commitmentevent_status_valid",
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

    def get_absolute_url(self):
        return reverse("agreements:figure-detail", args=(self.slug,))


# Every editable record keeps its history (django-simple-history); registered
# after the class bodies, once @partial_date has added its columns.
for _model, _m2m in (
    (Agreement, ("parties", "signatories", "topics", "meetings")),
    (AgreementRelation, ()),
    (StatusEvent, ()),
    (Commitment, ("parties", "people", "topics")),
    (CommitmentStatusEvent, ()),
    (Figure, ("topics",)),
):
    simple_history.register(_model, m2m_fields=[_model._meta.get_field(name) for name in _m2m])
