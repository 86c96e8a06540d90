"""The internships domain's reminder: agreements still unsigned a few days before the start.

A pupil without a signed agreement cannot start (annex 3: "Een leerling zonder geldig contract
kan niet starten met de stage"); five days before the start the supervisor (else the school's
coordinators) is told who still has to sign. Sent once per placement.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from internships.models import Agreement, Notification, Placement, School, User
from internships.selectors.signatures import Signable, describe_pending, pending_signers
from internships.services.notifications import notification_queue

DAYS_BEFORE_START = 5


def _recipients(placement: Placement) -> list[User]:
    if placement.supervisor is not None and placement.supervisor.email:
        return [placement.supervisor]
    return list(
        User.objects.filter(
            school_id=placement.school_id,
            is_active=True,
            role__in=[User.Role.COORDINATOR, User.Role.SCHOOL_ADMIN],
        ).exclude(email="")
    )


def _still_to_sign(placement: Placement) -> str:
    agreement = getattr(placement, "agreement", None)
    if agreement is None:
        return _("er is nog geen overeenkomst")
    version = agreement.versions.order_by("-number").first()
    if version is None or version.is_draft:
        return _("de overeenkomst is nog niet klaar voor ondertekening")
    target = Signable(version=version)
    return describe_pending(
        pending_signers(
            version.content,
            target.required_parties,
            list(target.signatures()),
            list(target.open_requests()),
        )
    )


@transaction.atomic
def agreement_reminders_send(*, school: School, today: datetime.date) -> list[Notification]:
    """E-mails about the placements starting within five days whose agreement is not signed."""
    placements = (
        Placement.objects.filter(
            school=school,
            status=Placement.Status.PREPARING,
            start_date__range=(today, today + datetime.timedelta(days=DAYS_BEFORE_START)),
        )
        .exclude(agreement__status__in=[Agreement.Status.SIGNED, Agreement.Status.ACTIVE])
        .select_related("student", "host", "supervisor", "agreement")
    )
    sent = []
    for placement in placements:
        missing = _still_to_sign(placement)
        for user in _recipients(placement):
            notification = notification_queue(
                school=school,
                kind=Notification.Kind.AGREEMENT_UNSIGNED,
                recipient_name=user.get_full_name() or user.username,
                recipient_email=user.email,
                reason=_(
                    "De stage van %(student)s start op %(date)s zonder ondertekende overeenkomst."
                )
                % {"student": placement.student, "date": placement.start_date.strftime("%d/%m/%Y")},
                template="internships/emails/agreement_unsigned",
                context={
                    "name": user.get_full_name() or user.username,
                    "student": placement.student.full_name,
                    "host": placement.host.name,
                    "starts_on": placement.start_date.isoformat(),
                    "missing": missing,
                    "path": reverse("internships:placement-detail", args=[placement.pk]),
                },
                placement=placement,
                dedupe_key=f"agreement-unsigned:{placement.pk}:{user.pk}",
            )
            if notification is not None:
                sent.append(notification)
    return sent
