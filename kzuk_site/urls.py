from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language

from kzuk_site.security_txt import security_txt


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
    # Without a CSRF token, every public page is the same for every reader and
    # can be cached whole (pagecache). All a forged request could do is switch
    # a reader's language; `next` is still checked against ALLOWED_HOSTS.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("portal.urls")),
    path("", include("agreements.urls")),
    path("", include("dialogue.urls")),
    path("", include("people.urls")),
    path("", include("topics.urls")),
    path("", include("evidence.urls")),
]

# Django's 500 page, or a 503 when the error was the database being unavailable.
handler500 = "core.db_unavailable.server_error_or_unavailable"
# JSON under /api/ (a body too large, refused before or outside a view),
# Django's pages elsewhere.
handler400 = "core.api.errors.bad_request"
handler403 = "core.api.errors.permission_denied"
