from django.contrib import admin

from dialogue.models import (
    Meeting,
    MeetingSeries,
    Organisation,
    Participation,
    Person,
    Post,
    Topic,
)
from seeds.admin import CitationInline
from seeds.admin_base import ContentAdmin


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ("name", "short_name", "kind", "country", "parent")
    list_filter = ("kind", "country")
    list_select_related = ("parent",)
    search_fields = ("name", "short_name", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CitationInline,)


class PostInline(admin.TabularInline):
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
class PersonAdmin(ContentAdmin):
    list_display = ("name", "country", "slug")
    list_filter = ("country",)
    search_fields = ("name", "slug", "posts__title")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (PostInline, CitationInline)


@admin.register(Post)
class PostAdmin(ContentAdmin):
    list_display = ("title", "person", "organisation", "start_on", "end_on")
    list_filter = ("organisation__kind",)
    list_select_related = ("person", "organisation")
    search_fields = ("title", "person__name", "organisation__name")
    autocomplete_fields = ("person", "organisation")
    inlines = (CitationInline,)


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(ContentAdmin):
    list_display = ("name", "short_name", "established", "frequency")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CitationInline,)

    @admin.display(description="established", ordering="established_on")
    def established(self, obj):
        return obj.display_date("established_on")


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ("person", "organisation", "role", "note", "position")
    autocomplete_fields = ("person", "organisation")
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ContentAdmin):
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
class ParticipationAdmin(ContentAdmin):
    list_display = ("meeting", "person", "organisation", "role")
    list_filter = ("role",)
    list_select_related = ("meeting", "person", "organisation")
    search_fields = ("meeting__title", "person__name", "organisation__name")
    autocomplete_fields = ("meeting", "person", "organisation")
    inlines = (CitationInline,)
