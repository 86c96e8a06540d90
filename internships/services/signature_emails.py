"""The e-mail that brings a signer their personal link (sent by ``internships.tasks``)."""

import hashlib
import hmac

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from internships.models import SignatureRequest
from internships.services.agreement_content import DOCUMENT_LANGUAGE


def signing_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("internships:sign", args=[token])


def signature_request_send(*, request_pk: int, token: str) -> bool:
    """Sends the link of a request once; a revoked, used or already sent one is skipped.

    Returns whether a message went out. The token must be the request's own.
    """
    request = (
        SignatureRequest.objects.select_related(
            "version__agreement__placement__student",
            "version__agreement__placement__host",
            "version__agreement__placement__school",
            "group_agreement__host",
            "group_agreement__school",
        )
        .filter(pk=request_pk)
        .first()
    )
    if request is None or request.sent_at or request.revoked_at or request.used_at:
        return False
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
    if not hmac.compare_digest(digest, request.token_hash):
        return False
    placement = request.version.agreement.placement if request.version else None
    group = request.group_agreement
    context = {
        "request": request,
        "url": signing_url(token),
        "placement": placement,
        "group_agreement": group,
        "school": placement.school if placement else group.school,
        "host": placement.host if placement else group.host,
        "expires_at": timezone.localtime(request.expires_at),
    }
    with translation.override(DOCUMENT_LANGUAGE):
        subject = " ".join(
            render_to_string("agreements/emails/signature_request_subject.txt", context).split()
        )
        text = render_to_string("agreements/emails/signature_request.txt", context)
        html = render_to_string("agreements/emails/signature_request.html", context)
    message = EmailMultiAlternatives(subject, text, to=[request.email])
    message.attach_alternative(html, "text/html")
    message.send()
    request.sent_at = timezone.now()
    request.save(update_fields=["sent_at"])
    return True
