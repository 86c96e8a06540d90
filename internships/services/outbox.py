"""Sending a queued notification (for the task): render it in Dutch, issue its link, send it.

A notification carrying a personal link issues the link's token at the moment it is sent; the
outbox keeps the text with the link left out, so nothing secret is stored. A message without an
HTML template of its own is sent in the plain layout (``emails/layout.html``).
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from internships.models import Notification, School
from internships.services.access_links import (
    access_link_issue,
    access_link_problem,
    access_link_url,
)

LINK_PLACEHOLDER = "[persoonlijke link]"


def _with_dates(context: dict[str, Any]) -> dict[str, Any]:
    """ISO strings under ``*_at`` / ``*_on`` keys become datetimes and dates again."""
    rendered = {}
    for key, value in context.items():
        if isinstance(value, str) and key.endswith("_at"):
            value = timezone.localtime(datetime.datetime.fromisoformat(value))
        elif isinstance(value, str) and key.endswith("_on"):
            value = datetime.date.fromisoformat(value)
        rendered[key] = value
    return rendered


def notification_send(*, notification_pk: int) -> bool:
    """Sends a queued notification once; returns whether a message went out.

    A notification whose personal link expired or was revoked before it could be sent is
    skipped, with the reason in the outbox.
    """
    notification = (
        Notification.objects.select_related("access_link", "school")
        .filter(pk=notification_pk, status=Notification.Status.QUEUED)
        .first()
    )
    if notification is None:
        return False
    context = {
        "school": _school_context(notification.school),
        "site_url": settings.SITE_URL.rstrip("/"),
        **_with_dates(notification.context),
    }
    url = ""
    link = notification.access_link
    if link is not None:
        problem = access_link_problem(link)
        if problem:
            notification.status = Notification.Status.SKIPPED
            notification.error = problem
            notification.save(update_fields=["status", "error"])
            return False
        url = access_link_url(access_link_issue(link=link))
        context["url"] = url
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{notification.template}_subject.txt", context)
        subject = " ".join(subject.split())
        text = render_to_string(f"{notification.template}.txt", context)
        html = _html(notification.template, context, subject=subject, text=text)
    message = EmailMultiAlternatives(subject, text, to=[notification.recipient_email])
    message.attach_alternative(html, "text/html")
    message.send()
    notification.status = Notification.Status.SENT
    notification.subject = subject[:300]
    notification.body = text.replace(url, LINK_PLACEHOLDER) if url else text
    notification.sent_at = timezone.now()
    notification.save(update_fields=["status", "subject", "body", "sent_at"])
    return True


def notification_fail(*, notification_pk: int, error: BaseException) -> None:
    """After the last retry: the outbox says it failed, in Dutch."""
    Notification.objects.filter(pk=notification_pk, status=Notification.Status.QUEUED).update(
        status=Notification.Status.FAILED,
        error=_("De e-mailserver was niet bereikbaar, ook na enkele nieuwe pogingen.")
        if isinstance(error, OSError)
        else _("Het bericht kon niet gemaakt worden; de fout is gemeld aan de beheerder."),
    )


def _html(template: str, context: dict[str, Any], *, subject: str, text: str) -> str:
    """The message's own HTML version, else its text in the plain e-mail layout."""
    try:
        return render_to_string(f"{template}.html", context)
    except TemplateDoesNotExist:
        return render_to_string("emails/layout.html", {"subject": subject, "text": text})


def _school_context(school: School) -> dict[str, str]:
    return {"name": school.name, "email": school.email, "phone": school.phone}
