"""Filters every list shares, on the public site and in the API alike."""

import datetime
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from django_filters.fields import BaseCSVField, IsoDateTimeField, ModelMultipleChoiceField
from drf_spectacular.utils import extend_schema_field

from core.content_lang import marked_label
from core.search import SearchSpec, search_counted


def visible_choices(queryset, request):
    """The records a filter may name: those its reader may see (core.models:
    drafts only for editors). The same rule as the lists, so that a draft is
    neither offered as a choice nor accepted as a value: `?topic=<draft>`
    answers exactly as a slug that does not exist."""
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(getattr(request, "user", None))
    return queryset


class TextSearchFilter(django_filters.CharFilter):
    """Full-text search by the model's SearchSpec (core.search): every word
    matches, as a prefix, in one of its fields. Results come best first,
    unless the request also sets an `ordering`, which is applied after."""

    def __init__(self, *, spec: SearchSpec, **kwargs):
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault(
            "help_text", _("Words to look for; every word must match, as a word or its start.")
        )
        # The form field also refuses a NUL byte, which PostgreSQL cannot take.
        kwargs.setdefault("max_length", 200)
        super().__init__(field_name=spec.fields[0].name, lookup_expr="icontains", **kwargs)
        self.spec = spec

    def filter(self, qs, value):
        qs, self.match_count = search_counted(qs, self.spec, value)
        return qs


class YearFilter(django_filters.NumberFilter):
    """A calendar year. Whole numbers only: a `__year` lookup given 2024.5
    fails inside the database layer instead of answering 400."""

    field_class = forms.IntegerField


class SlugsField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        # An <option> cannot carry lang: an English fallback is marked in words.
        return marked_label(obj)

    def clean(self, value):
        # Refuse what cannot be a slug before it reaches the database, which
        # (PostgreSQL) fails on a NUL byte instead of finding nothing.
        for item in value or ():
            try:
                validate_slug(item)
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                ) from None
        return super().clean(value)


class SlugListInput(forms.TextInput):
    """Slugs typed in one box, separated by commas or spaces.

    For relations with too many records to offer as choices: a select of
    every meeting or organisation would send thousands of options with every
    list page. Repeated parameters (`?party=a&party=b`) still work."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return [slug for value in values if value for slug in re.split(r"[\s,]+", value) if slug]

    def format_value(self, value):
        if not value:
            return None
        return ", ".join(str(item) for item in value) if isinstance(value, list) else str(value)


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^[-a-zA-Z0-9_]+( *, *[-a-zA-Z0-9_]+)*$",
        "description": "A slug; repeat the parameter, or separate slugs with commas, for "
        "several (any of them matches). An unknown slug is a 400.",
    }
)
class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """Records related by slug; several values match any of them. A short
    vocabulary (topics) is offered as choices (`offer_choices=True`); other
    relations are typed as slugs (SlugListInput). The schema annotation tells
    the API docs what drf-spectacular cannot guess."""

    field_class = SlugsField

    def __init__(self, *args, offer_choices: bool = False, **kwargs):
        if not offer_choices:
            kwargs.setdefault("widget", SlugListInput)
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        # Every relation filter, in every app, by construction: the choices
        # and the accepted values are what this reader may see.
        return visible_choices(super().get_queryset(request), request)

    def filter(self, qs, value):
        # A semi-join (`id IN (SELECT ...)`) rather than django-filter's join
        # and DISTINCT: at 100,000 agreements, DISTINCT over every column of
        # every row the join returns, then counting them, took longer than
        # the rest of the page.
        if not value:
            return qs
        slugs = [getattr(item, self.field.to_field_name) for item in value]
        matching = qs.model._base_manager.filter(**{f"{self.field_name}__in": slugs})
        return qs.filter(pk__in=matching.values("pk"))


class UtcDateTimeField(IsoDateTimeField):
    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        # In UTC: PostgreSQL refuses offsets past ±15:59, which ISO 8601 allows.
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError(_("Date and time out of range."), code="invalid") from None


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date and time, with any offset, compared in UTC."""

    field_class = UtcDateTimeField


