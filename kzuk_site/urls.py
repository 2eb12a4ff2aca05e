from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from kzuk_site.language import set_language
from kzuk_site.security_txt import security_txt
from portal.sitemaps import SITEMAPS
from portal.views import robots_txt


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin,
    the API docs): send them to the site's icon rather than a 404."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        # Resolved per request, not at import: the static storage may need its manifest.
        return static("favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    # RFC 9116: how to report a vulnerability (docs/SECURITY.md).
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("kzuk_site.api")),
    # Without a CSRF token (kzuk_site/language.py).
    path("i18n/setlang/", set_language, name="set_language"),
    # One of each for the whole site, in every language.
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

# Public pages: English at the root, /ru/ and /kk/ for Russian and Kazakh
# (docs/LANGUAGES.md); everything above stays unprefixed.
urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("", include("agreements.urls")),
    path("", include("dialogue.urls")),
    path("", include("people.urls")),
    path("", include("topics.urls")),
    path("", include("evidence.urls")),
    prefix_default_language=False,
)

# Django's 500 page, or a 503 when the error was the database being unavailable.
handler500 = "core.db_unavailable.server_error_or_unavailable"
# JSON under /api/ (a body too large, refused before or outside a view),
# Django's pages elsewhere.
handler400 = "core.api.errors.bad_request"
handler403 = "core.api.errors.permission_denied"
