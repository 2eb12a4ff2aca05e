from django.urls import path

from seeds import views

app_name = "seeds"

urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
]
