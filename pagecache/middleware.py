"""Whole public pages from the cache, for readers who are not signed in.

The key holds the content version (pagecache.invalidation), so any write
makes every cached page stale at once: a reader never sees a status an
editor has already changed. Editors are never served from the cache: they
may see drafts, and they must see their own edits."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from pagecache.invalidation import reading_once, version_for_this_request

CACHE_HEADER = "X-Page-Cache"
# Not pages: the admin and the API have their own rules (drafts, writes,
# throttling, ETags), and the language switch sets a cookie.
UNCACHED_PREFIXES = ("/admin/", "/api/", "/i18n/")
# Headers the view itself sets. This middleware is inside those that add
# headers (security, language, Vary), so they still run on a cached page.
# With its validators (the feeds'), a cached page still answers a 304.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Link", "ETag", "Last-Modified")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with reading_once():
            return self._serve(request)

    def _serve(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if not timeout or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        stored = cache.get(key)
        if stored is not None:
            return self._answer(request, self._rebuild(stored))
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.status_code, response.content, headers), timeout)
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            request.method == "GET"
            and not request.path.startswith(UNCACHED_PREFIXES)
            and not request.user.is_authenticated
        )

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        return (
            response.status_code == 200
            # A page holding a CSRF token belongs to one reader's cookie.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request) -> str:
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page:{version_for_this_request()}:{request.LANGUAGE_CODE}:{digest}"

    @staticmethod
    def _answer(request, response):
        """The cached page, or a 304 when the client's copy is it."""
        if not response.has_header("ETag") and not response.has_header("Last-Modified"):
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )

    @staticmethod
    def _rebuild(stored) -> HttpResponse:
        status, content, headers = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response
