from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("kzuk_site.api")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("agreements.urls")),
    path("", include("dialogue.urls")),
    path("", include("seeds.urls")),
]

# Django's 500 page, or a 503 when the error was the database being unavailable.
handler500 = "kzuk_site.db_unavailable.server_error_or_unavailable"
