"""The admin login's form with a second factor: one box for the code.

django-otp asks which device a code is for, so that a wrong code is counted
against that device only. Here the code itself says it: six digits are the
authenticator app's, anything else a recovery code."""

from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    def _chosen_device(self, user):
        chosen = super()._chosen_device(user)
        if chosen is not None:
            return chosen
        token = (self.cleaned_data.get("otp_token") or "").strip()
        kind = TOTPDevice if token.isdigit() else StaticDevice
        return kind.objects.filter(user=user, confirmed=True).first()
