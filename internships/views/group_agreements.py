"""Global agreements for a host taking many pupils (coordinators; 8.1.2)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.views import CoordinatorRequiredMixin, ServiceFormView
from internships.forms.agreements import GroupAgreementForm
from internships.models import Agreement, GroupAgreement, Host
from internships.selectors.agreements import group_agreement_get_for
from internships.selectors.hosts import host_get_for
from internships.selectors.panels import group_member_rows
from internships.selectors.placements import placements_visible_to
from internships.selectors.signatures import Signable, pending_signers
from internships.services import group_agreements as services
from internships.views.signature_forms import PaperSignatureBaseView, SignatureRequestBaseView


class GroupAgreementCreateView(CoordinatorRequiredMixin, ServiceFormView):
    """Makes one global agreement for pupils placed at a host this year."""

    form_class = GroupAgreementForm
    success_message = gettext_lazy("Globale overeenkomst aangemaakt.")

    @cached_property
    def host(self) -> Host:
        return host_get_for(self.request.principal, self.kwargs["host_pk"])

    def get_candidates(self):
        """Placements at the host this year whose agreement can still join a group."""
        return (
            placements_visible_to(self.request.principal)
            .active()
            .filter(host=self.host, school_year=self.request.school_year)
            .filter(
                Q(agreement__isnull=True)
                | Q(agreement__status=Agreement.Status.DRAFT, agreement__group__isnull=True)
            )
            .select_related("student")
            .order_by("student__last_name", "student__first_name")
        )

    def get_initial(self) -> dict:
        title = _("Globale overeenkomst %(host)s %(year)s") % {
            "host": self.host,
            "year": self.request.school_year,
        }
        return {"title": title}

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "placements": self.get_candidates()}

    def get_context_data(self, **kwargs):
        url = reverse("internships:host-detail", args=[self.host.pk])
        return super().get_context_data(
            title=_("Globale overeenkomst"),
            intro=_(
                "De school en de stagegever ondertekenen één overeenkomst met alle leerlingen; "
                "elke leerling (of een ouder) ondertekent daarna een persoonlijke bijlage."
            ),
            parent=self.host,
            parent_url=url,
            cancel_url=url,
            **kwargs,
        )

    def perform(self, form) -> GroupAgreement:
        return services.group_agreement_create(
            school=self.request.user.school,
            host=self.host,
            school_year=self.request.school_year,
            placements=list(form.cleaned_data["placements"]),
            title=form.cleaned_data["title"],
        )

    def get_success_url(self) -> str:
        return reverse("internships:group-agreement-detail", args=[self.result.pk])


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
    """The signature forms on a global agreement the coordinator may see."""

    @cached_property
    def group(self) -> GroupAgreement:
        return group_agreement_get_for(self.request.principal, self.kwargs["pk"])

    @cached_property
    def target(self) -> Signable:
        return Signable(group_agreement=self.group)

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, **kwargs)

    def get_success_url(self) -> str:
        return reverse("internships:group-agreement-detail", args=[self.group.pk])


class GroupSignatureRequestView(GroupSignatureMixin, SignatureRequestBaseView):
    pass


class GroupPaperSignatureView(GroupSignatureMixin, PaperSignatureBaseView):
    pass
