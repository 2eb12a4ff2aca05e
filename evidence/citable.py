"""How a citation links to the fact it supports.

A citation points at any record (a generic relation). The sources page links
every quote to its fact, which for a nested record (a status event) means its
parent's page: apps register, for each citable model, a queryset that fetches
what its `get_absolute_url()` needs, so linking many quotes costs one query
per kind of record. This module never imports the apps above it.
"""

from django.contrib.contenttypes.prefetch import GenericPrefetch

_link_querysets: dict[type, object] = {}


def register_citable(model, queryset=None) -> None:
    _link_querysets[model] = queryset if queryset is not None else model._default_manager.all()


def cited_object_prefetch(lookup: str = "cited_object") -> GenericPrefetch:
    return GenericPrefetch(lookup, [qs.all() for qs in _link_querysets.values()])
