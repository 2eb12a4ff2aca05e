from django.db.models import Prefetch
from django.views.generic import DetailView

from core.views import AsOfMixin, FilteredListView
from evidence.citable import cited_object_prefetch
from evidence.filters import SourceFilterSet
from evidence.models import Citation, Source


class SourceListView(FilteredListView):
    filterset_class = SourceFilterSet
    template_name = "evidence/source_list.html"
    csv_filename = "sources"
    csv_columns = (
        ("slug", lambda s: s.slug),
        # As written, in the `language` column's language, on every page: evidence.
        ("title", lambda s: str(s)),
        ("publisher", lambda s: s.publisher),
        ("published_on", lambda s: s.published_on),
        ("published_on_precision", lambda s: s.published_on_precision),
        ("published_on_inferred", lambda s: s.published_on_inferred),
        ("kind", lambda s: s.kind),
        ("language", lambda s: s.language),
        ("url", lambda s: s.url),
        ("sha256", lambda s: s.sha256),
        ("citations", lambda s: s.citation_count),
    )

    def get_queryset(self):
        return Source.objects.published().for_list()


class SourceDetailView(AsOfMixin, DetailView):
    """A document in full, each cited quote highlighted and linked to its fact."""

    template_name = "evidence/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        return Source.objects.published().prefetch_related(
            Prefetch(
                "citations",
                # Only the quotes the public may see: one supporting a draft
                # is neither highlighted nor counted.
                queryset=Citation.objects.visible_to(None)
                .select_related("content_type")
                .prefetch_related(cited_object_prefetch())
                .order_by("start", "-end", "pk"),
            )
        )
