from django.urls import path

from portal import search, views

app_name = "portal"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("search/", search.SiteSearchView.as_view(), name="search"),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
]
