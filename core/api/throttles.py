"""The API's throttles (settings.REST_FRAMEWORK): anonymous clients by
address, signed-in clients by user."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from core.client_ip import client_ip


class AnonymousThrottle(AnonRateThrottle):
    """AnonRateThrottle, reading its rate when asked rather than at import,
    so that a changed REST_FRAMEWORK setting (a test's, an operator's) holds.
    The address is core.client_ip's, not DRF's own reading of
    X-Forwarded-For, which a client could set to anything."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request)


class SignedInThrottle(UserRateThrottle):
    """The signed-in clients' throttle, by user, read like AnonymousThrottle.
    Anonymous requests pass: AnonymousThrottle counts those."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return True
        return super().allow_request(request, view)
