from django.urls import include, path

from bench import floor

urlpatterns = [
    path("floor/api/agreements/", floor.api_agreement_list),
    path("floor/api/agreements/<slug:slug>/", floor.api_agreement_detail),
    path("floor/agreements/", floor.agreement_list_page),
    path("floor/agreements/<slug:slug>/", floor.agreement_detail_page),
    path("floor/dashboard/", floor.dashboard_page),
    path("floor/timeline/", floor.timeline_page),
    path("", include("kzuk_site.urls")),
]
