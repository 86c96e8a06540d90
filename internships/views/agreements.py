"""Staff pages of a placement's agreement: drafting, versions, links, paper signatures, the end."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from core.views import ServiceFormView, StaffRequiredMixin
from internships.forms.agreements import AgreementForm, AmendForm, EndForm
from internships.models import Agreement, AgreementVersion
from internships.selectors.agreements import signature_request_get_for
from internships.selectors.signatures import Signable
from internships.services import agreements as services
from internships.services import signatures as services_signatures
from internships.views.placements import PlacementChildMixin
from internships.views.signature_forms import PaperSignatureBaseView, SignatureRequestBaseView

AGREEMENT_ANCHOR = "#agreement"


class AgreementMixin(PlacementChildMixin):
    """Views on the agreement of a placement the user may see (404 without one)."""

    @cached_property
    def agreement(self) -> Agreement:
        return get_object_or_404(
            Agreement.objects.select_related("group"), placement=self.placement
        )

    @cached_property
    def version(self) -> AgreementVersion:
        version = get_object_or_404(self.agreement.versions, pk=self.kwargs["pk"])
        version.agreement = self.agreement
        return version

    def card_url(self) -> str:
        """The agreement card on the placement's page."""
        return reverse("internships:placement-detail", args=[self.placement.pk]) + AGREEMENT_ANCHOR


class AgreementChildFormView(AgreementMixin, ServiceFormView):
    """A form on the placement's agreement, shown as a page of the placement; it returns to
    the agreement card. Subclasses pass the page's ``title`` and ``intro``."""

    def get_context_data(self, **kwargs):
        url = reverse("internships:placement-detail", args=[self.placement.pk])
        return super().get_context_data(
            parent=self.placement, parent_url=url, cancel_url=self.card_url(), **kwargs
        )

    def get_success_url(self) -> str:
        return self.card_url()


class AgreementFormView(AgreementChildFormView):
    """Drafts the agreement of a placement, or (``update``) changes the costs of a draft."""

    form_class = AgreementForm
    update = False

    @cached_property
    def existing(self) -> Agreement | None:
        return self.agreement if self.update else None

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.existing}

    def get_context_data(self, **kwargs):
        title = _("Overeenkomst bewerken") if self.existing else _("Overeenkomst opmaken")
        intro = _(
            "De overeenkomst neemt de gegevens van de stage over: partijen, periodes, "
            "uurrooster, activiteitenlijst en risicodocumenten. Hier leg je de afspraken over "
            "de onkosten vast."
        )
        return super().get_context_data(title=title, intro=intro, **kwargs)

    def perform(self, form) -> Agreement:
        if self.existing is None:
            return services.agreement_create(
                placement=self.placement, created_by=self.request.user, **form.cleaned_data
            )
        return services.agreement_update(agreement=self.existing, data=form.cleaned_data)

    def get_success_message(self, agreement: Agreement) -> str:
        if self.existing is None:
            return _("Ontwerp van de overeenkomst gemaakt.")
        return _("Overeenkomst bewaard.")


class VersionDetailView(AgreementMixin, View):
    """The document of one version as the parties see it; a draft shows today's data."""

    def get(self, request, **kwargs):
        version = self.version
        content = version.content
        if version.status == AgreementVersion.Status.DRAFT:
            content = services.version_content(
                self.agreement, number=version.number, reason=version.reason
            )
        context = {
            "placement": self.placement,
            "agreement": self.agreement,
            "version": version,
            "content": content,
            "signatures": version.signatures.select_related("recorded_by"),
        }
        return render(request, "agreements/version_detail.html", context)


class VersionActionView(AgreementMixin, View, ABC):
    """A button on the agreement card that moves a version along."""

    http_method_names = ["post"]

    @abstractmethod
    def act(self, version: AgreementVersion) -> str:
        """Moves the version; returns the message for the user."""

    def post(self, request, **kwargs):
        try:
            messages.success(request, self.act(self.version))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(self.card_url())


