"""Which language a request is answered in (docs/LANGUAGES.md, "Language in
the address").

Public pages carry their language in the address: English at the root,
Russian under /ru/, Kazakh under /kk/. The address alone decides, so a shared
link shows what its sender saw, a search engine can index each language, and
a cached page is never served in another language.

Addresses that are not pages (the API, the admin, security.txt, the language
switch) keep the negotiation they always had: the language the reader chose
(the switcher's cookie), else the browser's Accept-Language.

Before the language was in the address, /agreements/spca/ was Russian for a
reader who had chosen Russian. Such a reader (cookie), or one whose browser
asks for Russian or Kazakh, following an old or shared unprefixed link, is
sent (302) to the same page in that language; choosing English in the
switcher stops that. Feeds are not redirected: a subscription stays what it
was. /en/... is sent (301) to the English page at the root.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language

from core.l10n import localized_url, page_name, strip_language

# Pages whose unprefixed address is never redirected to the reader's language.
NOT_REDIRECTED = {"agreements:status-feed", "agreements:agreement-feed"}


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, with the rules above for unprefixed paths.
    In settings.MIDDLEWARE where LocaleMiddleware was: after sessions, before
    the page cache (which keys on request.LANGUAGE_CODE)."""

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", None)
        path = request.path_info
        prefixed = translation.get_language_from_path(path)
        redirect = None
        if prefixed and prefixed != settings.LANGUAGE_CODE:
            request.language_from = "path"
            language = prefixed
        elif (name := page_name(path, urlconf)) is not None:
            request.language_from = "root page"
            language = settings.LANGUAGE_CODE
            preferred = translation.get_language_from_request(request)
            if (
                preferred != settings.LANGUAGE_CODE
                and request.method in ("GET", "HEAD")
                and name not in NOT_REDIRECTED
            ):
                redirect = self._redirect(request, f"/{preferred}{path}", permanent=False)
        else:
            request.language_from = "reader"
            language = translation.get_language_from_request(request)
            if prefixed and page_name(strip_language(path), urlconf) is not None:
                # /en/agreements/: English lives at the root.
                redirect = self._redirect(request, strip_language(path), permanent=True)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return redirect

    @staticmethod
    def _redirect(request, path: str, permanent: bool):
        query = request.META.get("QUERY_STRING", "")
        # Under a script prefix (/tracker/...), the redirect keeps it.
        script_prefix = request.path[: len(request.path) - len(request.path_info)]
        location = f"{script_prefix}{path}" + (f"?{query}" if query else "")
        response = HttpResponseRedirect(location)
        if permanent:
            response.status_code = 301
        else:
            # The answer depends on the reader's choice and browser.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    def process_response(self, request, response):
        language_from = getattr(request, "language_from", "reader")
        if language_from == "root page":
            # The English page, or a redirect for a reader who prefers another.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        elif language_from == "reader":
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


@csrf_exempt
def set_language(request):
    """Django's set_language, sending the reader back to the same page (and
    its filters) in the language chosen. Without a CSRF token, every public
    page is the same for every reader and can be cached whole (pagecache):
    all a forged request could do is switch a reader's language; `next` is
    still checked against ALLOWED_HOSTS."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if (
        request.method == "POST"
        and language in dict(settings.LANGUAGES)
        and response.status_code == 302
    ):
        response["Location"] = localized_url(response["Location"], language)
    return response
