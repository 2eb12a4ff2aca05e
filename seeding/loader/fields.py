"""The kinds of value a seed record holds, each with one way to read it from
YAML, write it back, and apply it to a model instance.

Every field turns its YAML into a *canonical* value: plain JSON-able data that
`dump()` also produces from the database. Equal canonical values mean equal
records, which is how the loader tells unchanged from updated, and how it
notices a record that an editor changed since the last load.
"""

import datetime
import decimal
import re
from typing import Any

from django.core.validators import validate_slug

from core.content_lang import (
    SOURCE_LANGUAGE,
    ReviewState,
    translated_fields,
    translation_languages,
)
from core.dates import DatePrecision, parse_partial_date, serialize_partial_date
from seeding.loader.errors import SeedError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _require_text(value, key):
    if not isinstance(value, str):
        raise SeedError(f"expected text, got {type(value).__name__} {value!r}", field=key)
    return value


class SeedField:
    """One key of a record (a partial date uses three)."""

    # A field that is written through the saved row (many-to-many, citations,
    # nested records) rather than as one of its columns.
    needs_pk = False
    # A column referring to a record of the same file, written once every
    # record of the file exists (so records may refer to later ones).
    same_file = False

    def __init__(self, key: str, *, attr: str | None = None, required: bool = False):
        self.key = key
        self.attr = attr or key
        self.required = required

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key,)

    def default(self) -> dict[str, Any]:
        return {self.key: self.empty}

    empty: Any = ""

    def parse(self, raw: dict, ctx) -> dict[str, Any]:
        if self.key not in raw or raw[self.key] is None:
            if self.required:
                raise SeedError("is required", field=self.key)
            return self.default()
        return {self.key: self.read(raw[self.key], ctx)}

    def read(self, value, ctx):
        raise NotImplementedError

    def dump(self, obj) -> dict[str, Any]:
        return {self.key: getattr(obj, self.attr)}

    def apply(self, obj, values: dict[str, Any], ctx) -> None:
        setattr(obj, self.attr, values[self.key])

    def export(self, values: dict[str, Any], ctx) -> dict[str, Any]:
        """The YAML a person would write: keys at their default are left out."""
        defaults = self.default()
        return {
            key: values[key]
            for key in self.keys
            if key in values and not (key in defaults and values[key] == defaults[key])
        }


class Text(SeedField):
    def __init__(self, key, *, attr=None, required=False, default=""):
        super().__init__(key, attr=attr, required=required)
        self.empty = default

    def read(self, value, ctx):
        return _require_text(value, self.key).strip()


class Slug(Text):
    def read(self, value, ctx):
        value = super().read(value, ctx)
        if not SLUG.match(value):
            raise SeedError(
                f"{value!r} is not a slug: use lower-case letters, digits and single hyphens",
                field=self.key,
            )
        validate_slug(value)
        return value


class Bool(SeedField):
    empty = None

    def __init__(self, key, *, attr=None, nullable=False):
        super().__init__(key, attr=attr)
        self.nullable = nullable
        self.empty = None if nullable else False

    def read(self, value, ctx):
        if not isinstance(value, bool):
            raise SeedError(f"expected true or false, got {value!r}", field=self.key)
        return value


class Integer(SeedField):
    empty = None

    def read(self, value, ctx):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise SeedError(f"expected a whole number, got {value!r}", field=self.key)
        return value


class Decimal(SeedField):
    empty = None

    def read(self, value, ctx):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise SeedError(f"expected a number, got {value!r}", field=self.key)
        try:
            number = decimal.Decimal(str(value).strip())
        except decimal.InvalidOperation:
            raise SeedError(f"{value!r} is not a number", field=self.key) from None
        if not number.is_finite():
            raise SeedError(f"{value!r} is not a finite number", field=self.key)
        return _canonical_decimal(number)

    def dump(self, obj):
        value = getattr(obj, self.attr)
        return {self.key: None if value is None else _canonical_decimal(value)}

    def apply(self, obj, values, ctx):
        value = values[self.key]
        setattr(obj, self.attr, None if value is None else decimal.Decimal(value))


