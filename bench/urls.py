from django.urls import path

from bench import floor
from kzuk_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("floor/api/agreements/", floor.api_agreement_list),
    path("floor/api/agreements/<slug:slug>/", floor.api_agreement_detail),
    path("floor/agreements/", floor.agreement_list_page),
    path("floor/agreements/<slug:slug>/", floor.agreement_detail_page),
    path("floor/dashboard/", floor.dashboard_page),
    path("floor/timeline/", floor.timeline_page),
    # The site's own patterns, not an include(): they hold i18n_patterns,
    # which only a root URLconf may.
    *site_urlpatterns,
]
