from django.views.generic import ListView

from agreements.models import Agreement


class AgreementStatusListView(ListView):
    """The status of every agreement at a glance: the site's front page until
    the full dashboard arrives."""

    template_name = "agreements/status_list.html"
    context_object_name = "agreements"
    paginate_by = 100

    def get_queryset(self):
        return Agreement.objects.for_list().order_by("-status_since", "title")
