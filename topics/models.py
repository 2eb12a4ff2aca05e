"""The subjects the relationship covers: energy, critical minerals, education..."""

import simple_history
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.content_lang import TranslationReviewField
from core.models import (
    PublishableModel,
    PublishableQuerySet,
    publication_constraint,
)
from core.search import PROSE, TITLE, SearchField, SearchSpec, translated

TOPIC_SEARCH = SearchSpec(
    translated(SearchField("name", "A", TITLE), SearchField("description", "B", PROSE))
)


class TopicQuerySet(PublishableQuerySet):
    def for_api(self):
        return self


class Topic(PublishableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    translation_review = TranslationReviewField()

    objects = TopicQuerySet.as_manager()

    class Meta:
        # The table it was created with, in the dialogue app.
        db_table = "dialogue_topic"
        ordering = ("name",)
        indexes = (TOPIC_SEARCH.index("dialogue_topic_search"),)
        constraints = (publication_constraint("dialogue_topic"),)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topics:topic-detail", args=(self.slug,))


# Its history is kept in the table it had when it lived in the dialogue app.
simple_history.register(Topic, table_name="dialogue_historicaltopic")
