from django.urls import path

from dialogue import views

app_name = "dialogue"

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path(
        "meeting-series/<slug:slug>/", views.MeetingSeriesDetailView.as_view(), name="series-detail"
    ),
]
