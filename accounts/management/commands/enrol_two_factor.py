"""Enrol a staff member for two-factor sign-in: an authenticator app (TOTP)
and recovery codes. Prints the otpauth URI, its QR code as text, and the
codes, once."""

import io

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


class Command(BaseCommand):
    help = (
        "Give a user an authenticator (TOTP) device and recovery codes for the "
        "admin's two-factor sign-in, replacing any they had. Prints the otpauth "
        "URI as a QR code to scan, and the recovery codes: shown only now."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--recovery-codes-only",
            action="store_true",
            help="Keep the authenticator; only issue new recovery codes.",
        )

    def handle(self, *args, username, recovery_codes_only, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        with transaction.atomic():
            if not recovery_codes_only:
                self._authenticator(user)
            codes = self._recovery_codes(user)
        self.stdout.write("Recovery codes (each works once; keep them somewhere safe):")
        for code in codes:
            self.stdout.write(f"  {code}")

    def _authenticator(self, user):
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        uri = device.config_url
        qr = io.StringIO()
        segno.make(uri, micro=False).terminal(out=qr, compact=True)
        self.stdout.write("Scan this with an authenticator app, or enter the URI by hand:")
        self.stdout.write(qr.getvalue())
        self.stdout.write(uri)
        self.stdout.write("")

    def _recovery_codes(self, user) -> list[str]:
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
        return codes
