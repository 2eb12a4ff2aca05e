from django.urls import path

from opendata import views as opendata_views
from portal import search, views

app_name = "portal"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("search/", search.SiteSearchView.as_view(), name="search"),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
    path("data/", opendata_views.ReleasesView.as_view(), name="data"),
    path("data/<str:name>", opendata_views.release_file, name="data-file"),
]
