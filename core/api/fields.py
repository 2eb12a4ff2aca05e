from django.utils.translation import gettext_lazy as _

from core.api.links import HyperlinkedIdentityField, HyperlinkedRelatedField
from core.api.serializers import (
    SlugKeyField,
)


def slugs(model, *, help_text, many=True, required=False, allow_null=False):
    """Related records written and read by slug."""
    kwargs = {"allow_null": allow_null} if not many else {"allow_empty": True}
    return SlugKeyField(
        slug_field="slug",
        queryset=model.objects.all(),
        many=many,
        required=required,
        help_text=help_text,
        **kwargs,
    )


def link(view_name: str, *, source: str, help_text, allow_null: bool = True):
    """The API URL of a related record, next to its slug (null when none)."""
    return HyperlinkedRelatedField(
        view_name=view_name,
        lookup_field="slug",
        source=source,
        read_only=True,
        allow_null=allow_null,
        help_text=help_text,
    )


def self_link(view_name: str):
    return HyperlinkedIdentityField(
        view_name=view_name, lookup_field="slug", help_text=_("This record in the API.")
    )
