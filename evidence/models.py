"""The evidence every fact rests on: source documents and the verbatim quotes
cited from them."""

import functools
import hashlib
import operator

import simple_history
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.content_lang import SOURCE_LANGUAGE, TranslationReviewField, source_title
from core.dates import PartialDatesMixin, partial_date, precision_constraint
from core.models import (
    PREFETCHED,
    PublicationState,
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    may_see_drafts,
    publication_constraint,
)
from core.search import NAME, PROSE, TITLE, SearchField, SearchSpec, translated
from evidence.quotes import require_quote, validate_language_code


class SourceKind(models.TextChoices):
    NEWS = "news", _("news article")
    PRESS_RELEASE = "press_release", _("press release")
    OFFICIAL = "official", _("official document")
    OTHER = "other", _("other")


def _public_citation_count() -> models.Count:
    """How many quotes the public sees from a source: a quote supporting a
    draft is not counted, or the count would tell that the draft exists."""
    public = Citation.objects.visible_to(None).values("pk")
    return models.Count("citations", filter=models.Q(citations__in=public))


class SourceQuerySet(PublishableQuerySet):
    def for_list(self):
        return (
            self.defer("text")
            .annotate(citation_count=_public_citation_count())
            .order_by("-published_on", "slug")
        )

    def for_api(self):
        return self.annotate(citation_count=_public_citation_count())


SOURCE_SEARCH = SearchSpec(
    (
        *translated(SearchField("title", "A", TITLE)),
        *translated(SearchField("publisher", "B", NAME)),
        SearchField("text", "C", PROSE, ranked=False),
    )
)
CITATION_SEARCH = SearchSpec((SearchField("quote", "A", PROSE),))


@partial_date("published_on", _("published on"))
class Source(PartialDatesMixin, PublishableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("Only as the document itself names it."),
    )
    url = models.URLField(_("URL"), max_length=500, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.NEWS
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        default="en",
        validators=(validate_language_code,),
        help_text=_("The language the text is written in: en, ru, kk, or any other code."),
    )
    text = models.TextField(_("full text"), help_text=_("The document verbatim."))
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, editable=False)
    seed_file = models.CharField(
        _("seed file"),
        max_length=200,
        blank=True,
        help_text=_("The file in seeding/sources/ the text was loaded from, if any."),
    )
    note = models.TextField(_("note"), blank=True)
    translation_review = TranslationReviewField()

    objects = SourceQuerySet.as_manager()

    class Meta:
        # The app's tables keep the names they were created with (app "seeds").
        db_table = "seeds_source"
        ordering = ("-published_on", "slug")
        indexes = (SOURCE_SEARCH.index("seeds_source_search"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(kind__in=SourceKind.values),
                name="seeds_source_kind_valid",
            ),
            precision_constraint("seeds_source", "published_on"),
            publication_constraint("seeds_source"),
        )

    def __str__(self):
        # As written, whatever language is active: the title is evidence too.
        return source_title(self, SOURCE_LANGUAGE).original

    def save(self, *args, **kwargs):
        # The digest must always describe the stored text, whoever saves it.
        self.sha256 = text_digest(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("evidence:source-detail", args=(self.slug,))


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CitationQuerySet(models.QuerySet):
    def with_source(self):
        """For showing citations beside what they support: the source's slug,
        not its full text."""
        return self.select_related("source").defer("source__text")

    def for_api(self):
        return self.with_source().select_related("content_type").prefetch_related("cited_object")

    def visible_to(self, user):
        """The public sees the quotes of published sources supporting
        published records; editors see them all."""
        if may_see_drafts(user, self.model):
            return self
        visible = self.filter(source__publication=PublicationState.PUBLISHED)
        for model in cited_types().values():
            if not hasattr(model._default_manager.all(), "visible_to"):
                continue
            # By the content type's natural key, not its id: no query while
            # the queryset is built (a viewset's class attribute, at import).
            of_model = models.Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
            )
            visible = visible.exclude(
                of_model
                & ~models.Q(object_id__in=model._default_manager.visible_to(None).values("pk"))
            )
        return visible


