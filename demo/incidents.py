"""The demo's incidents (annex 3): reported by the mentors through their links, written in bulk
as ``incident_report`` stores them.

Reporting one e-mails the placement's supervisor and the school's coordinators: each message is
queued as ``notification_queue`` queues it, and sent once the seed commits, to the demo's
in-memory mailbox.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from attendance.models import Incident
from demo.bulk import Batch, link_reason
from internships.models import AccessLink, Notification, Placement, School, User
from internships.tasks import send_notification


class IncidentDesk:
    """Reports the incidents of one demo school."""

    def __init__(self, school: School, batch: Batch) -> None:
        self.batch = batch
        self.incidents: list[Incident] = []
        self.coordinators = list(
            User.objects.filter(
                school_id=school.pk, role=User.Role.COORDINATOR, is_active=True
            ).order_by("last_name", "first_name")
        )

    def report(
        self, placement: Placement, link: AccessLink, *, date: datetime.date, kind: str, text: str
    ) -> None:
        """The mentor reports it through their link."""
        incident = Incident(
            placement=placement,
            date=date,
            kind=kind,
            description=text,
            reported_by_mentor=placement.mentor,
        )
        self.incidents.append(self.batch.add(incident, reason=link_reason(link)))

    def _recipients(self, placement: Placement) -> list[User]:
        """The supervisor and the coordinators, each once (the mentor reported it)."""
        people = [placement.supervisor] if placement.supervisor is not None else []
        seen, recipients = set(), []
        for person in people + self.coordinators:
            if person.pk not in seen:
                seen.add(person.pk)
                recipients.append(person)
        return recipients

    def _notifications(self, incident: Incident) -> list[Notification]:
        placement, date = incident.placement, incident.date
        with translation.override(settings.LANGUAGE_CODE):
            kind_label = str(incident.get_kind_display())
        reason = _("%(reporter)s meldde een incident (%(kind)s) bij %(student)s op %(date)s.") % {
            "reporter": incident.reporter,
            "kind": incident.get_kind_display(),
            "student": placement.student,
            "date": date.strftime("%d/%m/%Y"),
        }
        return [
            Notification(
                school=placement.school,
                kind=Notification.Kind.INCIDENT_REPORTED,
                recipient_name=recipient.get_full_name(),
                recipient_email=recipient.email,
                reason=reason[:300],
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
                    "description": incident.description,
                    "path": reverse(
                        "attendance:incident-follow-up", args=[placement.pk, incident.pk]
                    ),
                },
                placement=placement,
            )
            for recipient in self._recipients(placement)
            if recipient.email
        ]

    def write(self) -> None:
        """Writes the incidents, then their e-mails, each sent once the seed commits."""
        self.batch.insert(Incident)
        notifications = [
            notification
            for incident in self.incidents
            for notification in self._notifications(incident)
        ]
        Notification.objects.bulk_create(notifications)
        for notification in notifications:
            transaction.on_commit(
                lambda pk=notification.pk, school_id=notification.school_id: (
                    send_notification.delay(pk, school_id=school_id)
                )
            )
