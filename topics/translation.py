"""The topic fields written in each language (core/content_lang.py)."""

from modeltranslation.translator import TranslationOptions, register

from topics.models import Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


# The history keeps every language too: each historical model gets the same
# columns, so a change to a translation is recorded like any other.
register(Topic.history.model)(TopicTranslation)
