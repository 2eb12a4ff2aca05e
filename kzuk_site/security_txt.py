"""/.well-known/security.txt (RFC 9116): where to report a vulnerability.

Its fields come from the settings (SECURITY_CONTACT, SECURITY_TXT_DAYS,
SECURITY_POLICY_URL); `Expires` is always that many days ahead, so the file
never goes stale while the site runs. docs/SECURITY.md says what happens
to a report."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

PATH = "/.well-known/security.txt"


def security_txt_lines(request, now: datetime.datetime | None = None) -> list[str]:
    now = now or timezone.now()
    # Midnight UTC: the same file all day long, whatever the second.
    day = now.astimezone(datetime.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    expires = day + datetime.timedelta(days=settings.SECURITY_TXT_DAYS)
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_CONTACT]
    lines += [
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {', '.join(code for code, _ in settings.LANGUAGES)}",
        f"Canonical: {request.build_absolute_uri(PATH)}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return lines


@require_safe
def security_txt(request):
    body = "\n".join(security_txt_lines(request)) + "\n"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    # A day at most in caches: `Expires` moves on.
    response["Cache-Control"] = "max-age=86400"
    return response
