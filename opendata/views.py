"""/data/: the bulk releases (manage.py release), each with its checksum."""

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from opendata.release import releases
from opendata.resources import RESOURCES


def _releases() -> list[dict]:
    folder = settings.RELEASES_DIR
    return releases(folder) if folder.is_dir() else []


# Not kept in the page cache: a new release is no change of content, so a
# cached page would not go stale when one is made; reading the folder is cheap.
@method_decorator(never_cache, name="dispatch")
class ReleasesView(TemplateView):
    template_name = "opendata/releases.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "releases": _releases(),
            "resources": RESOURCES,
        }


@require_GET
def release_file(request, name: str):
    """A release's zip, only by a name the listing gives: nothing else in
    the folder is served."""
    if name not in {release["file"] for release in _releases()}:
        raise Http404("No such release.")
    return FileResponse(open(settings.RELEASES_DIR / name, "rb"), as_attachment=True, filename=name)
