from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin,
    the API docs): send them to the site's icon rather than a 404."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        # Resolved per request, not at import: the static storage may need its manifest.
        return static("favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    path("admin/", admin.site.urls),
    path("api/v1/", include("kzuk_site.api")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("agreements.urls")),
    path("", include("dialogue.urls")),
    path("", include("seeds.urls")),
]
