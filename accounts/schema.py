"""The OpenAPI schema's description of the admin session as a way to sign in
to the API (drf-spectacular knows DRF's own class, not its subclasses)."""

from drf_spectacular.authentication import SessionScheme


class VerifiedSessionScheme(SessionScheme):
    target_class = "accounts.authentication.VerifiedSessionAuthentication"
