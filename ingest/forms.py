"""The admin's forms for ingestion: an article to ingest, a proposal to correct."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import parse_partial_date
from ingest.accept import EDITABLE
from ingest.models import Proposal
from ingest.services import LANGUAGES


class IngestForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,  # stored verbatim: the quotes' offsets are into this text
        widget=forms.Textarea(attrs={"rows": 16, "cols": 90}),
        help_text=_("Paste the article, or upload it below."),
    )
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("A plain-text (UTF-8) or HTML file.")
    )
    published = forms.CharField(
        label=_("Published"), help_text=_("YYYY, YYYY-MM or YYYY-MM-DD: as the article gives it.")
    )
    url = forms.URLField(label=_("URL"), required=False, assume_scheme="https")
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=300,
        help_text=_("The first line (or the page's title) when left empty."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("detect"))] + [(code, code) for code in LANGUAGES],
    )

    def clean_published(self):
        value = self.cleaned_data["published"]
        try:
            parse_partial_date(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        return value

    def clean(self):
        cleaned = super().clean()
        has_text = bool(cleaned.get("text", "").strip())
        if has_text == bool(cleaned.get("file")):
            raise forms.ValidationError(_("Paste the text or upload a file: one of the two."))
        return cleaned


class ProposalForm(forms.ModelForm):
    """Correcting a pending proposal: the fields an editor may change."""

    class Meta:
        model = Proposal
        fields = EDITABLE
        widgets = {"quote": forms.Textarea(attrs={"rows": 4, "cols": 90})}


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)
