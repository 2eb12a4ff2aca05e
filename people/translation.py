"""The fields of organisations, people and offices written in each language
(core/content_lang.py). A person's name in Russian or Kazakh is its usual
transliteration."""

from modeltranslation.translator import TranslationOptions, register

from people.models import Organisation, Person, Post


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "note", "start_on_note", "end_on_note")


# The history keeps every language too: each historical model gets the same
# columns, so a change to a translation is recorded like any other.
register(Organisation.history.model)(OrganisationTranslation)
register(Person.history.model)(PersonTranslation)
register(Post.history.model)(PostTranslation)
