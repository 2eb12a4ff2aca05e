from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from core.admin_base import TranslatedContentAdmin
from evidence.admin import CitationInline
from people.models import Organisation, Person, Post


@admin.register(Organisation)
class OrganisationAdmin(TranslatedContentAdmin):
    list_display = ("name", "short_name", "kind", "country", "parent")
    list_filter = ("kind", "country")
    list_select_related = ("parent",)
    search_fields = ("name", "short_name", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CitationInline,)


class PostInline(TranslationTabularInline):
    model = Post
    fields = (
        "title",
        "organisation",
        "start_on",
        "start_on_precision",
        "end_on",
        "end_on_precision",
        "note",
    )
    autocomplete_fields = ("organisation",)
    extra = 0


@admin.register(Person)
class PersonAdmin(TranslatedContentAdmin):
    list_display = ("name", "country", "slug")
    list_filter = ("country",)
    search_fields = ("name", "slug", "posts__title")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (PostInline, CitationInline)


@admin.register(Post)
class PostAdmin(TranslatedContentAdmin):
    list_display = ("title", "person", "organisation", "start_on", "end_on")
    list_filter = ("organisation__kind",)
    list_select_related = ("person", "organisation")
    search_fields = ("title", "person__name", "organisation__name")
    autocomplete_fields = ("person", "organisation")
    inlines = (CitationInline,)
