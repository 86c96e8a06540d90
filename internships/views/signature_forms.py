"""The two ways a party signs, shared by agreement versions and group agreements: a personal
link by e-mail, or a paper signature recorded with its scan."""

from abc import abstractmethod

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views import ServiceFormView
from internships.forms.agreements import PaperSignatureForm, SignatureRequestForm
from internships.models import Party, Signature, SignatureRequest, User
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


class SignatureFormView(ServiceFormView):
    """A form for one party still to sign ``target``, beside the signer proposals.

    A subclass names the document as ``target`` (404 outside the user's reach) and the page that
    shows its signatures as :meth:`get_success_url`. The form opens only while the document is
    ready for signing; ``?voorstel=`` fills in one of the proposals.
    """

    template_name = "agreements/signature_form.html"
    title = ""

    @property
    @abstractmethod
    def target(self) -> Signable:
        """The document, if the user may see it (else 404)."""

    @cached_property
    def proposals(self) -> list[dict[str, str]]:
        return signer_proposals(self.target, self.request.principal.user)

    def get(self, request, *args, **kwargs):
        if not self.target.is_ready:
            messages.error(request, _("Dit document is niet klaar voor ondertekening."))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self) -> dict:
        choice = self.request.GET.get("voorstel", "")
        if choice.isdigit() and int(choice) < len(self.proposals):
            return self.proposals[int(choice)]
        return {}

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "parties": self.target.missing_parties()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.target,
            document=self.target.document,
            proposals=self.proposals,
            title=self.title,
            cancel_url=self.get_success_url(),
            **kwargs,
        )


class SignatureRequestBaseView(SignatureFormView):
    """Sends a party a personal link to sign the document online."""

    form_class = SignatureRequestForm
    title = gettext_lazy("Ondertekeningslink sturen")

    def perform(self, form) -> SignatureRequest:
        return services.signature_request_create(
            **self.target.lookup, created_by=self.request.user, **form.cleaned_data
        )

    def get_success_message(self, signature_request: SignatureRequest) -> str:
        return _("Een persoonlijke link is verstuurd naar %(email)s.") % {
            "email": signature_request.email
        }


class PaperSignatureBaseView(SignatureFormView):
    """Records a party's signature on paper, with the scan of the signed document."""

    form_class = PaperSignatureForm
    title = gettext_lazy("Handtekening op papier registreren")

    def perform(self, form) -> Signature:
        return services.signature_record_paper(
            **self.target.lookup, user=self.request.user, **form.cleaned_data
        )

    def get_success_message(self, signature: Signature) -> str:
        return _("Handtekening van %(name)s geregistreerd.") % {"name": signature.signer_name}
