"""API tokens that expire and can be revoked.

Only a digest of each key is stored: the key itself is shown once, when the
token is made (`manage.py create_api_token`), and a leaked database does not
leak working keys. The admin lists every token with its owner, its first
characters, when it expires and when it was last used, and revokes them."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The first characters of a key, kept to tell tokens apart in the admin.
PREFIX_LENGTH = 8


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("What the token is for.")
    )
    prefix = models.CharField(_("key starts with"), max_length=PREFIX_LENGTH, editable=False)
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ("-created_at",)

    def __str__(self):
        return f"{self.prefix}… ({self.user}{', ' + self.name if self.name else ''})"

    @classmethod
    def issue(cls, user, *, name: str = "", days: int | None = None) -> tuple["ApiToken", str]:
        """A new token for `user`, valid `days` (API_TOKEN_DAYS by default),
        and its key: the only time the key is known."""
        key = secrets.token_hex(20)
        days = settings.API_TOKEN_DAYS if days is None else days
        with transaction.atomic():
            token = cls(
                user=user,
                name=name,
                prefix=key[:PREFIX_LENGTH],
                key_digest=digest(key),
                expires_at=timezone.now() + timedelta(days=days),
            )
            token.full_clean()
            token.save()
        return token, key

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
