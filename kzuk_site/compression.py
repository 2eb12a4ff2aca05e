"""Gzip for text responses (JSON, HTML, CSV, feeds), except where BREACH
could read a secret out of the compressed length.

BREACH needs a secret in the body and the attacker's text reflected beside
it, in a response the victim's browser fetches with its cookies. What the
public reads holds no secret: the anonymous pages carry no CSRF token, and
the API's reads are the same for every anonymous client. The admin's pages
do (the CSRF token in every form, and what a signed-in editor sees), so a
response is sent uncompressed when the request came with a signed-in
session, or when the CSRF token was put in the page. An API client with a
token is not at risk: a browser does not send that header cross-site.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class GZipUnlessSecretMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if _may_carry_a_secret(request, response):
            return response
        return super().process_response(request, response)


def _may_carry_a_secret(request, response) -> bool:
    # A page that used the CSRF token ({% csrf_token %}, get_token()) has
    # the cookie set again by CsrfViewMiddleware, which runs before this on
    # the way out (and has cleared its own flag by then).
    if settings.CSRF_COOKIE_NAME in response.cookies:
        return True
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return signed_in and _has_session(request)


def _has_session(request) -> bool:
    session = getattr(request, "session", None)
    return session is not None and session.session_key is not None
