"""The public signing page: the personal link of a party, opened without an account.

An unknown token answers 404; a link that was used, revoked or expired, or whose document no
longer waits for this party, answers 410 with the reason. Neither changes anything. The pages
are never cached and send no referrer, so the token stays out of caches and other sites' logs.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from internships.forms.agreements import SignForm
from internships.services.agreement_content import DOCUMENT_LANGUAGE
from internships.services.signatures import (
    Signable,
    signature_request_for_token,
    signature_request_problem,
    signature_sign,
)


def client_ip(request: HttpRequest) -> str | None:
    """The signer's address: REMOTE_ADDR, or behind our TLS proxy (SECURE_PROXY_SSL_HEADER)
    the last address of X-Forwarded-For, the one that proxy added itself."""
    candidates = [request.META.get("REMOTE_ADDR", "")]
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        candidates.insert(0, forwarded.split(",")[-1].strip())
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


@method_decorator(csrf_exempt, name="dispatch")
class SignView(View):
    """No CSRF token: the 256-bit token in the URL already proves the form comes from its
    holder, and with no referrer the browser sends ``Origin: null``, which the CSRF check
    would refuse."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override(DOCUMENT_LANGUAGE):
            signature_request = signature_request_for_token(kwargs["token"])
            if signature_request is None:
                response = render(request, "404.html", status=404)
            else:
                response = super().dispatch(request, signature_request)
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get(self, request, signature_request):
        problem = signature_request_problem(signature_request)
        if problem:
            return self.gone(problem)
        target = Signable.of(signature_request)
        form = SignForm(
            initial={
                "signer_name": signature_request.signer_name,
                "content_hash": target.document.content_hash,
            }
        )
        return self.page(signature_request, target, form)

    def post(self, request, signature_request):
        problem = signature_request_problem(signature_request)
        if problem:
            return self.gone(problem)
        target = Signable.of(signature_request)
        form = SignForm(request.POST)
        if form.is_valid():
            try:
                signature = signature_sign(
                    request=signature_request,
                    signer_name=form.cleaned_data["signer_name"],
                    content_hash=form.cleaned_data["content_hash"],
                    ip_address=client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                context = {"signature": signature, "document": target.document}
                return render(self.request, "agreements/sign_done.html", context)
        return self.page(signature_request, target, form)

    def page(self, signature_request, target: Signable, form) -> HttpResponse:
        context = {
            "signature_request": signature_request,
            "target": target,
            "content": target.document.content,
            "content_hash": target.document.content_hash,
            "form": form,
        }
        return render(self.request, "agreements/sign.html", context)

    def gone(self, problem: str) -> HttpResponse:
        return render(self.request, "agreements/sign_gone.html", {"problem": problem}, status=410)
