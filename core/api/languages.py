"""The API's content language (issue 16, docs/API.md "Languages").

A client asks with `?lang=ru` or `Accept-Language: ru`; `?lang=` wins, and an
unknown one is a 400 naming the parameter. Every translated field is then
given in that language, or in English when it has no translation yet, and
each record says which: `"languages": {"title": {"lang": "ru", "fallback":
false, "review": "reviewed"}}`. Nothing here queries: the language columns
come with the rows already fetched."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import (
    get_supported_language_variant,
    parse_accept_lang_header,
)
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from core.content_lang import SOURCE_LANGUAGE, content_languages, pick, translated_fields

LANG_PARAMETER = "lang"


def requested_language(request) -> str:
    """The content language `request` asks for (cached on it); ValidationError
    for a `?lang=` the site does not have."""
    cached = getattr(request, "_content_language", None)
    if cached:
        return cached
    params = getattr(request, "query_params", request.GET)
    raw = params.get(LANG_PARAMETER)
    if raw is not None:
        language = raw.strip().lower()
        if language not in content_languages():
            raise ValidationError(
                {
                    LANG_PARAMETER: [
                        _("%(value)r is not a language of the content; use one of: %(codes)s.")
                        % {"value": raw, "codes": ", ".join(content_languages())}
                    ]
                }
            )
    else:
        language = _from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    request._content_language = language
    return language


def _from_accept_language(header: str) -> str:
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code).split("-")[0]
        except LookupError:
            continue
    return SOURCE_LANGUAGE


def activate_requested_language(request) -> str:
    """Check and activate the language for the rest of the request (labels,
    messages and `Content-Language` follow it)."""
    language = requested_language(request)
    translation.activate(language)
    return language


LANGUAGES_FIELD = "languages"


class LanguagesField(serializers.DictField):
    """Declared, so that the schema describes it and `fields=` can leave it
    out; its value is written by InRequestedLanguage, which knows the rest
    of the row."""

    def __init__(self, **kwargs):
        super().__init__(
            read_only=True,
            source="*",
            child=serializers.DictField(),
            help_text=_(
                "For each translated field given: `lang` (the language of its text), "
                "`fallback` (English shown for want of a translation) and `review` "
                "(source, machine or reviewed)."
            ),
            **kwargs,
        )

    def to_representation(self, value):
        return {}


class InRequestedLanguage:
    """Serializer mixin: the translated fields in the asked language, and a
    `languages` object saying what each one is."""

    def get_fields(self):
        fields = super().get_fields()
        if translated_fields(self.Meta.model):
            fields[LANGUAGES_FIELD] = LanguagesField()
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        names = [name for name in translated_fields(type(instance)) if name in data]
        if not names:
            data.pop(LANGUAGES_FIELD, None)
            return data
        request = self.context.get("request")
        language = requested_language(request) if request is not None else SOURCE_LANGUAGE
        languages = {}
        for name in names:
            picked = pick(instance, name, language)
            data[name] = picked.text
            languages[name] = {
                "lang": picked.language,
                "fallback": picked.fallback,
                "review": picked.review,
            }
        if LANGUAGES_FIELD in data:
            data[LANGUAGES_FIELD] = languages
        return data


def english_columns(model, values: dict) -> dict:
    """A write's values with each translated field aimed at its English
    column: `title` from the API is the source text, whatever language the
    request reads in."""
    translated = set(translated_fields(model))
    return {
        (f"{key}_{SOURCE_LANGUAGE}" if key in translated else key): value
        for key, value in values.items()
    }
