from django.contrib.sitemaps.views import sitemap
from django.urls import path

from portal import search, views
from portal.sitemaps import SITEMAPS

app_name = "portal"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("search/", search.SiteSearchView.as_view(), name="search"),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
