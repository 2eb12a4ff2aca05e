from django.db.models import Prefetch
from django.views.generic import DetailView

from core.models import related_model
from core.views import AsOfMixin, FilteredListView
from evidence.models import citations_prefetch
from people.filters import OrganisationFilterSet, PersonFilterSet
from people.models import Organisation, Person, Post


class PersonListView(FilteredListView):
    filterset_class = PersonFilterSet
    template_name = "people/person_list.html"
    csv_filename = "people"
    csv_columns = (
        ("slug", lambda p: p.slug),
        ("name", lambda p: p.name),
        ("country", lambda p: p.country),
        ("posts", lambda p: "; ".join(post.title for post in p.posts.all())),
    )

    def get_queryset(self):
        return Person.objects.published().for_list()


class PersonDetailView(AsOfMixin, DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.published().prefetch_related(
            citations_prefetch(),
            Prefetch(
                "posts",
                queryset=Post.objects.select_related("organisation").prefetch_related(
                    citations_prefetch()
                ),
            ),
            Prefetch(
                "participations",
                queryset=related_model(Person, "participations")
                .objects.select_related("meeting", "organisation")
                .order_by("-meeting__start_on"),
            ),
            "agreements_signed",
            "commitments",
        )


class OrganisationListView(FilteredListView):
    filterset_class = OrganisationFilterSet
    template_name = "people/organisation_list.html"
    csv_filename = "organisations"
    csv_columns = (
        ("slug", lambda o: o.slug),
        ("name", lambda o: o.name),
        ("short_name", lambda o: o.short_name),
        ("kind", lambda o: o.kind),
        ("country", lambda o: o.country),
        ("parent", lambda o: o.parent),
    )

    def get_queryset(self):
        return Organisation.objects.published().select_related("parent")


class OrganisationDetailView(AsOfMixin, DetailView):
    template_name = "people/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return (
            Organisation.objects.published()
            .select_related("parent")
            .prefetch_related(
                citations_prefetch(),
                "children",
                Prefetch("posts", queryset=Post.objects.select_related("person")),
                citations_prefetch("posts__"),
                Prefetch(
                    "participations",
                    queryset=related_model(Organisation, "participations").objects.select_related(
                        "meeting", "person"
                    ),
                ),
                "agreements",
                "commitments",
                "figures",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        posts = self.object.posts.all()
        context["held_posts"] = [post for post in posts if post.person_id]
        context["posts_without_holder"] = [post for post in posts if not post.person_id]
        return context