def _canonical_decimal(number: decimal.Decimal) -> str:
    # "2800000000.0000" and "2.8E+9" are the same figure: write it one way.
    text = format(number.normalize(), "f")
    return text


class Choice(SeedField):
    def __init__(self, key, choices, *, attr=None, required=False, default=""):
        super().__init__(key, attr=attr, required=required)
        self.choices = choices
        self.empty = default

    def read(self, value, ctx):
        value = _require_text(value, self.key).strip()
        if value not in self.choices.values:
            raise SeedError(
                f"{value!r} is not one of: {', '.join(self.choices.values)}", field=self.key
            )
        return value


class PartialDate(SeedField):
    """`signed_on: "2024-04"` plus `signed_on_inferred` and `signed_on_note`,
    and the note's translations (`signed_on_note_ru`) when the model has them
    (see with_translations)."""

    def __init__(self, key, *, required=False, translated_note=False):
        super().__init__(key, required=required)
        self.translated_note = translated_note

    @property
    def note_translations(self) -> tuple[str, ...]:
        if not self.translated_note:
            return ()
        return tuple(f"{self.key}_note_{language}" for language in translation_languages())

    @property
    def keys(self):
        return (self.key, f"{self.key}_inferred", f"{self.key}_note", *self.note_translations)

    def default(self):
        return {self.key: None, f"{self.key}_inferred": False, f"{self.key}_note": ""}

    def parse(self, raw, ctx):
        values = self.default()
        value = raw.get(self.key)
        if value is None:
            if self.required:
                raise SeedError("is required (YYYY, YYYY-MM or YYYY-MM-DD)", field=self.key)
        else:
            # YAML reads an unquoted 2024-04-15 as a date and 2024 as a number.
            if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
                value = value.isoformat()
            elif isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            if not isinstance(value, str):
                raise SeedError(
                    f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", field=self.key
                )
            try:
                date, precision = parse_partial_date(value)
            except ValueError as exc:
                raise SeedError(str(exc), field=self.key) from None
            values[self.key] = serialize_partial_date(date, precision)
        inferred = raw.get(f"{self.key}_inferred")
        if inferred is not None:
            if not isinstance(inferred, bool):
                raise SeedError(
                    f"expected true or false, got {inferred!r}", field=f"{self.key}_inferred"
                )
            values[f"{self.key}_inferred"] = inferred
        note = raw.get(f"{self.key}_note")
        if note is not None:
            values[f"{self.key}_note"] = _require_text(note, f"{self.key}_note").strip()
        for key in self.note_translations:
            if raw.get(key) is None:
                continue
            text = _require_text(raw[key], key).strip()
            if text and not values[f"{self.key}_note"]:
                raise SeedError(
                    f"is a translation of {self.key}_note, which is empty: write the English first",
                    field=key,
                )
            if text:
                values[key] = text
        if values[f"{self.key}_inferred"] and values[self.key] is None:
            raise SeedError("is marked inferred but has no date", field=f"{self.key}_inferred")
        return values

    def dump(self, obj):
        note = f"{self.key}_note"
        values = {
            self.key: serialize_partial_date(
                getattr(obj, self.key), getattr(obj, f"{self.key}_precision")
            ),
            f"{self.key}_inferred": getattr(obj, f"{self.key}_inferred"),
            note: getattr(obj, f"{note}_{SOURCE_LANGUAGE}" if self.translated_note else note) or "",
        }
        # A missing translation is left out, as Translated does.
        for key in self.note_translations:
            text = getattr(obj, key) or ""
            if text:
                values[key] = text
        return values

    def apply(self, obj, values, ctx):
        if values[self.key] is None:
            date, precision = None, DatePrecision.DAY
        else:
            date, precision = parse_partial_date(values[self.key])
        setattr(obj, self.key, date)
        setattr(obj, f"{self.key}_precision", precision)
        setattr(obj, f"{self.key}_inferred", values[f"{self.key}_inferred"])
        if not self.translated_note:
            setattr(obj, f"{self.key}_note", values[f"{self.key}_note"])
            return
        # Each language's column by its own name, as Translated does.
        setattr(obj, f"{self.key}_note_{SOURCE_LANGUAGE}", values[f"{self.key}_note"])
        for key in self.note_translations:
            setattr(obj, key, values.get(key) or None)


