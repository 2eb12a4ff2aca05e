"""The admin site with a second factor for staff (django-otp), when
ADMIN_REQUIRE_2FA is on: the default with DEBUG off (kzuk_site/settings.py).

Read per request rather than at start-up, so that one process (and the
tests) can be in either state."""

from django.conf import settings
from django.contrib.admin import AdminSite

from accounts.forms import TwoFactorLoginForm


class TwoFactorAdminSite(AdminSite):
    @property
    def login_form(self):
        return TwoFactorLoginForm if settings.ADMIN_REQUIRE_2FA else None

    @property
    def login_template(self):
        return "accounts/login_2fa.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        """Staff signed in with a password alone are, while a second factor
        is required, treated as not signed in to the admin: sent to the login."""
        allowed = super().has_permission(request)
        if allowed and settings.ADMIN_REQUIRE_2FA:
            return request.user.is_verified()
        return allowed
