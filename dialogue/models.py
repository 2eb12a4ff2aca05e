"""Who met whom, where and when: meetings, their series, and who took part."""

import datetime

import simple_history
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.content_lang import TranslationReviewField
from core.dates import (
    PartialDatesMixin,
    due_conditions,
    end_after_start_constraint,
    partial_date,
    period_ends_before,
    precision_constraint,
)
from core.models import (
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    publication_constraint,
)
from core.search import NAME, PROSE, TITLE, SearchField, SearchSpec, translated
from evidence.models import Citation, citations_prefetch
from people.models import COUNTRY_HELP, Organisation, Person
from topics.models import Topic

MEETING_SERIES_SEARCH = SearchSpec(
    translated(
        SearchField("name", "A", TITLE),
        SearchField("short_name", "A", NAME),
        SearchField("description", "B", PROSE),
    )
)
MEETING_SEARCH = SearchSpec(
    (
        *translated(SearchField("title", "A", TITLE)),
        *translated(SearchField("place", "B", NAME)),
        *translated(SearchField("summary", "B", PROSE)),
    )
)


class MeetingSeriesQuerySet(PublishableQuerySet):
    def for_api(self):
        return self.prefetch_related(
            citations_prefetch(),
            models.Prefetch(
                "meetings",
                queryset=Meeting.objects.only("pk", "slug", "title", "series", "publication"),
            ),
        )


@partial_date("established_on", _("established"))
class MeetingSeries(PartialDatesMixin, PublishableModel):
    """A recurring format: the Strategic Dialogue, the Intergovernmental Commission."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    frequency = models.CharField(_("frequency"), max_length=60, blank=True)
    translation_review = TranslationReviewField()
    citations = GenericRelation("evidence.Citation", related_query_name="meeting_series")

    objects = MeetingSeriesQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        verbose_name_plural = _("meeting series")
        indexes = (MEETING_SERIES_SEARCH.index("dialogue_meetingseries_search"),)
        constraints = (
            precision_constraint("dialogue_meetingseries", "established_on"),
            publication_constraint("dialogue_meetingseries"),
        )

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dialogue:series-detail", args=(self.slug,))


def _flag(condition: models.Q) -> models.Case:
    return models.Case(
        models.When(condition, then=models.Value(True)),
        default=models.Value(False),
        output_field=models.BooleanField(),
    )


class MeetingKind(models.TextChoices):
    DIALOGUE_ROUND = "dialogue_round", _("dialogue round")
    COMMISSION = "commission", _("commission session")
    OFFICIAL_VISIT = "official_visit", _("official visit")
    BILATERAL_MEETING = "bilateral_meeting", _("bilateral meeting")
    SUMMIT_SIDE_MEETING = "summit_side_meeting", _("meeting on the sidelines of a summit")
    RECEPTION = "reception", _("reception")
    EVENT = "event", _("event")
    OTHER = "other", _("other")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")


class MeetingQuerySet(PublishableQuerySet):
    def with_due(self, as_of: datetime.date | None = None):
        """`is_overdue` and `is_due_soon` as of a date (today when None), by
        the rule commitments follow (core.dates.due_conditions): a meeting
        still planned for a date, at its precision, now past has no record
        that it took place, so it reads as overdue. Database annotations, so
        lists filter and sort on them a page at a time."""
        day = as_of or timezone.localdate()
        overdue, due_soon = due_conditions(
            lambda end: period_ends_before("start_on", end), day, settings.STATUS_DUE_SOON_DAYS
        )
        planned = models.Q(status=MeetingStatus.PLANNED, start_on__isnull=False)
        return self.annotate(
            is_overdue=_flag(planned & overdue), is_due_soon=_flag(planned & due_soon)
        )

    def for_api(self):
        return self.select_related("series").prefetch_related(
            "topics",
            citations_prefetch(),
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person", "organisation"),
            ),
            citations_prefetch("participations__"),
            # By the reverse accessor: dialogue never imports the Agreement model.
            models.Prefetch("agreements"),
        )

    def for_list(self):
        return self.select_related("series").prefetch_related("topics")

    def for_detail(self):
        cited = models.Prefetch("citations", queryset=Citation.objects.select_related("source"))
        return self.select_related("series").prefetch_related(
            cited,
            "topics",
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related(
                    "person", "organisation"
                ).prefetch_related(cited),
            ),
        )


@partial_date("start_on", _("date"))
@partial_date("end_on", _("end date"))
class Meeting(PartialDatesMixin, PublishableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=MeetingKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.HELD
    )
    series = models.ForeignKey(
        MeetingSeries,
        # A series with recorded rounds is history; retire it rather than delete it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("series"),
    )
    number = models.PositiveSmallIntegerField(
        _("number in series"), null=True, blank=True, help_text=_("8 for the 8th round.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=COUNTRY_HELP)
    summary = models.TextField(_("summary"), blank=True)
    translation_review = TranslationReviewField()
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="meetings", verbose_name=_("topics")
    )
    citations = GenericRelation("evidence.Citation", related_query_name="meeting")

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ("-start_on", "slug")
        indexes = (
            models.Index(fields=("series", "number"), name="dialogue_meeting_series_idx"),
            models.Index(fields=("start_on",), name="dialogue_meeting_start_idx"),
            MEETING_SEARCH.index("dialogue_meeting_search"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=("series", "number"), name="dialogue_meeting_unique_number_in_series"
            ),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(series__isnull=False),
                name="dialogue_meeting_number_needs_series",
            ),
            end_after_start_constraint("dialogue_meeting"),
            models.CheckConstraint(
                condition=models.Q(kind__in=MeetingKind.values), name="dialogue_meeting_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MeetingStatus.values),
                name="dialogue_meeting_status_valid",
            ),
            precision_constraint("dialogue_meeting", "start_on"),
            precision_constraint("dialogue_meeting", "end_on"),
            publication_constraint("dialogue_meeting"),
        )

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialogue:meeting-detail", args=(self.slug,))


class ParticipationRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    CO_CHAIR = "co_chair", _("co-chair")
    HEAD_OF_DELEGATION = "head_of_delegation", _("head of delegation")
    DELEGATE = "delegate", _("delegate")
    HOST = "host", _("host")
    GUEST = "guest", _("guest")
    SPEAKER = "speaker", _("speaker")
    PARTICIPANT = "participant", _("participant")


class Participation(TimeStampedModel):
    """Someone's part in a meeting: a person, an organisation, or a person for one."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participations", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        Person,
        # Attendance is history; a person who attended cannot silently disappear.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        # As for people: the record of who took part is kept.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"),
        max_length=30,
        choices=ParticipationRole.choices,
        default=ParticipationRole.PARTICIPANT,
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    translation_review = TranslationReviewField()
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    citations = GenericRelation("evidence.Citation", related_query_name="participation")

    # Shown only with someone the public may see taking part (core.models.is_public).
    public_with_any = ("person", "organisation")

    class Meta:
        ordering = ("meeting", "position", "pk")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
                name="dialogue_participation_has_participant",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ParticipationRole.values),
                name="dialogue_participation_role_valid",
            ),
        )

    def __str__(self):
        who = self.person or self.organisation
        return f"{who} ({self.get_role_display()}) at {self.meeting}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#participant-{self.pk}"


# Every editable record keeps its history (django-simple-history); registered
# after the class bodies, once @partial_date has added its columns.
for _model, _m2m in (
    (MeetingSeries, ()),
    (Meeting, ("topics",)),
    (Participation, ()),
):
    simple_history.register(_model, m2m_fields=[_model._meta.get_field(name) for name in _m2m])
