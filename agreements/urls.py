from django.urls import path

from agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.AgreementStatusListView.as_view(), name="status-list"),
]
