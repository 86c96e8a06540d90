"""Staff pages of a placement's agreement: drafting, versions, links, paper signatures, the end."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from core.views import StaffRequiredMixin
from internships.forms.agreements import AgreementForm, AmendForm, EndForm
from internships.models import Agreement, AgreementVersion, Placement
from internships.selectors.agreements import signature_request_get_for
from internships.selectors.signatures import Signable
from internships.services import agreements as services
from internships.services import signatures as services_signatures
from internships.views.placements import PlacementChildMixin
from internships.views.signature_forms import PaperSignatureBaseView, SignatureRequestBaseView

AGREEMENT_ANCHOR = "#agreement"


class AgreementMixin(PlacementChildMixin):
    """Views on the agreement of a placement the user may see (404 without one)."""

    def get_agreement(self, placement: Placement) -> Agreement:
        return get_object_or_404(Agreement.objects.select_related("group"), placement=placement)

    def get_version(self, agreement: Agreement) -> AgreementVersion:
        version = get_object_or_404(agreement.versions, pk=self.kwargs["pk"])
        version.agreement = agreement
        return version

    def back(self, placement: Placement, message: str | None = None) -> HttpResponse:
        if message:
            messages.success(self.request, message)
        return redirect(
            reverse("internships:placement-detail", args=[placement.pk]) + AGREEMENT_ANCHOR
        )

    def refused(self, placement: Placement, error: ValidationError) -> HttpResponse:
        for message in error.messages:
            messages.error(self.request, message)
        return self.back(placement)

    def render_form(self, placement, form, *, title: str, intro: str = "", **extra):
        url = reverse("internships:placement-detail", args=[placement.pk])
        context = {
            "form": form,
            "title": title,
            "intro": intro,
            "parent": placement,
            "parent_url": url,
            "cancel_url": url + AGREEMENT_ANCHOR,
            **extra,
        }
        return render(self.request, "internships/child_form.html", context)


class AgreementFormView(AgreementMixin, View):
    """Drafts the agreement of a placement, or (``update``) changes the costs of a draft."""

    update = False

    def get_existing(self, placement):
        return self.get_agreement(placement) if self.update else None

    def get(self, request, **kwargs):
        placement = self.get_placement()
        agreement = self.get_existing(placement)
        return self.render_page(placement, AgreementForm(instance=agreement), agreement)

    def post(self, request, **kwargs):
        placement = self.get_placement()
        agreement = self.get_existing(placement)
        form = AgreementForm(request.POST, instance=agreement)
        if form.is_valid():
            try:
                if agreement is None:
                    services.agreement_create(
                        placement=placement, created_by=request.user, **form.cleaned_data
                    )
                    return self.back(placement, _("Ontwerp van de overeenkomst gemaakt."))
                services.agreement_update(agreement=agreement, data=form.cleaned_data)
                return self.back(placement, _("Overeenkomst bewaard."))
            except ValidationError as error:
                form.add_error(None, error)
        return self.render_page(placement, form, agreement)

    def render_page(self, placement, form, agreement):
        title = _("Overeenkomst bewerken") if agreement else _("Overeenkomst opmaken")
        intro = _(
            "De overeenkomst neemt de gegevens van de stage over: partijen, periodes, "
            "uurrooster, activiteitenlijst en risicodocumenten. Hier leg je de afspraken over "
            "de onkosten vast."
        )
        return self.render_form(placement, form, title=title, intro=intro)


class VersionDetailView(AgreementMixin, View):
    """The document of one version as the parties see it; a draft shows today's data."""

    def get(self, request, **kwargs):
        placement = self.get_placement()
        agreement = self.get_agreement(placement)
        version = self.get_version(agreement)
        content = version.content
        if version.status == AgreementVersion.Status.DRAFT:
            content = services.version_content(
                agreement, number=version.number, reason=version.reason
            )
        context = {
            "placement": placement,
            "agreement": agreement,
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
        placement = self.get_placement()
        version = self.get_version(self.get_agreement(placement))
        try:
            message = self.act(version)
        except ValidationError as error:
            return self.refused(placement, error)
        return self.back(placement, message)


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


class AgreementAmendView(AgreementMixin, View):
    def get(self, request, **kwargs):
        placement = self.get_placement()
        self.get_agreement(placement)
        return self.render_page(placement, AmendForm())

    def post(self, request, **kwargs):
        placement = self.get_placement()
        agreement = self.get_agreement(placement)
        form = AmendForm(request.POST)
        if form.is_valid():
            try:
                version = services.agreement_amend(
                    agreement=agreement, reason=form.cleaned_data["reason"], user=request.user
                )
                return self.back(
                    placement,
                    _("Aanhangsel (versie %(number)s) gemaakt: pas de stage aan en maak het klaar.")
                    % {"number": version.number},
                )
            except ValidationError as error:
                form.add_error(None, error)
        return self.render_page(placement, form)

    def render_page(self, placement, form):
        intro = _(
            "Een ondertekende versie verandert niet meer. Een aanhangsel is een nieuwe versie "
            "die de drie partijen opnieuw ondertekenen; tot dan blijft de vorige versie gelden."
        )
        return self.render_form(placement, form, title=_("Aanhangsel maken"), intro=intro)


class AgreementEndView(AgreementMixin, View):
    """Ends a running agreement, or terminates one before its end (date and reason)."""

    outcome = Agreement.Status.ENDED

    def get(self, request, **kwargs):
        placement = self.get_placement()
        self.get_agreement(placement)
        return self.render_page(placement, EndForm())

    def post(self, request, **kwargs):
        placement = self.get_placement()
        agreement = self.get_agreement(placement)
        form = EndForm(request.POST)
        if form.is_valid():
            end = (
                services.agreement_end
                if self.outcome == Agreement.Status.ENDED
                else services.agreement_terminate
            )
            try:
                end(agreement=agreement, **form.cleaned_data)
                return self.back(
                    placement,
                    _("Overeenkomst %(status)s.") % {"status": agreement.get_status_display()},
                )
            except ValidationError as error:
                form.add_error(None, error)
        return self.render_page(placement, form)

    def render_page(self, placement, form):
        if self.outcome == Agreement.Status.ENDED:
            return self.render_form(placement, form, title=_("Overeenkomst beëindigen"))
        intro = _("Een stopgezette overeenkomst kan niet meer ondertekend of gewijzigd worden.")
        return self.render_form(
            placement, form, title=_("Overeenkomst voortijdig stopzetten"), intro=intro
        )


class VersionSignatureMixin(AgreementMixin):
    """The signature forms on a version of the placement's agreement."""

    def get_target(self) -> Signable:
        self.placement = self.get_placement()
        return Signable(version=self.get_version(self.get_agreement(self.placement)))

    def done_url(self) -> str:
        return reverse("internships:placement-detail", args=[self.placement.pk]) + AGREEMENT_ANCHOR

    def page_context(self) -> dict:
        return {"placement": self.placement, "cancel_url": self.done_url()}


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
