"""/healthz, for the load balancer: is this host able to serve pages?"""

from django.db import DatabaseError, connections
from django.http import HttpResponse

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answers /healthz first in the chain, before anything calls
    `request.get_host()`: a load balancer checks each host by its address,
    which ALLOWED_HOSTS rightly does not list. Healthy means every database
    (the primary and, if there is one, the replica) answers a query; the
    site cannot serve a page without them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_PATH or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        failing = [alias for alias in connections if not _answers(alias)]
        if failing:
            response = HttpResponse(
                f"unavailable: database {', '.join(failing)}\n",
                status=503,
                content_type="text/plain",
            )
        else:
            response = HttpResponse("ok\n", content_type="text/plain")
        response["Cache-Control"] = "no-store"
        return response


def _answers(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False
