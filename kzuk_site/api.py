"""The REST API, version 1, mounted at /api/v1/ by kzuk_site/urls.py.

Every resource is a viewset in its app's api.py; this module only routes
them, and serves the OpenAPI schema with its offline documentation.
"""

from csp.decorators import csp_update
from django.urls import path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from agreements.api import (
    AgreementViewSet,
    CommitmentStatusEventViewSet,
    CommitmentViewSet,
    FigureViewSet,
    StatusEventViewSet,
)
from core.api.errors import api_not_found
from dialogue.api import MeetingSeriesViewSet, MeetingViewSet
from evidence.api import CitationViewSet, SourceViewSet
from opendata.api import ChangesView
from people.api import OrganisationViewSet, PersonViewSet
from topics.api import TopicViewSet

app_name = "api"

# Redoc (the sidecar's pinned bundle) needs two things the site's policy
# refuses, granted on the Redoc page only:
# - two <style> elements it adds as it starts, allowed by hash: perfect-
#   scrollbar's fixed rules, and styled-components' empty element that it
#   then fills through the CSSOM (which the policy does not govern). No inline
#   styles otherwise, and no nonce. A new sidecar with other rules fails the
#   browser test (tests/browser/test_security_policy.py), which prints the hash;
# - a worker made from a blob, where it builds its search index. Only a script
#   the policy already let run can make one.
# Its sidebar's Redocly logo, from Redocly's servers, stays blocked (no
# third-party requests); Redoc then hides the image.
REDOC_POLICY = {
    "style-src": [
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",  # the empty element
        "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",  # perfect-scrollbar
    ],
    "worker-src": ["blob:"],
}

# A route's basename is its record kind's cited-type name with hyphens
# ("status-event"): seeds.api_base.api_url relies on it to link a citation
# to what it supports.
router = DefaultRouter()
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("status-events", StatusEventViewSet, basename="status-event")
router.register("commitments", CommitmentViewSet, basename="commitment")
router.register(
    "commitment-status-events", CommitmentStatusEventViewSet, basename="commitment-status-event"
)
router.register("figures", FigureViewSet, basename="figure")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("meeting-series", MeetingSeriesViewSet, basename="meeting-series")
router.register("people", PersonViewSet, basename="person")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("topics", TopicViewSet, basename="topic")
router.register("sources", SourceViewSet, basename="source")
router.register("citations", CitationViewSet, basename="citation")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file (at
    # ?script), not inline: the Content-Security-Policy allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path(
        "redoc/",
        csp_update(REDOC_POLICY)(SpectacularRedocView.as_view(url_name="api:schema")),
        name="redoc",
    ),
    # What changed, for mirrors (docs/API.md, "Changes").
    path("changes/", ChangesView.as_view(), name="changes"),
    *router.urls,
    # Last: anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^(?P<unknown_path>.*)$", api_not_found, name="not-found"),
]