class VersionReadyView(VersionActionView):
    def act(self, version):
        services.version_make_ready(version=version, user=self.request.user)
        return _("Versie %(number)s is klaar voor ondertekening; stuur nu de links.") % {
            "number": version.number
        }


class VersionWithdrawView(VersionActionView):
    def act(self, version):
        draft = services.version_withdraw(version=version, user=self.request.user)
        return _("Versie %(old)s is ingetrokken; versie %(new)s is een nieuw ontwerp.") % {
            "old": version.number,
            "new": draft.number,
        }


class AgreementAmendView(AgreementChildFormView):
    """Starts an amendment of the agreement: a new version that the parties sign again. The page
    names the agreement, so a placement without one answers 404."""

    form_class = AmendForm

    def get_context_data(self, **kwargs):
        intro = _(
            "Een ondertekende versie verandert niet meer. Een aanhangsel is een nieuwe versie "
            "die de drie partijen opnieuw ondertekenen; tot dan blijft de vorige versie gelden."
        )
        return super().get_context_data(
            agreement=self.agreement, title=_("Aanhangsel maken"), intro=intro, **kwargs
        )

    def perform(self, form) -> AgreementVersion:
        return services.agreement_amend(
            agreement=self.agreement, reason=form.cleaned_data["reason"], user=self.request.user
        )

    def get_success_message(self, version: AgreementVersion) -> str:
        return _("Aanhangsel (versie %(number)s) gemaakt: pas de stage aan en maak het klaar.") % {
            "number": version.number
        }


class AgreementEndView(AgreementChildFormView):
    """Ends a running agreement, or terminates one before its end (date and reason). The page
    names the agreement, so a placement without one answers 404."""

    form_class = EndForm
    outcome = Agreement.Status.ENDED

    def get_context_data(self, **kwargs):
        if self.outcome == Agreement.Status.ENDED:
            title, intro = _("Overeenkomst beëindigen"), ""
        else:
            title = _("Overeenkomst voortijdig stopzetten")
            intro = _("Een stopgezette overeenkomst kan niet meer ondertekend of gewijzigd worden.")
        return super().get_context_data(
            agreement=self.agreement, title=title, intro=intro, **kwargs
        )

    def perform(self, form) -> Agreement:
        if self.outcome == Agreement.Status.ENDED:
            return services.agreement_end(agreement=self.agreement, **form.cleaned_data)
        return services.agreement_terminate(agreement=self.agreement, **form.cleaned_data)

    def get_success_message(self, agreement: Agreement) -> str:
        return _("Overeenkomst %(status)s.") % {"status": agreement.get_status_display()}


class VersionSignatureMixin(AgreementMixin):
    """The signature forms on a version of the placement's agreement."""

    @cached_property
    def target(self) -> Signable:
        return Signable(version=self.version)

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def get_success_url(self) -> str:
        return self.card_url()


class SignatureRequestFormView(VersionSignatureMixin, SignatureRequestBaseView):
    pass


class PaperSignatureFormView(VersionSignatureMixin, PaperSignatureBaseView):
    pass


class SignatureRequestRevokeView(StaffRequiredMixin, View):
    """Revokes a link of a document the user may see; the link stops working at once."""

    http_method_names = ["post"]

    def post(self, request, pk):
        signature_request = signature_request_get_for(request.principal, pk)
        try:
            services_signatures.signature_request_revoke(request=signature_request)
            messages.success(
                request,
                _("De link van %(name)s is ingetrokken.") % {"name": signature_request.signer_name},
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        if signature_request.version_id:
            placement_pk = signature_request.version.agreement.placement_id
            url = reverse("internships:placement-detail", args=[placement_pk]) + AGREEMENT_ANCHOR
        else:
            url = reverse(
                "internships:group-agreement-detail", args=[signature_request.group_agreement_id]
            )
        return redirect(url)
