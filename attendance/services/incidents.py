"""Incidents: the mentor (through their link) or the school reports one; staff follow it up.

Reporting one e-mails the supervisor and the school's coordinators, so a problem reaches the
school early (annex 3); an accident at work also concerns the school's insurance (6.1.2).
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from attendance.models import Incident
from core.principals import Capability, MentorLink, Principal, StaffMember, require_capability
from internships.models import Notification, Placement, User
from internships.services.audit import acting_as
from internships.services.notifications import notification_queue


def _check_date(placement: Placement, date: datetime.date, today: datetime.date) -> None:
    if date > today:
        raise ValidationError({"date": [_("Deze datum ligt in de toekomst.")]})
    if not placement.start_date <= date <= placement.end_date:
        raise ValidationError(
            {
                "date": [
                    _("Deze dag valt buiten de stage (%(start)s – %(end)s).")
                    % {
                        "start": placement.start_date.strftime("%d/%m/%Y"),
                        "end": placement.end_date.strftime("%d/%m/%Y"),
                    }
                ]
            }
        )


def _recipients(placement: Placement, reporter: User | None) -> list[User]:
    """The supervisor and the coordinators of the school, except whoever reported it."""
    people = [placement.supervisor] if placement.supervisor is not None else []
    people += User.objects.filter(
        school_id=placement.school_id, role=User.Role.COORDINATOR, is_active=True
    ).order_by("last_name", "first_name")
    seen, recipients = set(), []
    for person in people:
        if person.pk in seen or (reporter is not None and person.pk == reporter.pk):
            continue
        seen.add(person.pk)
        recipients.append(person)
    return recipients


@transaction.atomic
def incident_report(
    *,
    placement: Placement,
    principal: Principal,
    date: datetime.date,
    kind: str,
    description: str,
    today: datetime.date | None = None,
) -> Incident:
    """Records an incident and tells the supervisor and the coordinators by e-mail."""
    incident = Incident(placement=placement, date=date, kind=kind, description=description)
    reporter: User | None = None
    match principal:
        case MentorLink():
            require_capability(principal, Capability.REPORT_INCIDENT)
            if principal.mentor_id != placement.mentor_id:
                raise PermissionDenied
            incident.reported_by_mentor = placement.mentor
        case StaffMember():
            reporter = incident.reported_by = principal.user
        case _:
            raise PermissionDenied
    _check_date(placement, date, today or timezone.localdate())
    incident.full_clean()
    acting_as(incident, principal)
    incident.save()
    with translation.override(settings.LANGUAGE_CODE):
        kind_label = str(incident.get_kind_display())
    for recipient in _recipients(placement, reporter):
        notification_queue(
            school=placement.school,
            kind=Notification.Kind.INCIDENT_REPORTED,
            recipient_name=recipient.get_full_name(),
            recipient_email=recipient.email,
            reason=_("%(reporter)s meldde een incident (%(kind)s) bij %(student)s op %(date)s.")
            % {
                "reporter": incident.reporter,
                "kind": incident.get_kind_display(),
                "student": placement.student,
                "date": date.strftime("%d/%m/%Y"),
            },
            template="attendance/emails/incident_reported",
            context={
                "recipient": recipient.get_full_name(),
                "reporter": incident.reporter,
                "by_mentor": incident.reported_by_mentor_id is not None,
                "student": placement.student.full_name,
                "host": placement.host.name,
                "kind": kind_label,
                "is_work_accident": incident.is_work_accident,
                "happened_on": date.isoformat(),
                "description": description,
                "path": reverse("attendance:incident-follow-up", args=[placement.pk, incident.pk]),
            },
            placement=placement,
        )
    return incident


@transaction.atomic
def incident_follow_up(
    *, incident: Incident, principal: Principal, follow_up: str, handled: bool
) -> Incident:
    """Staff note what the school did; a handled incident leaves the to-do lists."""
    if not isinstance(principal, StaffMember):
        raise PermissionDenied
    incident.follow_up = follow_up
    if handled and not incident.is_handled:
        incident.status = Incident.Status.HANDLED
        incident.handled_by = principal.user
        incident.handled_at = timezone.now()
    elif not handled:
        incident.status = Incident.Status.OPEN
        incident.handled_by = None
        incident.handled_at = None
    incident.full_clean()
    incident.save()
    return incident
