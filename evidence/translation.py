"""The source fields written in each language (core/content_lang.py).

`title` is the source's own title, in the source's language (`language`);
`title_ru` and `title_kk` are translations for display only, shown beside it
and marked as such. Quotes are evidence and have no translations here."""

from modeltranslation.translator import TranslationOptions, register

from evidence.models import Source


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "publisher", "published_on_note", "note")


# The history keeps every language too: each historical model gets the same
# columns, so a change to a translation is recorded like any other.
register(Source.history.model)(SourceTranslation)
