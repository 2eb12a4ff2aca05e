from core.views import parse_as_of


def as_of(request):
    """The `as_of` date of the page, for the header's control and banner."""
    return {"as_of": parse_as_of(request.GET.get("as_of"))}
