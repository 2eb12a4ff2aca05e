"""The people and organisations that act in the relationship, and the
offices people held (Popolo's persons, organizations and posts)."""

import simple_history
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.content_lang import TranslationReviewField
from core.dates import (
    PartialDatesMixin,
    end_after_start_constraint,
    partial_date,
    precision_constraint,
)
from core.models import (
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    publication_constraint,
)
from core.search import NAME, PROSE, TITLE, RelatedSearch, SearchField, SearchSpec, translated
from evidence.models import citations_prefetch

ORGANISATION_SEARCH = SearchSpec(
    translated(
        SearchField("name", "A", NAME),
        SearchField("short_name", "A", NAME),
        SearchField("description", "B", PROSE),
    ),
    acronym_fields=("name",),
)


POST_SEARCH = SearchSpec(translated(SearchField("title", "A", TITLE)))


PERSON_SEARCH = SearchSpec(
    translated(SearchField("name", "A", NAME), SearchField("description", "B", PROSE)),
    # The offices people held ("ambassador") find them too.
    related=(RelatedSearch("people.Post", "person", POST_SEARCH),),
)


COUNTRY_HELP = _("ISO 3166 alpha-2 code: KZ, GB... Empty when not one country's.")


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
    translation_review = TranslationReviewField()
    citations = GenericRelation("evidence.Citation", related_query_name="organisation")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        # The table it was created with, in the dialogue app.
        db_table = "dialogue_organisation"
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
        return reverse("people:organisation-detail", args=(self.slug,))

    @property
    def posts_without_holder(self):
        """Offices of this organisation the sources mention without naming
        who holds them ("the UK has appointed a new trade envoy")."""
        return self.posts.filter(person__isnull=True)


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
    translation_review = TranslationReviewField()
    citations = GenericRelation("evidence.Citation", related_query_name="person")

    objects = PersonQuerySet.as_manager()

    class Meta:
        db_table = "dialogue_person"
        ordering = ("name",)
        verbose_name_plural = _("people")
        indexes = (PERSON_SEARCH.index("dialogue_person_search"),)
        constraints = (publication_constraint("dialogue_person"),)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:person-detail", args=(self.slug,))


@partial_date("start_on", _("from"))
@partial_date("end_on", _("until"))
class Post(PartialDatesMixin, TimeStampedModel):
    """An office a person held: "UK Ambassador to Kazakhstan — Kathy Leach";
    or an office of an organisation whose holder the sources do not name
    (no person: then the organisation is required)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("person"),
        help_text=_("Empty when the sources do not name who holds the office."),
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
    translation_review = TranslationReviewField()
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    citations = GenericRelation("evidence.Citation", related_query_name="post")

    class Meta:
        db_table = "dialogue_post"
        ordering = ("person", "position", "pk")
        indexes = (POST_SEARCH.index("dialogue_post_search"),)
        constraints = (
            end_after_start_constraint("dialogue_post"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
                name="dialogue_post_person_or_organisation",
                violation_error_message=_(
                    "An office without a named holder must name its organisation."
                ),
            ),
            precision_constraint("dialogue_post", "start_on"),
            precision_constraint("dialogue_post", "end_on"),
        )

    # Shown if its person is, or, without one, if its organisation is.
    public_with_any = ("person", "organisation")

    def __str__(self):
        return f"{self.title} — {self.person.name}" if self.person_id else self.title

    def get_absolute_url(self):
        owner = self.person if self.person_id else self.organisation
        return f"{owner.get_absolute_url()}#post-{self.pk}"


# Every editable record keeps its history (django-simple-history), in the
# tables these models had when they lived in the dialogue app.
simple_history.register(Organisation, table_name="dialogue_historicalorganisation")
simple_history.register(Person, table_name="dialogue_historicalperson")
simple_history.register(Post, table_name="dialogue_historicalpost")