class Ref(SeedField):
    """A foreign key, written as the other record's slug.

    A reference to a record of the same kind (an organisation's parent) is
    written in phase 2, once every record of the file exists."""

    empty = None

    def __init__(self, key, model, *, attr=None, required=False, same_file=False):
        super().__init__(key, attr=attr, required=required)
        self.model = model
        self.same_file = same_file

    def read(self, value, ctx):
        slug = _require_text(value, self.key).strip()
        ctx.require_exists(self.model, slug, field=self.key)
        return slug

    def dump(self, obj):
        related = getattr(obj, self.attr)
        return {self.key: related.slug if related is not None else None}

    def apply(self, obj, values, ctx):
        slug = values[self.key]
        setattr(obj, self.attr, ctx.get(self.model, slug) if slug else None)


class Refs(SeedField):
    """A many-to-many relation, written as a list of slugs (order is not kept)."""

    needs_pk = True

    def __init__(self, key, model, *, attr=None):
        super().__init__(key, attr=attr)
        self.model = model

    def default(self):
        return {self.key: []}

    def read(self, value, ctx):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise SeedError(f"expected a list of slugs, got {value!r}", field=self.key)
        slugs = []
        for index, item in enumerate(value):
            slug = _require_text(item, f"{self.key}[{index}]").strip()
            ctx.require_exists(self.model, slug, field=f"{self.key}[{index}]")
            if slug in slugs:
                raise SeedError(f"{slug!r} is listed twice", field=f"{self.key}[{index}]")
            slugs.append(slug)
        return sorted(slugs)

    def dump(self, obj):
        # Sorted in Python so a prefetch cache serves it without a query.
        return {self.key: sorted(related.slug for related in getattr(obj, self.attr).all())}

    def apply(self, obj, values, ctx):
        getattr(obj, self.attr).set([ctx.get(self.model, slug) for slug in values[self.key]])


# What a handler prefetches so that dumping a record's citations costs no
# query per record.
CITED = ("citations__source",)


# A quote's translation, for readers only (issue 16): YAML key -> Citation field.
QUOTE_TRANSLATION = {
    "translation": "quote_translation",
    "translation_language": "quote_translation_language",
}


def _quote_translation(item: dict, where: str) -> dict[str, str]:
    """The optional `translation` of a quote and its `translation_language`;
    never checked against the source, as it is not evidence."""
    values = {}
    for key in QUOTE_TRANSLATION:
        if item.get(key) not in (None, ""):
            values[key] = _require_text(item[key], f"{where}.{key}").strip()
    if "translation" in values and "translation_language" not in values:
        raise SeedError(
            "say which language the translation is in (translation_language: ru)",
            field=f"{where}.translation_language",
        )
    return values


