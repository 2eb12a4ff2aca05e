from django.contrib import admin

from core.admin_base import TranslatedContentAdmin
from topics.models import Topic


@admin.register(Topic)
class TopicAdmin(TranslatedContentAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
