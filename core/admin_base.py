"""What every content model's admin shares: editors' work is never silently
overwritten by another editor's stale form."""

import base64
import hashlib

from csp.constants import UNSAFE_HASHES
from csp.decorators import csp_update
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.models import PublicationState
from core.provenance import describe_provenance

VERSION_FIELD = "loaded_version"

# django-simple-history's history page has one inline style attribute
# (`style="border-top: 0"` on its paginator). The Content-Security-Policy
# lets that exact attribute through on that page only, by its hash, rather
# than allowing inline styles or keeping a copy of the template.
_HISTORY_STYLE_HASH = base64.b64encode(hashlib.sha256(b"border-top: 0").digest()).decode()
HISTORY_PAGE_POLICY = {"style-src": [UNSAFE_HASHES, f"'sha256-{_HISTORY_STYLE_HASH}'"]}


class StaleEditForm(forms.ModelForm):
    """Carries the record's `updated_at` from when the form was opened, and
    refuses to save over a change made since, saying what changed."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            # The stored row's version, not the instance's: when reverting to
            # an old version the form holds that version's values.
            current = (
                type(self.instance)
                ._base_manager.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            if current is not None:
                self.initial[VERSION_FIELD] = current.isoformat()

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        loaded = self.data.get(self.add_prefix(VERSION_FIELD), "")
        current = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if current is None:
            raise forms.ValidationError(_("This record was deleted by someone else."))
        if loaded and current.updated_at.isoformat() != loaded:
            changed = [
                str(self.fields[name].label or name)
                for name, field in _column_fields(self.instance, self.fields)
                if field.value_from_object(current) != self.initial.get(name)
            ]
            detail = ", ".join(changed) if changed else _("its related records")
            raise forms.ValidationError(
                _(
                    "Someone else saved this record at %(time)s, after you opened it. "
                    "They changed: %(fields)s. Your changes were not saved: reload the "
                    "page to see theirs, then make yours again."
                )
                % {"time": current.updated_at.strftime("%Y-%m-%d %H:%M:%S UTC"), "fields": detail},
                code="stale",
            )
        return cleaned


def _column_fields(instance, form_fields):
    """The model columns the form edits (many-to-many and inlines aside)."""
    for name in form_fields:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field has no column
            continue
        if field.concrete and not field.many_to_many:
            yield name, field


class ContentAdmin(SimpleHistoryAdmin):
    """Base admin for the content models: history with diffs and revert
    (django-simple-history), no silent overwrites, and where a record came
    from."""

    form = StaleEditForm
    actions = ("publish", "unpublish")

    def _publishable(self) -> bool:
        return any(field.name == "publication" for field in self.model._meta.fields)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self._publishable():
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def get_list_display(self, request):
        shown = tuple(super().get_list_display(request))
        return (*shown, "publication") if self._publishable() else shown

    def get_list_filter(self, request):
        filters = tuple(super().get_list_filter(request))
        return ("publication", *filters) if self._publishable() else filters

    def history_view(self, request, object_id, extra_context=None):
        view = csp_update(HISTORY_PAGE_POLICY)(super().history_view)
        return view(request, object_id, extra_context=extra_context)

    @admin.action(description=gettext_lazy("Publish the selected records"), permissions=("change",))
    def publish(self, request, queryset):
        self._set_publication(request, queryset, PublicationState.PUBLISHED)

    @admin.action(
        description=gettext_lazy("Unpublish the selected records (back to draft)"),
        permissions=("change",),
    )
    def unpublish(self, request, queryset):
        self._set_publication(request, queryset, PublicationState.DRAFT)

    def _set_publication(self, request, queryset, state):
        # Saved one by one, so that each change is in the history.
        count = 0
        for obj in queryset.exclude(publication=state):
            obj.publication = state
            obj.save(update_fields=["publication", "updated_at"])
            count += 1
        self.message_user(
            request,
            _("%(count)d records are now %(state)s.") % {"count": count, "state": state.label},
            messages.SUCCESS,
        )

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "provenance") if obj is not None else fields

    @admin.display(description=gettext_lazy("came from"))
    def provenance(self, obj):
        return describe_provenance(obj) or _("Entered in the admin or the API.")


class TranslatedContentAdmin(TranslationAdmin, ContentAdmin):
    """ContentAdmin for a record with a column per language (issue 16): the
    English, Russian and Kazakh of each translated field side by side on the
    one page (`title [en]`, `title [ru]`, `title [kk]`), and the record's
    translation review states. modeltranslation's tabs are left out: they
    load jQuery UI from a CDN, which the Content-Security-Policy forbids."""

    def get_readonly_fields(self, request, obj=None):
        # modeltranslation's own version does not call on to ContentAdmin's,
        # which adds where the record came from.
        return self.replace_orig_field(ContentAdmin.get_readonly_fields(self, request, obj))