class FlagFilter(django_filters.BooleanFilter):
    """Yes, no, or either: a flag a reader may leave unset. The form sends
    nothing when it is unset (not "unknown"), so an untouched filter is not
    an applied one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.Select(choices=(("", _("Either")), ("true", _("Yes")), ("false", _("No")))),
        )
        super().__init__(*args, **kwargs)


def known_by(field_name: str) -> django_filters.DateFilter:
    """`?as_of=` on a list of dated records: only what had happened (or
    been published) by that day, so the list shows what was known then."""
    return django_filters.DateFilter(
        field_name=field_name,
        lookup_expr="lte",
        label=_("As of"),
        help_text=_("Only what was dated on or before this day (YYYY-MM-DD)."),
    )


class UpdatedSinceFilterSet(django_filters.FilterSet):
    """`updated_since`, on every list, so a consumer can sync what changed.

    Every list's FilterSet derives from this one, which applies `search`
    after the other filters, so that the matches it counts (and ranks, when
    few enough) are those the list shows, and `ordering` last, so that an
    order the reader chose wins over the rank."""

    LAST = ("search", "ordering")

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        names = [name for name in data if name not in self.LAST]
        names += [name for name in self.LAST if name in data]
        for name in names:
            queryset = self.filters[name].filter(queryset, data[name])
        return self.in_order(queryset)

    @classmethod
    def unfiltered(cls, queryset):
        """What filter_queryset makes of `queryset` when no parameter names
        any of the filters (each then leaves it as it is), without making the
        FilterSet: a copy of every filter, a form class and a form, which for
        one record in the API cost more than the rest of its queryset. A
        FilterSet whose filter_queryset does more says so here too
        (tests/core/test_api_queries.py compares the two for every API)."""
        return cls.in_order(queryset)

    @staticmethod
    def in_order(queryset):
        if not queryset.ordered:
            # `?ordering=,` chose no field and cleared the order: pages of an
            # unordered list may repeat or skip rows. The model's own order,
            # then its id, decide.
            queryset = queryset.order_by(*(queryset.model._meta.ordering or ()), "pk")
        return queryset

    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Updated since"),
        help_text=_("ISO 8601 date and time, e.g. 2025-02-12T00:00:00Z."),
    )


# How a reader reads each sort: which end comes first, in words.
SORT_LABELS = {
    "signed_on": (_("Signed: earliest first"), _("Signed: latest first")),
    "title": (_("Title: A to Z"), _("Title: Z to A")),
    "name": (_("Name: A to Z"), _("Name: Z to A")),
    "status": (_("Status: A to Z"), _("Status: Z to A")),
    "status_since": (_("Status changed: earliest first"), _("Status changed: latest first")),
    "status_confirmed_on": (
        _("Last confirmed: longest ago first"),
        _("Last confirmed: most recently first"),
    ),
    "updated_at": (_("Last edited: earliest first"), _("Last edited: latest first")),
    "due_on": (_("Due: earliest first"), _("Due: latest first")),
    "as_of": (_("Dated: earliest first"), _("Dated: latest first")),
    "date": (_("Date: earliest first"), _("Date: latest first")),
    "published_on": (_("Published: earliest first"), _("Published: latest first")),
    "value": (_("Value: smallest first"), _("Value: largest first")),
    "number": (_("Round: first to last"), _("Round: last to first")),
    "kind": (_("Kind: A to Z"), _("Kind: Z to A")),
    "position": (_("Order in the source"), _("Order in the source, reversed")),
}


class _SortField(BaseCSVField):
    """`ordering=a,,b` or `ordering=,`: an empty name among several is a
    400 (the choice field's own message), not a silently shorter order.
    One empty value alone is the list's usual order."""

    def clean(self, value):
        if value and len(value) > 1 and any(item in self.empty_values for item in value):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": ""}
            )
        return super().clean(value)


class SortFilter(django_filters.OrderingFilter):
    """`?ordering=` with choices a reader understands ("Signed: latest first"
    rather than "Signed on (descending)"), and the list's own order named as
    the empty choice (`default`, e.g. "Newest first") rather than "---------"."""

    base_field_class = _SortField

    def __init__(self, *args, default=None, **kwargs):
        kwargs.setdefault("label", _("Sort"))
        kwargs.setdefault("empty_label", default or _("The list's usual order"))
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        choices = []
        for param in fields.values():
            ascending, descending = SORT_LABELS.get(param, (None, None))
            if ascending is None:
                return super().build_choices(fields, labels)
            choices += [(param, ascending), (f"-{param}", descending)]
        return choices
