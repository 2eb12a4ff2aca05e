from django.urls import path

from agreements import feeds, views

app_name = "agreements"

urlpatterns = [
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("agreements/<slug:slug>/feed/", feeds.AgreementStatusFeed(), name="agreement-feed"),
    path("commitments/", views.CommitmentListView.as_view(), name="commitment-list"),
    path(
        "commitments/<slug:slug>/", views.CommitmentDetailView.as_view(), name="commitment-detail"
    ),
    path("figures/", views.FigureListView.as_view(), name="figure-list"),
    path("figures/<slug:slug>/", views.FigureDetailView.as_view(), name="figure-detail"),
    path("feeds/status-changes/", feeds.StatusChangesFeed(), name="status-feed"),
]
