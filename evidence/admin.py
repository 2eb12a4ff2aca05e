from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models

from core.admin_base import ContentAdmin, TranslatedContentAdmin
from evidence.models import Citation, Source


class CitationInline(GenericTabularInline):
    """The quotes behind a record, edited where the record is."""

    model = Citation
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ("source", "quote", "field_name", "position", "start", "end")
    readonly_fields = ("start", "end")
    autocomplete_fields = ("source",)
    extra = 0


@admin.register(Source)
class SourceAdmin(TranslatedContentAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("title", "publisher", "published", "kind", "language", "seed_file")
    list_filter = ("kind", "language", "published_on_precision", "published_on_inferred")
    search_fields = ("slug", "title", "publisher", "text")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("sha256", "created_at", "updated_at")
    date_hierarchy = "published_on"

    @admin.display(description="published", ordering="published_on")
    def published(self, obj):
        return obj.display_date("published_on")


@admin.register(Citation)
class CitationAdmin(ContentAdmin):
    list_display = ("__str__", "source", "content_type", "object_id", "field_name", "start", "end")
    list_filter = ("content_type", "source")
    list_select_related = ("source", "content_type")
    search_fields = ("quote", "source__title", "source__slug")
    autocomplete_fields = ("source",)
    readonly_fields = ("start", "end", "created_at", "updated_at")