class Citations(SeedField):
    """The quotes behind a record: `[{source, quote, field}]`, verified
    against the source's text as they are read."""

    needs_pk = True

    def __init__(self, key="citations", *, required=False):
        super().__init__(key, attr="citations", required=required)

    def default(self):
        return {self.key: []}

    def parse(self, raw, ctx):
        values = super().parse(raw, ctx)
        if self.required and not values[self.key]:
            raise SeedError("needs at least one quote from a source", field=self.key)
        return values

    def read(self, value, ctx):
        if not isinstance(value, list):
            raise SeedError("expected a list of {source, quote}", field=self.key)
        citations = []
        for index, item in enumerate(value):
            where = f"{self.key}[{index}]"
            if not isinstance(item, dict):
                raise SeedError("expected a mapping with source and quote", field=where)
            unknown = set(item) - {"source", "quote", "field", *QUOTE_TRANSLATION}
            if unknown:
                raise SeedError(
                    f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                    "a citation has source, quote, field, translation and translation_language",
                    field=where,
                )
            for required_key in ("source", "quote"):
                if item.get(required_key) in (None, ""):
                    raise SeedError("is required", field=f"{where}.{required_key}")
            source = _require_text(item["source"], f"{where}.source").strip()
            quote = _require_text(item["quote"], f"{where}.quote")
            field_name = _require_text(item.get("field") or "", f"{where}.field").strip()
            verbatim = ctx.verify_quote(source, quote, field=where)
            citation = {"source": source, "quote": verbatim, "field": field_name}
            citation.update(_quote_translation(item, where))
            citations.append(citation)
        return citations

    def dump(self, obj):
        return {
            self.key: [
                {
                    "source": citation.source.slug,
                    "quote": citation.quote,
                    "field": citation.field_name,
                    # Only when there is one: records loaded before quotes
                    # could have translations keep their digests.
                    **{
                        key: getattr(citation, attr)
                        for key, attr in QUOTE_TRANSLATION.items()
                        if getattr(citation, attr)
                    },
                }
                for citation in obj.citations.all()
            ]
        }

    def apply(self, obj, values, ctx):
        ctx.replace_citations(obj, values[self.key])

    def export(self, values, ctx):
        citations = [
            {key: value for key, value in citation.items() if value}
            for citation in values[self.key]
        ]
        return {self.key: citations} if citations else {}


class Children(SeedField):
    """Nested records owned by their parent (status events, posts,
    participants): replaced as a whole when any of them changes."""

    needs_pk = True

    def __init__(self, key, handler, *, attr=None):
        super().__init__(key, attr=attr)
        self.handler = handler

    def default(self):
        return {self.key: []}

    def read(self, value, ctx):
        if not isinstance(value, list):
            raise SeedError("expected a list of records", field=self.key)
        children = []
        for index, item in enumerate(value):
            where = f"{self.key}[{index}]"
            if not isinstance(item, dict):
                raise SeedError("expected a record (a mapping of field: value)", field=where)
            try:
                children.append(self.handler.parse(item, ctx))
            except SeedError as exc:
                raise exc.located(field_prefix=where) from None
        return children

    def dump(self, obj):
        return {self.key: [self.handler.dump(child) for child in getattr(obj, self.attr).all()]}

    def apply(self, obj, values, ctx):
        ctx.replace_children(obj, self, values[self.key])

    def export(self, values, ctx):
        children = [self.handler.export(child, ctx) for child in values[self.key]]
        return {self.key: children} if children else {}


class Translated(Text):
    """A text in English (`title`) with its translations (`title_ru`,
    `title_kk`): modeltranslation's columns (core/content_lang.py).

    A missing translation is left out of the canonical form rather than
    written as "", so that records loaded before the content had languages
    still match what they were loaded from."""

    @property
    def keys(self):
        return (self.key, *(f"{self.key}_{language}" for language in translation_languages()))

    def parse(self, raw, ctx):
        values = super().parse(raw, ctx)
        for language in translation_languages():
            key = f"{self.key}_{language}"
            if raw.get(key) is None:
                continue
            text = _require_text(raw[key], key).strip()
            if text and not values[self.key]:
                raise SeedError(
                    f"is a translation of {self.key!r}, which is empty: write the English first",
                    field=key,
                )
            if text:
                values[key] = text
        return values

    def dump(self, obj):
        values = {self.key: getattr(obj, f"{self.key}_{SOURCE_LANGUAGE}") or ""}
        for language in translation_languages():
            text = getattr(obj, f"{self.key}_{language}") or ""
            if text:
                values[f"{self.key}_{language}"] = text
        return values

    def apply(self, obj, values, ctx):
        # Each language's column by its own name: the plain attribute would
        # write whichever language is active.
        setattr(obj, f"{self.key}_{SOURCE_LANGUAGE}", values[self.key])
        for language in translation_languages():
            setattr(obj, f"{self.key}_{language}", values.get(f"{self.key}_{language}") or None)


