from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Editors' accounts: a second factor for staff sign-in (django-otp), and
    API tokens that expire and can be revoked. Not content: no roles, no
    backups of its rows, nothing public."""

    name = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib import admin

        # Registers the schema's description of the session sign-in.
        from accounts import schema  # noqa: F401
        from accounts.admin_site import TwoFactorAdminSite

        # The default admin site (every app's admin.py registers on it) asks
        # for a second factor when ADMIN_REQUIRE_2FA is on: django-otp's own
        # way to swap it in, as its documentation shows.
        admin.site.__class__ = TwoFactorAdminSite
