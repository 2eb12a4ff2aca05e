from people.models import Organisation, OrganisationKind, Person, Post
from seeding.loader.fields import CITED, Children, Choice, Citations, PartialDate, Ref, Text
from seeding.loader.handlers import ChildHandler, SeedHandler, register


class PostWithoutHolderHandler(ChildHandler):
    """An organisation's office whose holder the sources do not name."""

    model = Post
    parent_attr = "organisation"
    fields = (
        Text("title", required=True),
        PartialDate("start_on"),
        PartialDate("end_on"),
        Text("note"),
        Citations(required=True),
    )


@register
class OrganisationHandler(SeedHandler):
    model = Organisation
    file = "organisations.yaml"
    order = 20
    fields = (
        Text("name", required=True),
        Text("short_name"),
        Choice("kind", OrganisationKind, required=True),
        Text("country"),
        Ref("parent", Organisation, same_file=True),
        Text("description"),
        Citations(required=True),
        Children("posts", PostWithoutHolderHandler(), attr="posts_without_holder"),
    )
    select = ("parent",)
    prefetch = CITED


class PostHandler(ChildHandler):
    model = Post
    parent_attr = "person"
    fields = (
        Text("title", required=True),
        Ref("organisation", Organisation),
        PartialDate("start_on"),
        PartialDate("end_on"),
        Text("note"),
        Citations(required=True),
    )


@register
class PersonHandler(SeedHandler):
    model = Person
    file = "people.yaml"
    order = 30
    fields = (
        Text("name", required=True),
        Text("country"),
        Text("description"),
        Citations(required=True),
        Children("posts", PostHandler()),
    )
    prefetch = (*CITED, "posts__organisation", "posts__citations__source")
