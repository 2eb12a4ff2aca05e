"""Every URL the site answers, from the URL resolver itself (and so the API's
router, which it includes), with its parameters filled: for the visibility
walker. A pattern added anywhere is walked without anyone listing it."""

import re
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_filters.views import FilterView

from core.filters import SlugsFilter, TextSearchFilter

# Namespaces that are not public, with the reason; everything else is walked.
NOT_PUBLIC = {"admin": "staff only: every admin URL sends an anonymous reader to the login"}


@dataclass(frozen=True)
class Route:
    """One URL pattern: its name for reverse() (None when unnamed), its
    pattern text from the root, its parameters and its view."""

    name: str | None
    pattern: str
    params: tuple[str, ...]
    callback: object = field(compare=False, hash=False)

    @property
    def drf_actions(self) -> dict:
        return getattr(self.callback, "actions", None) or {}

    @property
    def is_api_list(self) -> bool:
        return self.drf_actions.get("get") == "list"

    @property
    def is_site_list(self) -> bool:
        view_class = getattr(self.callback, "view_class", None)
        return view_class is not None and issubclass(view_class, FilterView)

    @property
    def filterset_class(self):
        owner = getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)
        return getattr(owner, "filterset_class", None)

    def url(self, **kwargs) -> str:
        if self.name:
            return reverse(self.name, kwargs=kwargs)
        assert not self.params, f"an unnamed pattern with parameters: {self.pattern}"
        return "/" + self.pattern.replace("^", "").replace("$", "").replace("\\", "")


def routes() -> list[Route]:
    """Every pattern of the resolver, recursively, outside NOT_PUBLIC."""
    return list(_walk(get_resolver().url_patterns, prefix="", namespace=""))


def _walk(patterns, prefix: str, namespace: str):
    for entry in patterns:
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            if inner in NOT_PUBLIC:
                continue
            joined = f"{namespace}:{inner}".strip(":") if inner else namespace
            yield from _walk(entry.url_patterns, text, joined)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}".strip(":") if entry.name else None
            params = tuple(entry.pattern.regex.groupindex)
            yield Route(name, text, params, entry.callback)


def filter_parameters(route: Route) -> list[tuple[str, object]]:
    """(query parameter, filter) for the relation and search filters of a
    list's FilterSet: the parameters that name records or find them."""
    filterset_class = route.filterset_class
    if filterset_class is None:
        return []
    return [
        (name, flt)
        for name, flt in filterset_class.base_filters.items()
        if isinstance(flt, SlugsFilter | TextSearchFilter)
    ]


_CSRF = re.compile(rb'("?csrfToken"?: "|name="csrfmiddlewaretoken" value=")[^"]*"')


def body(response) -> bytes:
    """The whole body, streamed or not, with per-request tokens blanked."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return _CSRF.sub(rb'\1"', content)