class Citation(TimeStampedModel):
    """A verbatim quote from a Source that supports one fact about one record."""

    source = models.ForeignKey(
        Source,
        # A source that evidence rests on cannot vanish from under it.
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("source"),
    )
    quote = models.TextField(
        _("quote"),
        help_text=_(
            "Paste the words from the source. White space and typographic quotation "
            "marks may differ; every other character must match."
        ),
    )
    start = models.PositiveIntegerField(_("start offset"), editable=False)
    end = models.PositiveIntegerField(_("end offset"), editable=False)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("cited type")
    )
    object_id = models.PositiveBigIntegerField(_("cited record"))
    cited_object = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(
        _("supports field"),
        max_length=60,
        blank=True,
        help_text=_("The field of the record this quote supports, if one in particular."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # A reader's aid, never evidence: not checked against the source, and
    # shown marked as a translation beside the quote.
    quote_translation = models.TextField(
        _("translation of the quote"),
        blank=True,
        help_text=_(
            "Optional: the quote in another language, for readers. Shown marked as a "
            "translation; it is not evidence and is not checked against the source."
        ),
    )
    quote_translation_language = models.CharField(
        _("language of the translation"),
        max_length=10,
        blank=True,
        validators=(validate_language_code,),
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        db_table = "seeds_citation"
        ordering = ("position", "pk")
        indexes = (
            models.Index(fields=("content_type", "object_id"), name="seeds_citation_cited_idx"),
            CITATION_SEARCH.index("seeds_citation_search"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="seeds_citation_end_after_start",
            ),
        )

    def __str__(self):
        shown = self.quote if len(self.quote) <= 60 else self.quote[:57] + "..."
        return f"“{shown}” ({self.source.slug})"

    def get_absolute_url(self):
        return f"{self.source.get_absolute_url()}#q-{self.pk}"

    def clean(self):
        super().clean()
        if self.source_id is not None:
            self.locate_in_source()

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        if self.quote_translation.strip() and not self.quote_translation_language:
            raise ValidationError(
                {"quote_translation_language": _("Say which language the translation is in.")}
            )

    def locate_in_source(self) -> None:
        """Verify the quote and store its offsets and the source's own wording."""
        location = require_quote(self.source.text, self.quote)
        self.start, self.end, self.quote = location.start, location.end, location.text

    def is_verified(self) -> bool:
        """Does the stored quote still stand at its offsets in the source?"""
        return self.source.text[self.start : self.end] == self.quote


def citations_prefetch(prefix: str = "") -> models.Prefetch:
    """Prefetch `<prefix>citations` with each citation's source in the same query."""
    return models.Prefetch(f"{prefix}citations", queryset=Citation.objects.with_source())


def fetch_citations(records) -> None:
    """The citations of `records`, which may be of several kinds (an
    agreement and its steps), in one query where a prefetch makes one per
    kind: each record's, in their own order and with their sources (not the
    sources' text), become its `prefetched_citations` list, as
    core.models.prefetched() leaves them (the `citations` tag reads it)."""
    attribute = PREFETCHED.format("citations")
    owners = {}
    for record in records:
        setattr(record, attribute, [])
        owners[ContentType.objects.get_for_model(record).pk, record.pk] = record
    if not owners:
        return
    by_type: dict[int, list] = {}
    for type_id, pk in owners:
        by_type.setdefault(type_id, []).append(pk)
    cited = functools.reduce(
        operator.or_,
        (models.Q(content_type_id=type_id, object_id__in=pks) for type_id, pks in by_type.items()),
    )
    for citation in Citation.objects.with_source().filter(cited):
        getattr(owners[citation.content_type_id, citation.object_id], attribute).append(citation)


@functools.cache
def cited_types() -> dict[str, type[models.Model]]:
    """Every kind of record a citation may support, by the name the API and
    filters use for it ("agreement", "status_event"...): each model with a
    `citations` GenericRelation, named by that relation's query name. Found
    through the app registry, so this layer never imports the ones above it."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.private_fields:
            if isinstance(field, GenericRelation) and field.related_model is Citation:
                found[field.related_query_name()] = model
    return dict(sorted(found.items()))


# Every change to the evidence is kept: who, when, what (django-simple-history).
# Registered after the class bodies, once @partial_date has added its columns.
simple_history.register(Source, excluded_fields=("sha256",), table_name="seeds_historicalsource")
simple_history.register(Citation, table_name="seeds_historicalcitation")
