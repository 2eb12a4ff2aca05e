"""Hyperlinks in API responses, reversed once a request rather than once a row.

A page of 100 agreements carries about 1,500 links (each agreement's, its
steps', its parties', each quote's source). Django's reverse() and
build_absolute_uri() for each cost more than serialising the row itself, so
each kind of link is reversed once, with a placeholder for the lookup
value, and every row fills in its own slug or id. Same URLs, same fields,
same schema: these are drop-in subclasses of DRF's."""

from types import SimpleNamespace

from rest_framework import serializers

from core.api.visibility import HidesDrafts

PLACEHOLDER = "lookup-value-placeholder"


class _LinkTemplates:
    def get_url(self, obj, view_name, request, format):
        value = getattr(obj, self.lookup_field, None)
        if format or value in (None, ""):
            # Format suffixes are rare: leave them, and unsaved records, to DRF.
            return super().get_url(obj, view_name, request, format)
        templates = self.context.setdefault("_link_templates", {})
        key = (view_name, self.lookup_field, self.lookup_url_kwarg)
        template = templates.get(key)
        if template is None:
            stand_in = SimpleNamespace(**{self.lookup_field: PLACEHOLDER})
            template = super().get_url(stand_in, view_name, request, format)
            templates[key] = template
        return template.replace(PLACEHOLDER, str(value))


class HyperlinkedRelatedField(HidesDrafts, _LinkTemplates, serializers.HyperlinkedRelatedField):
    pass


class HyperlinkedIdentityField(_LinkTemplates, serializers.HyperlinkedIdentityField):
    pass
