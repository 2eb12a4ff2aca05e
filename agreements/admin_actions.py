"""Admin actions that change many records in one go."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.services import add_status_step
from core.dates import parse_partial_date
from evidence.models import Source
from people.models import Organisation


class StatusStepForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"))
    date = forms.CharField(
        label=gettext_lazy("Date"),
        help_text=gettext_lazy("YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source."),
    )
    party = forms.ModelChoiceField(
        Organisation.objects.order_by("name"),
        required=False,
        label=gettext_lazy("Party"),
        help_text=gettext_lazy("Only for a step that is one side's alone."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea)
    source = forms.ModelChoiceField(
        Source.objects.order_by("title"), required=False, label=gettext_lazy("Source")
    )
    quote = forms.CharField(
        label=gettext_lazy("Quote"),
        required=False,
        widget=forms.Textarea,
        help_text=gettext_lazy("Pasted from the source; it is checked against its text."),
    )

    def __init__(self, *args, status_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = status_choices

    def clean_date(self):
        try:
            return parse_partial_date(self.cleaned_data["date"])
        except ValueError as exc:
            raise ValidationError(str(exc)) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") and not cleaned.get("quote", "").strip():
            self.add_error("quote", _("A source needs the quote it supports."))
        if cleaned.get("quote", "").strip() and not cleaned.get("source"):
            self.add_error("source", _("A quote needs its source."))
        return cleaned


@admin.action(description=gettext_lazy("Add a status step to the selected records"))
def add_status_step_action(model_admin, request, queryset):
    status_field = queryset.model._meta.get_field("status")
    form = StatusStepForm(
        request.POST if "apply" in request.POST else None,
        status_choices=status_field.choices,
    )
    if "apply" in request.POST and form.is_valid():
        date, precision = form.cleaned_data["date"]
        try:
            count = add_status_step(
                records=queryset,
                status=form.cleaned_data["status"],
                date=date,
                precision=precision,
                party=form.cleaned_data["party"],
                note=form.cleaned_data["note"],
                source=form.cleaned_data["source"],
                quote=form.cleaned_data["quote"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            model_admin.message_user(
                request,
                _("Added the step to %(count)d records.") % {"count": count},
                messages.SUCCESS,
            )
            return None
    return TemplateResponse(
        request,
        "admin/agreements/add_status_step.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Add a status step"),
            "form": form,
            "records": queryset,
            "opts": model_admin.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        },
    )
