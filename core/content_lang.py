"""The content in three languages (issue 16): which fields are translated,
how a value is picked for a reader, and how sure we are of a translation.

English is the source language. The translated columns are
django-modeltranslation's (`title_en`, `title_ru`, `title_kk`, registered in
each app's `translation.py`); this module is the one place that decides what a
reader sees when a translation is missing: the English text, said to be
English (`lang="en"`) and marked "not yet translated", never silently. The
templates (`{% tr %}`), the API serializers and the CSV all ask `pick()`.

Each record also says how far each of its translations can be trusted, in
`translation_review` (`{"title_ru": "reviewed", "summary_kk": "machine"}`):
`machine` is translated but not checked by an editor, `reviewed` is checked
or an official form. A translation with no entry counts as `machine`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

SOURCE_LANGUAGE = "en"


def content_languages() -> tuple[str, ...]:
    """Every language the content may be written in, English first."""
    return tuple(code for code, _name in settings.LANGUAGES)


# Open Graph names a page's locale as language_TERRITORY: English as written
# in the UK, Russian and Kazakh as in Kazakhstan's neighbour and Kazakhstan.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ"}


def translation_languages() -> tuple[str, ...]:
    """The languages a record is translated into (all but English)."""
    return tuple(code for code in content_languages() if code != SOURCE_LANGUAGE)


class ReviewState(models.TextChoices):
    MACHINE = "machine", _("machine translation")
    REVIEWED = "reviewed", _("reviewed translation")


def validate_translation_review(value) -> None:
    """`{"<field>_<lang>": "machine" | "reviewed"}`, nothing else."""
    if not isinstance(value, dict):
        raise ValidationError(_("Expected a mapping of field_language to a review state."))
    languages = translation_languages()
    for key, state in value.items():
        field, _sep, language = str(key).rpartition("_")
        if not field or language not in languages:
            raise ValidationError(
                _("%(key)s: name a field and a language, such as title_ru (languages: %(langs)s)."),
                params={"key": key, "langs": ", ".join(languages)},
            )
        if state not in ReviewState.values:
            raise ValidationError(
                _("%(key)s: %(state)s is not one of: %(states)s."),
                params={"key": key, "state": state, "states": ", ".join(ReviewState.values)},
            )


class TranslationReviewField(models.JSONField):
    """How far each translation of the record has been checked."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("translation review"))
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        kwargs.setdefault(
            "help_text",
            _(
                'For each translation, "machine" (not yet checked by an editor) or '
                '"reviewed", e.g. {"title_ru": "reviewed"}. A translation not listed '
                "counts as machine."
            ),
        )
        kwargs.setdefault("validators", [validate_translation_review])
        super().__init__(*args, **kwargs)


