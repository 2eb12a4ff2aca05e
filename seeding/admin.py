from django.contrib import admin

from seeding.models import SeedRecord


@admin.register(SeedRecord)
class SeedRecordAdmin(admin.ModelAdmin):
    """Read-only: the loader's own bookkeeping, shown for the curious."""

    list_display = ("key", "seed_file", "content_type", "object_id", "loaded_at")
    list_filter = ("seed_file",)
    list_select_related = ("content_type",)
    search_fields = ("key",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
