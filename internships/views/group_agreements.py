"""Global agreements for a host taking many pupils (coordinators; 8.1.2)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from core.views import CoordinatorRequiredMixin
from internships.forms.agreements import GroupAgreementForm
from internships.models import Agreement, GroupAgreement
from internships.selectors.agreements import group_agreement_get_for
from internships.selectors.hosts import host_get_for
from internships.selectors.panels import group_member_rows
from internships.selectors.placements import placements_visible_to
from internships.selectors.signatures import Signable, pending_signers
from internships.services import group_agreements as services
from internships.views.signature_forms import PaperSignatureBaseView, SignatureRequestBaseView


class GroupAgreementCreateView(CoordinatorRequiredMixin, View):
    def get_candidates(self, host):
        """Placements at the host this year whose agreement can still join a group."""
        return (
            placements_visible_to(self.request.principal)
            .active()
            .filter(host=host, school_year=self.request.school_year)
            .filter(
                Q(agreement__isnull=True)
                | Q(agreement__status=Agreement.Status.DRAFT, agreement__group__isnull=True)
            )
            .select_related("student")
            .order_by("student__last_name", "student__first_name")
        )

    def get(self, request, host_pk):
        host = host_get_for(request.principal, host_pk)
        initial = {
            "title": _("Globale overeenkomst %(host)s %(year)s")
            % {"host": host, "year": request.school_year}
        }
        form = GroupAgreementForm(initial=initial, placements=self.get_candidates(host))
        return self.render(host, form)

    def post(self, request, host_pk):
        host = host_get_for(request.principal, host_pk)
        form = GroupAgreementForm(request.POST, placements=self.get_candidates(host))
        if form.is_valid():
            try:
                group = services.group_agreement_create(
                    school=request.user.school,
                    host=host,
                    school_year=request.school_year,
                    placements=list(form.cleaned_data["placements"]),
                    title=form.cleaned_data["title"],
                )
                messages.success(request, _("Globale overeenkomst aangemaakt."))
                return redirect("internships:group-agreement-detail", group.pk)
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(host, form)

    def render(self, host, form):
        url = reverse("internships:host-detail", args=[host.pk])
        context = {
            "form": form,
            "title": _("Globale overeenkomst"),
            "intro": _(
                "De school en de stagegever ondertekenen één overeenkomst met alle leerlingen; "
                "elke leerling (of een ouder) ondertekent daarna een persoonlijke bijlage."
            ),
            "parent": host,
            "parent_url": url,
            "cancel_url": url,
        }
        return render(self.request, "internships/child_form.html", context)


class GroupAgreementDetailView(CoordinatorRequiredMixin, View):
    def get(self, request, pk):
        group = group_agreement_get_for(request.principal, pk)
        content = group.content
        if group.status == GroupAgreement.Status.DRAFT:
            content = services.group_agreement_content(group)
        target = Signable(group_agreement=group)
        signatures = list(group.signatures.select_related("recorded_by"))
        requests = list(group.signature_requests.select_related("link").order_by("created_at"))
        open_requests = [r for r in requests if r.is_open]
        context = {
            "group": group,
            "content": content,
            "content_hash": group.content_hash,
            "signatures": signatures,
            "requests": requests,
            "pending": pending_signers(content, target.required_parties, signatures, open_requests),
            "members": group_member_rows(group),
        }
        return render(request, "internships/group_agreement_detail.html", context)


class GroupAgreementReadyView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        group = group_agreement_get_for(request.principal, pk)
        try:
            services.group_agreement_make_ready(group_agreement=group, user=request.user)
            messages.success(request, _("De globale overeenkomst is klaar voor ondertekening."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("internships:group-agreement-detail", group.pk)


class GroupSignatureMixin(CoordinatorRequiredMixin):
    def get_target(self) -> Signable:
        self.group = group_agreement_get_for(self.request.principal, self.kwargs["pk"])
        return Signable(group_agreement=self.group)

    def done_url(self) -> str:
        return reverse("internships:group-agreement-detail", args=[self.group.pk])

    def page_context(self) -> dict:
        return {"group": self.group, "cancel_url": self.done_url()}


class GroupSignatureRequestView(GroupSignatureMixin, SignatureRequestBaseView):
    pass


class GroupPaperSignatureView(GroupSignatureMixin, PaperSignatureBaseView):
    pass
