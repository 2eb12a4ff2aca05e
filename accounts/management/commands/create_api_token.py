"""Make an API token for a user and print its key, once."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import ApiToken


class Command(BaseCommand):
    help = (
        "Make an API token for a user (valid API_TOKEN_DAYS days, 90 by default) "
        "and print its key. The key is shown only now; revoke tokens in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument("--days", type=int, default=None, help="Days until it expires.")

    def handle(self, *args, username, name, days, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        days = settings.API_TOKEN_DAYS if days is None else days
        if not 1 <= days <= 3650:
            raise CommandError("--days should be between 1 and 3650.")
        token, key = ApiToken.issue(user, name=name, days=days)
        self.stdout.write(key)
        self.stderr.write(
            f"Token {token.prefix}… for {user}, expires {token.expires_at:%Y-%m-%d %H:%M} UTC. "
            "Send it as `Authorization: Token <key>`; this is the only time the key is shown."
        )