def translated_fields(model) -> tuple[str, ...]:
    """The fields of `model` that have a column per language, in the model's
    order. modeltranslation keeps them in a set's order, which differs from
    one process to the next (hash randomisation): the API's `languages`
    object, and so its ETag, differed between two workers serving the same
    record."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    return tuple(field.name for field in model._meta.fields if field.name in options.all_fields)


@dataclass(frozen=True)
class Picked:
    """The text a reader gets for one field, and what it is."""

    text: str
    language: str  # the language the text is in
    fallback: bool  # English shown because the asked language has no translation
    review: str  # "source" (English, the original), "machine" or "reviewed"


def active_content_language() -> str:
    language = (translation.get_language() or SOURCE_LANGUAGE).split("-")[0]
    return language if language in content_languages() else SOURCE_LANGUAGE


def pick(obj, field: str, language: str | None = None) -> Picked:
    """`field` of `obj` in `language` (the active one by default), else the
    English text marked as a fallback. Reads the loaded columns only: no query."""
    language = language or active_content_language()
    english = getattr(obj, f"{field}_{SOURCE_LANGUAGE}", None)
    if english is None:
        # No English column (a field without translations), or a row written
        # behind the model's back (a raw INSERT, bulk_create) that filled only
        # the original column, which modeltranslation keeps in __dict__.
        english = obj.__dict__.get(field) or getattr(obj, field, "") or ""
    if language == SOURCE_LANGUAGE:
        return Picked(english, SOURCE_LANGUAGE, False, "source")
    text = getattr(obj, f"{field}_{language}", None) or ""
    if text.strip():
        review = (getattr(obj, "translation_review", None) or {}).get(
            f"{field}_{language}", ReviewState.MACHINE
        )
        return Picked(text, language, False, review)
    if not english:
        # Nothing in any language: nothing to mark either.
        return Picked("", language, False, "source")
    return Picked(english, SOURCE_LANGUAGE, True, "source")


def keep_source_columns_in_english() -> None:
    """Save every translated model in the source language.

    modeltranslation keeps the original column (`title`) beside `title_en`
    and fills it with whatever language is active when a record is saved: an
    editor working in Russian would put Russian in it. The search indexes,
    the history and anything reading the column expect English, so a save
    always runs in English; the per-language columns are set explicitly and
    are not affected. Called once, from CoreConfig.ready()."""
    from modeltranslation.translator import translator

    for model in translator.get_registered_models(abstract=False):
        if getattr(model.save, "_saves_in_english", False):
            continue
        model.save = _saving_in_english(model.save)


def _saving_in_english(save):
    def save_in_english(self, *args, **kwargs):
        with translation.override(SOURCE_LANGUAGE):
            return save(self, *args, **kwargs)

    save_in_english._saves_in_english = True
    save_in_english.__wrapped__ = save
    return save_in_english


def fill_english_columns(app_label: str, fields: dict[str, tuple[str, ...]]):
    """A migration step that copies each original column into its new
    English column (`title` into `title_en`), for the rows written before the
    content had languages; English is what they hold."""

    def forwards(apps, schema_editor):
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            model._base_manager.update(
                **{f"{name}_{SOURCE_LANGUAGE}": models.F(name) for name in names}
            )

    return forwards


def query_the_source_columns() -> None:
    """Leave queries on `title` on the `title` column, whatever the language.

    modeltranslation rewrites `filter(title=...)`, `order_by("title")` and
    `values("title")` to the active language's column (`title_ru`), with no
    fallback: on a Russian page an English search word would find nothing and
    a record not yet translated would sort as empty. The original columns hold
    the English (see keep_source_columns_in_english), so queries keep meaning
    what they meant before the content had languages; a query that wants a
    language names its column (`title_ru__icontains`). The rewriting stays
    available per query with `.rewrite(True)`.
    tests/content_lang/test_content_fields.py checks this still holds after an
    upgrade of the library."""
    from modeltranslation.manager import MultilingualQuerySet

    def _post_init(self) -> None:
        self._rewrite = False
        self._populate = None

    MultilingualQuerySet._post_init = _post_init

    original_update = MultilingualQuerySet.update

    def update(self, **kwargs):
        # The original column and the English one are the same text: an
        # update() of either (an editor's script, a migration) sets both, as
        # a save does, so that readers and the loader see the change.
        for name in translated_fields(self.model):
            english = f"{name}_{SOURCE_LANGUAGE}"
            if name in kwargs:
                kwargs.setdefault(english, kwargs[name])
            elif english in kwargs:
                kwargs[name] = kwargs[english]
        return original_update(self, **kwargs)

    update.alters_data = True
    MultilingualQuerySet.update = update


@dataclass(frozen=True)
class SourceTitle:
    """A source's title as written, in the source's own language, and a
    translation into the reader's language when there is one. The title is
    what the source says; a translation only helps to read it."""

    original: str
    language: str  # the source's language (Source.language)
    translation: str  # "" when none is needed or none is written
    translation_language: str


def source_title(source, language: str | None = None) -> SourceTitle:
    """`source`'s title for a reader of `language` (the active one by
    default). The `title` column holds the source's own title whatever its
    language (`title_en` is that column, not an English version); `title_ru`
    and `title_kk` are translations, offered only to a reader of that
    language who would not read the original in their own."""
    language = language or active_content_language()
    original = getattr(source, f"title_{SOURCE_LANGUAGE}", None) or source.__dict__.get("title", "")
    written_in = (getattr(source, "language", "") or SOURCE_LANGUAGE).split("-")[0]
    translation = ""
    if language != SOURCE_LANGUAGE and language != written_in:
        translation = (getattr(source, f"title_{language}", None) or "").strip()
    return SourceTitle(original, written_in, translation, language)


def marked_text(obj, field: str, language: str | None = None) -> str:
    """`field` of `obj` for a place that holds plain text only and cannot
    say its language with `lang` (the `<title>`, meta and Open Graph tags,
    Atom feeds, chart labels, a select's options): the English fallback is
    prefixed with a visible marker, «[на английском]» or «[ағылшынша]», so it
    is never silently English. The one place every such text is made."""
    language = language or active_content_language()
    picked = pick(obj, field, language)
    if not picked.fallback:
        return picked.text
    return f"{_english_marker(language)} {picked.text}"


def _english_marker(language: str) -> str:
    """What says, in the reader's language, that the text after it is English."""
    with translation.override(language):
        return translation.gettext("[in English]")


LABEL_FIELDS = ("short_title", "name", "title")


def marked_label(obj, language: str | None = None) -> str:
    """A record's short name as plain text (marked_text): its short title,
    name or title, the first it has; `str(obj)` for a record with none
    translated."""
    translated = translated_fields(type(obj))
    for field in LABEL_FIELDS:
        if field in translated and (getattr(obj, f"{field}_{SOURCE_LANGUAGE}", None) or ""):
            return marked_text(obj, field, language)
    return str(obj)


def source_title_text(source, language: str | None = None) -> str:
    """A source's title as written, for plain text (the `<title>`, a chart's
    label): said to be English in words when it is and the reader's
    language is not (marked_text's marker); a title is evidence, so the
    original, not a translation."""
    language = language or active_content_language()
    title = source_title(source, language)
    if title.language != SOURCE_LANGUAGE or language == SOURCE_LANGUAGE:
        return title.original
    return f"{_english_marker(language)} {title.original}"
