"""The signing page of a personal link: the exact document, and the signature.

The session is bound to the link (``portal.views.links``), so the page carries no token. A link
that was used or revoked, or whose document no longer waits for this party, answers 410 with
the reason; neither changes anything. The pages are never cached.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.views import View

from core.http import client_ip
from core.principals import Capability
from core.views import LinkRequiredMixin
from internships.forms.agreements import SignForm
from internships.models import SignatureRequest
from internships.selectors.agreement_content import DOCUMENT_LANGUAGE
from internships.selectors.signatures import Signable
from internships.services.signatures import signature_request_problem, signature_sign


class SignView(LinkRequiredMixin, View):
    required_capability = Capability.SIGN

    def dispatch(self, request, *args, **kwargs):
        with translation.override(DOCUMENT_LANGUAGE):
            response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    @cached_property
    def signature_request(self) -> SignatureRequest:
        queryset = SignatureRequest.objects.select_related(
            "link", "version__agreement__placement", "group_agreement"
        )
        return get_object_or_404(queryset, link_id=self.request.principal.link_id)

    @cached_property
    def target(self) -> Signable:
        return Signable.of(self.signature_request)

    def get(self, request):
        if problem := signature_request_problem(self.signature_request):
            return self.gone(problem)
        initial = {
            "signer_name": self.signature_request.signer_name,
            "content_hash": self.target.document.content_hash,
        }
        return self.page(SignForm(initial=initial))

    def post(self, request):
        if problem := signature_request_problem(self.signature_request):
            return self.gone(problem)
        form = SignForm(request.POST)
        if form.is_valid():
            try:
                signature = signature_sign(
                    principal=request.principal,
                    request=self.signature_request,
                    signer_name=form.cleaned_data["signer_name"],
                    content_hash=form.cleaned_data["content_hash"],
                    ip_address=client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                context = {"signature": signature, "document": self.target.document}
                return render(request, "agreements/sign_done.html", context)
        return self.page(form)

    def page(self, form) -> HttpResponse:
        context = {
            "signature_request": self.signature_request,
            "target": self.target,
            "content": self.target.document.content,
            "content_hash": self.target.document.content_hash,
            "form": form,
        }
        return render(self.request, "agreements/sign.html", context)

    def gone(self, problem: str) -> HttpResponse:
        return render(self.request, "portal/link_gone.html", {"problem": problem}, status=410)
