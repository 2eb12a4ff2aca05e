from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from core.admin_base import TranslatedContentAdmin
from dialogue.models import Meeting, MeetingSeries, Participation
from evidence.admin import CitationInline


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(TranslatedContentAdmin):
    list_display = ("name", "short_name", "established", "frequency")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CitationInline,)

    @admin.display(description="established", ordering="established_on")
    def established(self, obj):
        return obj.display_date("established_on")


class ParticipationInline(TranslationTabularInline):
    model = Participation
    fields = ("person", "organisation", "role", "note", "translation_review", "position")
    autocomplete_fields = ("person", "organisation")
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(TranslatedContentAdmin):
    list_display = ("title", "series", "number", "date", "place", "kind", "status")
    list_filter = ("kind", "status", "series", "topics")
    list_select_related = ("series",)
    search_fields = ("title", "slug", "place", "summary")
    autocomplete_fields = ("series", "topics")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "start_on"
    inlines = (ParticipationInline, CitationInline)

    @admin.display(description="date", ordering="start_on")
    def date(self, obj):
        return obj.display_date("start_on")


@admin.register(Participation)
class ParticipationAdmin(TranslatedContentAdmin):
    list_display = ("meeting", "person", "organisation", "role")
    list_filter = ("role",)
    list_select_related = ("meeting", "person", "organisation")
    search_fields = ("meeting__title", "person__name", "organisation__name")
    autocomplete_fields = ("meeting", "person", "organisation")
    inlines = (CitationInline,)
