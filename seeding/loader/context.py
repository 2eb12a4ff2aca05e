"""What seed handlers ask of the loader while they read and write records."""

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from evidence.models import Citation, Source
from evidence.quotes import locate_quote
from seeding.loader.errors import SeedError

if TYPE_CHECKING:
    from seeding.loader.fields import Children

ModelClass = type[models.Model]


class LoadContext:
    """What the handlers ask of the loader while reading and writing: does a
    slug exist, which object is it, what does a source say."""

    def __init__(self, seeds_dir: Path):
        self.seeds_dir = seeds_dir
        self.sources_dir = seeds_dir / "sources"
        # Per model: the slugs in the database, those the file being loaded
        # will create, and the rows written or read so far.
        self._slugs: dict[ModelClass, set[str]] = {}
        self._pending: dict[ModelClass, set[str]] = defaultdict(set)
        self._objects: dict[ModelClass, dict[str, models.Model]] = defaultdict(dict)
        self._sources: dict[str, Source] = {}

    # Reading -------------------------------------------------------------
    def expect(self, model: ModelClass, slugs: Iterable[str]) -> None:
        """Slugs the file being loaded will create, for references within it."""
        self._pending[model] = set(slugs)

    def require_exists(self, model: ModelClass, slug: str, *, field: str) -> None:
        if model not in self._slugs:
            self._slugs[model] = set(model._default_manager.values_list("slug", flat=True))
        if slug not in self._slugs[model] and slug not in self._pending[model]:
            raise SeedError(
                f"refers to {model._meta.verbose_name} {slug!r}, which does not exist "
                "(neither in the database nor in the seed files loaded before this one)",
                field=field,
            )

    def source(self, slug: str) -> Source | None:
        if slug not in self._sources:
            found = Source.objects.filter(slug=slug).first()
            if found is None:
                return None
            self._sources[slug] = found
        return self._sources[slug]

    def verify_quote(self, source_slug: str, quote: str, *, field: str) -> str:
        """The quote as it stands in the source (the quote rule, seeds.quotes)."""
        source = self.source(source_slug)
        if source is None:
            raise SeedError(f"unknown source {source_slug!r}", field=f"{field}.source")
        location = locate_quote(source.text, quote)
        if location is None:
            shown = quote if len(quote) <= 80 else quote[:77] + "..."
            raise SeedError(
                f"the quote {shown!r} is not in the text of source {source_slug!r}",
                field=f"{field}.quote",
            )
        return location.text

    # Writing -------------------------------------------------------------
    def get(self, model: ModelClass, slug: str) -> models.Model:
        cache = self._objects[model]
        if slug not in cache:
            cache[slug] = model._default_manager.get(slug=slug)
        return cache[slug]

    def remember(self, model: ModelClass, slug: str, obj: models.Model) -> None:
        self._objects[model][slug] = obj
        self._slugs.setdefault(model, set()).add(slug)
        if model is Source:
            self._sources[slug] = obj

    def replace_citations(self, obj: models.Model, citations: list[dict[str, Any]]) -> None:
        obj.citations.all().delete()
        content_type = ContentType.objects.get_for_model(obj)
        for position, item in enumerate(citations):
            citation = Citation(
                source=self.source(item["source"]),
                quote=item["quote"],
                field_name=item["field"],
                quote_translation=item.get("translation", ""),
                quote_translation_language=item.get("translation_language", ""),
                content_type=content_type,
                object_id=obj.pk,
                position=position,
            )
            try:
                citation.full_clean()
            except ValidationError as exc:
                raise SeedError(" ".join(exc.messages), field=f"citations[{position}]") from None
            citation.save()

    def replace_children(
        self, parent: models.Model, children_field: "Children", children: list[dict[str, Any]]
    ) -> None:
        handler = children_field.handler
        getattr(parent, children_field.attr).all().delete()
        for position, values in enumerate(children):
            child = handler.model(**{handler.parent_attr: parent})
            if handler.position_attr:
                setattr(child, handler.position_attr, position)
            where = f"{children_field.key}[{position}]"
            try:
                handler.apply_columns(child, values, self, same_file=True)
                handler.full_clean(child)
                child.save()
                handler.apply_relations(child, values, self)
            except SeedError as exc:
                raise exc.located(field_prefix=where) from None
