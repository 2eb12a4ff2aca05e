"""Who met whom, where and when: meetings and their series, the people and
organisations involved, the offices people held, and the topics discussed."""

import simple_history
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from seeds.dates import (
    PartialDatesMixin,
    end_after_start_constraint,
    partial_date,
    precision_constraint,
)
from seeds.models import (
    Citation,
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    citations_prefetch,
    publication_constraint,
)
from seeds.search import NAME, PROSE, TITLE, RelatedSearch, SearchField, SearchSpec

TOPIC_SEARCH = SearchSpec((SearchField("name", "A", TITLE), SearchField("description", "B", PROSE)))
ORGANISATION_SEARCH = SearchSpec(
    (
        SearchField("name", "A", NAME),
        SearchField("short_name", "A", NAME),
        SearchField("description", "B", PROSE),
    )
)
POST_SEARCH = SearchSpec((SearchField("title", "A", TITLE),))
PERSON_SEARCH = SearchSpec(
    (SearchField("name", "A", NAME), SearchField("description", "B", PROSE)),
    # The offices people held ("ambassador") find them too.
    related=(RelatedSearch("dialogue.Post", "person", POST_SEARCH),),
)
MEETING_SERIES_SEARCH = SearchSpec(
    (
        SearchField("name", "A", TITLE),
        SearchField("short_name", "A", NAME),
        SearchField("description", "B", PROSE),
    )
)
MEETING_SEARCH = SearchSpec(
    (
        SearchField("title", "A", TITLE),
        SearchField("place", "B", NAME),
        SearchField("summary", "B", PROSE),
    )
)

COUNTRY_HELP = _("ISO 3166 alpha-2 code: KZ, GB... Empty when not one country's.")


class TopicQuerySet(PublishableQuerySet):
    def for_api(self):
        return self


class Topic(PublishableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        indexes = (TOPIC_SEARCH.index("dialogue_topic_search"),)
        constraints = (publication_constraint("dialogue_topic"),)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dialogue:topic-detail", args=(self.slug,))


class OrganisationKind(models.TextChoices):
    STATE = "state", _("state")
    GOVERNMENT_BODY = "government_body", _("government body")
    MINISTRY = "ministry", _("ministry")
    AGENCY = "agency", _("agency")
    LEGISLATURE = "legislature", _("legislature")
    EMBASSY = "embassy", _("embassy")
    LOCAL_GOVERNMENT = "local_government", _("local government")
    UNIVERSITY = "university", _("university")
    ASSOCIATION = "association", _("association")
    COMPANY = "company", _("company")
    MEDIA = "media", _("media")
    THINK_TANK = "think_tank", _("think tank")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("international organisation")
    PROGRAMME = "programme", _("programme")
    OTHER = "other", _("other")


class OrganisationQuerySet(PublishableQuerySet):
    def for_api(self):
        return self.select_related("parent").prefetch_related(citations_prefetch())


class Organisation(PublishableModel):
    """A state, ministry, agency, university, company... anything that acts."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=COUNTRY_HELP)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    description = models.TextField(_("description"), blank=True)
    citations = GenericRelation("seeds.Citation", related_query_name="organisation")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        indexes = (
            models.Index(fields=("kind", "country"), name="dialogue_org_kind_country_idx"),
            ORGANISATION_SEARCH.index("dialogue_organisation_search"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganisationKind.values),
                name="dialogue_organisation_kind_valid",
            ),
            publication_constraint("dialogue_organisation"),
        )

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dialogue:organisation-detail", args=(self.slug,))


class PersonQuerySet(PublishableQuerySet):
    def for_api(self):
        return self.prefetch_related(
            citations_prefetch(),
            models.Prefetch("posts", queryset=Post.objects.select_related("organisation")),
            citations_prefetch("posts__"),
        )

    def for_list(self):
        return self.prefetch_related(
            models.Prefetch("posts", queryset=Post.objects.select_related("organisation"))
        )


class Person(PublishableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=COUNTRY_HELP)
    description = models.TextField(_("description"), blank=True)
    citations = GenericRelation("seeds.Citation", related_query_name="person")

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        verbose_name_plural = _("people")
        indexes = (PERSON_SEARCH.index("dialogue_person_search"),)
        constraints = (publication_constraint("dialogue_person"),)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dialogue:person-detail", args=(self.slug,))


@partial_date("start_on", _("from"))
@partial_date("end_on", _("until"))
class Post(PartialDatesMixin, TimeStampedModel):
    """An office a person held: "UK Ambassador to Kazakhstan — Kathy Leach"."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="posts", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        # Offices are history: removing an organisation must not erase who served it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    note = models.CharField(_("note"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    citations = GenericRelation("seeds.Citation", related_query_name="post")

    class Meta:
        ordering = ("person", "position", "pk")
        indexes = (POST_SEARCH.index("dialogue_post_search"),)
        constraints = (
            end_after_start_constraint("dialogue_post"),
            precision_constraint("dialogue_post", "start_on"),
            precision_constraint("dialogue_post", "end_on"),
        )

    def __str__(self):
        return f"{self.title} — {self.person.name}"

    def get_absolute_url(self):
        return f"{self.person.get_absolute_url()}#post-{self.pk}"


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
    """A recurring format: the annual Strategic Dialogue, the Intergovernmental Commission."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    frequency = models.CharField(_("frequency"), max_length=60, blank=True)
    citations = GenericRelation("seeds.Citation", related_query_name="meeting_series")

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
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="meetings", verbose_name=_("topics")
    )
    citations = GenericRelation("seeds.Citation", related_query_name="meeting")

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
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    citations = GenericRelation("seeds.Citation", related_query_name="participation")

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
    (Topic, ()),
    (Organisation, ()),
    (Person, ()),
    (Post, ()),
    (MeetingSeries, ()),
    (Meeting, ("topics",)),
    (Participation, ()),
):
    simple_history.register(_model, m2m_fields=[_model._meta.get_field(name) for name in _m2m])
