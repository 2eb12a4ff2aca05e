"""Token authentication for the API with expiring, revocable tokens
(accounts.models.ApiToken). The header is DRF's: `Authorization: Token <key>`."""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication

from accounts.models import ApiToken, digest

# `last_used_at` is written at most this often per token: not one write for
# every request of a script.
LAST_USE_RESOLUTION = timedelta(minutes=1)


class ExpiringTokenAuthentication(TokenAuthentication):
    model = ApiToken

    def authenticate_credentials(self, key):
        # Read where tokens are written (the primary, behind a replica): a
        # token revoked a moment ago is refused at once.
        database = router.db_for_write(ApiToken)
        tokens = ApiToken.objects.db_manager(database).select_related("user")
        token = tokens.filter(key_digest=digest(key)).first()
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        now = timezone.now()
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed(
                _("Token expired. Ask for a new one (manage.py create_api_token).")
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token.last_used_at is None or now - token.last_used_at > LAST_USE_RESOLUTION:
            _note_use(token, now, database)
        return token.user, token


def _note_use(token: ApiToken, now, database: str) -> None:
    """Record the token's use; a database that cannot take the write (read
    only, full) must not turn a read into an error: the request goes on, and
    a write it makes meets the 503 (core/db_unavailable.py)."""
    try:
        with transaction.atomic(using=database):
            ApiToken.objects.db_manager(database).filter(pk=token.pk).update(last_used_at=now)
    except DatabaseError:
        pass


class VerifiedSessionAuthentication(SessionAuthentication):
    """The admin's session, for the browsable API and the Swagger UI: while
    a second factor is required, a session signed in without one (from
    before it was required, say) counts as no one."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None or not settings.ADMIN_REQUIRE_2FA:
            return result
        user = result[0]
        return result if getattr(user, "is_verified", lambda: False)() else None
