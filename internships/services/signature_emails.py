"""The e-mail that brings a signer their personal link (sent by ``internships.tasks``)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

from internships.models import SignatureRequest
from internships.selectors.agreement_content import DOCUMENT_LANGUAGE
from internships.services.access_links import access_link_issue, access_link_url


def signature_request_send(*, request_pk: int) -> bool:
    """Issues the request's link and e-mails it, once; a revoked, expired, used or already sent
    one is skipped. Returns whether a message went out."""
    request = (
        SignatureRequest.objects.select_related(
            "link",
            "version__agreement__placement__student",
            "version__agreement__placement__host",
            "version__agreement__placement__school",
            "group_agreement__host",
            "group_agreement__school",
        )
        .filter(pk=request_pk)
        .first()
    )
    if request is None or request.sent_at or request.used_at or not request.link.is_usable:
        return False
    token = access_link_issue(link=request.link)
    placement = request.version.agreement.placement if request.version else None
    group = request.group_agreement
    context = {
        "request": request,
        "url": access_link_url(token),
        "placement": placement,
        "group_agreement": group,
        "school": placement.school if placement else group.school,
        "host": placement.host if placement else group.host,
        "expires_at": timezone.localtime(request.link.expires_at),
    }
    with translation.override(DOCUMENT_LANGUAGE):
        subject = " ".join(
            render_to_string("agreements/emails/signature_request_subject.txt", context).split()
        )
        text = render_to_string("agreements/emails/signature_request.txt", context)
        html = render_to_string("agreements/emails/signature_request.html", context)
    message = EmailMultiAlternatives(subject, text, to=[request.link.email])
    message.attach_alternative(html, "text/html")
    message.send()
    request.sent_at = timezone.now()
    request.save(update_fields=["sent_at"])
    return True
