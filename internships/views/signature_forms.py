"""The two ways a party signs, shared by agreement versions and group agreements: a personal
link by e-mail, or a paper signature recorded with its scan."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from internships.forms.agreements import PaperSignatureForm, SignatureRequestForm
from internships.models import Party, User
from internships.selectors.agreement_content import DOCUMENT_LANGUAGE
from internships.selectors.signatures import Signable
from internships.services import signatures as services


def _proposal(party: str, name: str, role: str, email: str) -> dict[str, str]:
    return {
        "party": party,
        "party_label": str(Party(party).label),
        "signer_name": name,
        "signer_role": str(role),
        "email": email,
    }


def signer_proposals(target: Signable, user: User) -> list[dict[str, str]]:
    """Who usually signs for each party still to sign: for a minor the parents or guardians
    who may sign (8.1.2), an adult pupil themselves, the school's head or the user, the host's
    representative or the mentor. Roles are stored, so they are in the document's language."""
    missing = target.missing_parties()
    placement = target.version.agreement.placement if target.version else None
    school = placement.school if placement else target.group_agreement.school
    host = placement.host if placement else target.group_agreement.host
    proposals = []
    with translation.override(DOCUMENT_LANGUAGE):
        if Party.STUDENT in missing:
            student = placement.student
            if target.version.content["parties"]["student"]["minor"]:
                for guardian in student.guardians.filter(may_sign=True).exclude(email=""):
                    role = _("%(relationship)s van %(student)s") % {
                        "relationship": guardian.get_relationship_display(),
                        "student": student.full_name,
                    }
                    name = f"{guardian.first_name} {guardian.last_name}"
                    proposals.append(_proposal(Party.STUDENT, name, role, guardian.email))
            elif student.email:
                proposals.append(
                    _proposal(Party.STUDENT, student.full_name, Party.STUDENT.label, student.email)
                )
        if Party.SCHOOL in missing:
            proposals.append(
                _proposal(Party.SCHOOL, school.head_name, _("directeur"), school.email)
            )
            if user.email:
                name = user.get_full_name() or user.username
                proposals.append(_proposal(Party.SCHOOL, name, user.get_role_display(), user.email))
        if Party.HOST in missing:
            if host.representative_name and host.email:
                role = host.representative_title or _("vertegenwoordiger")
                proposals.append(_proposal(Party.HOST, host.representative_name, role, host.email))
            mentor = placement.mentor if placement else None
            if mentor is not None:
                role = mentor.job_title or _("stagementor")
                proposals.append(_proposal(Party.HOST, mentor.full_name, role, mentor.email))
    return proposals


class SignatureTargetMixin(ABC):
    """What the signature forms act on and where they return to."""

    template_name = "agreements/signature_form.html"
    form_class: type = None
    title = ""

    @abstractmethod
    def get_target(self) -> Signable:
        """The document, if the user may see it (else 404)."""

    @abstractmethod
    def done_url(self) -> str:
        """The page that shows the document's signatures."""

    @abstractmethod
    def page_context(self) -> dict:
        """Breadcrumbs and the like for the form page."""

    def proposal(self, proposals: list[dict]) -> dict:
        choice = self.request.GET.get("voorstel", "")
        return proposals[int(choice)] if choice.isdigit() and int(choice) < len(proposals) else {}

    def get(self, request, **kwargs):
        target = self.get_target()
        if not target.is_ready:
            messages.error(request, _("Dit document is niet klaar voor ondertekening."))
            return redirect(self.done_url())
        proposals = signer_proposals(target, request.principal.user)
        form = self.form_class(initial=self.proposal(proposals), parties=target.missing_parties())
        return self.render(target, form, proposals)

    def post(self, request, **kwargs):
        target = self.get_target()
        form = self.form_class(request.POST, request.FILES, parties=target.missing_parties())
        if form.is_valid():
            try:
                message = self.save(target, form.cleaned_data)
                messages.success(request, message)
                return redirect(self.done_url())
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(target, form, signer_proposals(target, request.principal.user))

    @abstractmethod
    def save(self, target: Signable, data: dict) -> str:
        """Records the request or signature; returns the message for the user."""

    def render(self, target, form, proposals):
        context = {
            "target": target,
            "document": target.document,
            "form": form,
            "proposals": proposals,
            "title": self.title,
            **self.page_context(),
        }
        return render(self.request, self.template_name, context)


class SignatureRequestBaseView(SignatureTargetMixin, View):
    form_class = SignatureRequestForm

    @property
    def title(self) -> str:
        return _("Ondertekeningslink sturen")

    def save(self, target, data):
        request = services.signature_request_create(
            **target.lookup, created_by=self.request.user, **data
        )
        return _("Een persoonlijke link is verstuurd naar %(email)s.") % {"email": request.email}


class PaperSignatureBaseView(SignatureTargetMixin, View):
    form_class = PaperSignatureForm

    @property
    def title(self) -> str:
        return _("Handtekening op papier registreren")

    def save(self, target, data):
        signature = services.signature_record_paper(**target.lookup, user=self.request.user, **data)
        return _("Handtekening van %(name)s geregistreerd.") % {"name": signature.signer_name}
