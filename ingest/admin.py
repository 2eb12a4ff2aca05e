"""The review queue: ingest an article, then accept, correct or reject what
the extractor proposes from it. Nothing is published from here: accepted
records are drafts."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from ingest import accept as decisions
from ingest.forms import IngestForm, ProposalForm, RejectForm
from ingest.models import Decision, Proposal
from ingest.review import describe_effect, highlight
from ingest.services import Article, IngestError, ingest_article

QUEUE_PAGE = 50  # proposals per page of the queue


def _errors(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    form = ProposalForm
    change_form_template = "admin/ingest/proposal/change_form.html"
    change_list_template = "admin/ingest/proposal/change_list.html"
    list_display = ("__str__", "source", "date", "confidence", "decision", "decided_by")
    list_filter = ("decision", "kind")
    list_select_related = ("source", "decided_by")
    search_fields = ("target_slug", "title", "quote", "source__slug")
    actions = ("accept_selected",)
    readonly_fields = (
        "source",
        "kind",
        "effect",
        "confidence",
        "reason",
        "decision",
        "decided_by",
        "decided_at",
        "reject_reason",
        "created_record",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__text")

    def has_add_permission(self, request):
        return False  # proposals come from ingesting an article

    def get_fields(self, request, obj=None):
        editable = (
            decisions.EDITABLE if obj is not None and obj.decision == Decision.PENDING else ()
        )
        return (*self.readonly_fields[:5], *editable, *self.readonly_fields[5:])

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.decision != Decision.PENDING:
            return (*self.readonly_fields, *decisions.EDITABLE)
        return self.readonly_fields

    @admin.display(description=gettext_lazy("if accepted"))
    def effect(self, obj):
        return describe_effect(obj)

    def save_model(self, request, obj, form, change):
        """Saving is accepting, with the corrections: a pending proposal is
        never changed without a decision (its history would not say why)."""
        changes = {name: form.cleaned_data[name] for name in decisions.EDITABLE}
        decisions.accept(obj, user=request.user, changes=changes)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            self.message_user(request, _("Not accepted: %s") % _errors(exc), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def response_change(self, request, obj):
        self.message_user(request, _("Accepted, with your corrections: %s") % obj, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:ingest_proposal_review"))

    @admin.action(
        description=gettext_lazy("Accept the selected proposals (as drafts)"),
        permissions=("change",),
    )
    def accept_selected(self, request, queryset):
        accepted, failed = 0, []
        for proposal in queryset.filter(decision=Decision.PENDING).order_by("source", "position"):
            try:
                decisions.accept(proposal, user=request.user)
                accepted += 1
            except ValidationError as exc:
                failed.append(f"{proposal}: {_errors(exc)}")
        self.message_user(request, _("%(count)d accepted.") % {"count": accepted}, messages.SUCCESS)
        for failure in failed:
            self.message_user(request, _("Not accepted: %s") % failure, messages.ERROR)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("review/", wrap(self.review_view), name="ingest_proposal_review"),
            path("ingest/", wrap(self.ingest_view), name="ingest_proposal_ingest"),
            path("<int:pk>/accept/", wrap(self.accept_view), name="ingest_proposal_accept"),
            path("<int:pk>/reject/", wrap(self.reject_view), name="ingest_proposal_reject"),
            *super().get_urls(),
        ]

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }

    def review_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        queue = Proposal.objects.pending().for_review().order_by("source", "position", "pk")
        source = request.GET.get("source")
        if source:
            queue = queue.filter(source__slug=source)
        page = Paginator(queue, QUEUE_PAGE).get_page(request.GET.get("page"))
        items = [(p, highlight(p), describe_effect(p)) for p in page.object_list]
        context = self._context(
            request, _("Proposals to review"), items=items, page=page, reject_form=RejectForm()
        )
        return TemplateResponse(request, "admin/ingest/review.html", context)

    def _back(self, request):
        return HttpResponseRedirect(
            request.POST.get("next") or reverse("admin:ingest_proposal_review")
        )

    def accept_view(self, request, pk):
        return require_POST(self._accept)(request, pk)

    def _accept(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        proposal = get_object_or_404(Proposal, pk=pk)
        try:
            record = decisions.accept(proposal, user=request.user)
        except ValidationError as exc:
            self.message_user(request, _("Not accepted: %s") % _errors(exc), messages.ERROR)
        else:
            self.message_user(request, _("Accepted: %s (a draft)") % record, messages.SUCCESS)
        return self._back(request)

    def reject_view(self, request, pk):
        return require_POST(self._reject)(request, pk)

    def _reject(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        proposal = get_object_or_404(Proposal, pk=pk)
        form = RejectForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Say why the proposal is rejected."))
            decisions.reject(proposal, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            self.message_user(request, _("Not rejected: %s") % _errors(exc), messages.ERROR)
        else:
            self.message_user(request, _("Rejected: %s") % proposal, messages.SUCCESS)
        return self._back(request)

    def ingest_view(self, request):
        if not (
            self.has_change_permission(request) and request.user.has_perm("evidence.add_source")
        ):
            raise PermissionDenied
        form = IngestForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            article = Article(
                data=upload.read() if upload else data["text"],
                name=upload.name if upload else _("the pasted text"),
                published=data["published"],
                url=data["url"],
                publisher=data["publisher"],
                title=data["title"],
                language=data["language"],
            )
            try:
                result = ingest_article(article)
            except IngestError as exc:
                form.add_error(None, str(exc))
            else:
                count = len(result.stored)
                self.message_user(
                    request,
                    _("Stored %(source)s as a draft source, with %(count)d proposals to review.")
                    % {"source": result.source.slug, "count": count},
                    messages.SUCCESS,
                )
                url = reverse("admin:ingest_proposal_review") + f"?source={result.source.slug}"
                return HttpResponseRedirect(url)
        context = self._context(request, _("Ingest an article"), form=form)
        return TemplateResponse(request, "admin/ingest/ingest_article.html", context)