class TranslationReview(SeedField):
    """`translation_review: {title_ru: reviewed, title_kk: machine}`: how far
    each translation of the record has been checked (core/content_lang.py).
    Every key names a translation the record has."""

    def __init__(self, translated: tuple[str, ...]):
        super().__init__("translation_review")
        self.translated = translated

    def default(self):
        return {}

    def parse(self, raw, ctx):
        value = raw.get(self.key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise SeedError(
                "expected a mapping of translation to review state, "
                "e.g. {title_ru: reviewed, title_kk: machine}",
                field=self.key,
            )
        states = {}
        for key, state in value.items():
            where = f"{self.key}.{key}"
            field, _sep, language = str(key).rpartition("_")
            if field not in self.translated or language not in translation_languages():
                raise SeedError(
                    "names no translation of this record; translations are "
                    f"<field>_<language> with the fields {', '.join(self.translated)} "
                    f"and the languages {', '.join(translation_languages())}",
                    field=where,
                )
            if raw.get(key) in (None, ""):
                raise SeedError(f"reviews {key!r}, which the record does not have", field=where)
            if state not in ReviewState.values:
                raise SeedError(
                    f"{state!r} is not one of: {', '.join(ReviewState.values)}", field=where
                )
            states[str(key)] = state
        return {self.key: dict(sorted(states.items()))} if states else {}

    def dump(self, obj):
        states = obj.translation_review or {}
        return {self.key: dict(sorted(states.items()))} if states else {}

    def apply(self, obj, values, ctx):
        obj.translation_review = dict(values.get(self.key) or {})

    def export(self, values, ctx):
        return {self.key: values[self.key]} if values.get(self.key) else {}


def with_translations(fields: tuple[SeedField, ...], model) -> tuple[SeedField, ...]:
    """The handler's fields, with the texts that have a column per language
    read as `Translated` and the record's `translation_review` added."""
    translated = translated_fields(model) if model is not None else ()
    if not translated:
        return fields
    return (
        *(_with_translation(field, translated) for field in fields),
        TranslationReview(translated),
    )


def _with_translation(field: SeedField, translated: tuple[str, ...]) -> SeedField:
    if type(field) is Text and field.key in translated:
        return Translated(field.key, attr=field.attr, required=field.required, default=field.empty)
    if type(field) is PartialDate and f"{field.key}_note" in translated:
        return PartialDate(field.key, required=field.required, translated_note=True)
    return field


def translation_key_problem(key: str, allowed: list[str]) -> str | None:
    """Why `key` (unknown to the record) is not a translation it can have:
    `title_de` (a language the site does not have) or `frequency_ru` (a field
    with no translations). None when the key does not look like one."""
    field, _sep, language = key.rpartition("_")
    if not field or field not in allowed or not re.fullmatch(r"[a-z]{2,3}", language):
        return None
    languages = translation_languages()
    if f"{field}_{languages[0]}" in allowed:
        if language == SOURCE_LANGUAGE:
            return f"the English text is {field!r} itself, not {key!r}"
        return (
            f"{language!r} is not a language of the content; "
            f"translations are {', '.join(f'{field}_{code}' for code in languages)}"
        )
    translated = sorted(
        {name.rpartition("_")[0] for name in allowed if name.endswith(f"_{languages[0]}")}
        & set(allowed)
    )
    return (
        f"{field!r} has no translations; the translated fields of this record are: "
        f"{', '.join(translated) or 'none'}"
    )
