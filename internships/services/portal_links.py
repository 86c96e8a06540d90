"""Portal links: the personal link of a mentor, a pupil or a guardian to their own pages.

A person has one live portal link, valid to the end of the school year (at least 30 days); each
e-mail or printout of it issues a fresh token, so an older copy stops working. It says what its
holder may do: a mentor views their
interns, confirms and ticks the activity list (8.1.3, 8.2.3), reports absences and incidents,
confirms the week's hours and evaluates as adviser (9.1.1); a pupil views their internship,
keeps the logbook (annex 2) and answers the annual survey (10); a guardian views their child's
internship and its evaluations (9.1.2).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.engine.calendar import school_year_bounds, school_year_containing
from core.principals import Capability
from internships.models import AccessLink, Guardian, Mentor, Notification, Student, User
from internships.services.access_links import (
    access_link_create,
    access_link_issue,
    access_link_url,
)
from internships.services.notifications import notification_queue

Holder = AccessLink.Holder

PORTAL_CAPABILITIES = {
    Holder.MENTOR: [
        Capability.VIEW,
        Capability.CONFIRM_ACTIVITIES,
        Capability.TICK_ACTIVITIES,
        Capability.REPORT_ABSENCE,
        Capability.REPORT_INCIDENT,
        Capability.CONFIRM_HOURS,
        Capability.EVALUATE,
        Capability.COMMENT_LOGBOOK,
        Capability.ANSWER_SURVEY,
    ],
    Holder.STUDENT: [Capability.VIEW, Capability.WRITE_LOGBOOK, Capability.ANSWER_SURVEY],
    Holder.GUARDIAN: [Capability.VIEW],
}
MINIMUM_VALID_DAYS = 30


def valid_days(today: datetime.date) -> int:
    """Days to the end of today's school year, and at least a month."""
    _first, last = school_year_bounds(school_year_containing(today))
    return max(MINIMUM_VALID_DAYS, (last - today).days + 1)


def _holder(*, mentor: Mentor | None, student: Student | None, guardian: Guardian | None) -> dict:
    if mentor is not None:
        return {"holder": Holder.MENTOR, "mentor": mentor, "school": mentor.host.school}
    if student is not None:
        return {"holder": Holder.STUDENT, "student": student, "school": student.school}
    return {"holder": Holder.GUARDIAN, "guardian": guardian, "school": guardian.student.school}


def _person(holder: dict) -> Mentor | Student | Guardian:
    return holder.get("mentor") or holder.get("student") or holder["guardian"]


@transaction.atomic
def portal_link_create(
    *,
    created_by: User | None,
    mentor: Mentor | None = None,
    student: Student | None = None,
    guardian: Guardian | None = None,
) -> AccessLink:
    """The portal link of exactly one of ``mentor``, ``student`` or ``guardian``: their live one,
    else a new one. Whoever hands it over issues a fresh token (``access_link_issue``), so only
    the newest e-mail or printout opens it."""
    if sum(person is not None for person in (mentor, student, guardian)) != 1:
        raise ValueError("Give exactly one mentor, pupil or guardian.")
    holder = _holder(mentor=mentor, student=student, guardian=guardian)
    person = _person(holder)
    capabilities = set(PORTAL_CAPABILITIES[holder["holder"]])
    for link in AccessLink.objects.filter(**{holder["holder"]: person}, revoked_at__isnull=True):
        if link.capability_set == capabilities and link.is_usable:
            return link
    return access_link_create(
        email=person.email or "geen-adres@stagebeheer.invalid",
        capabilities=sorted(capabilities),
        valid_days=valid_days(timezone.localdate()),
        created_by=created_by,
        **holder,
    )


def portal_link_send(
    *,
    created_by: User | None,
    mentor: Mentor | None = None,
    student: Student | None = None,
    guardian: Guardian | None = None,
) -> Notification | None:
    """E-mails the person their portal link (with a fresh token); None without an address."""
    person = mentor or student or guardian
    if not person.email:
        return None
    link = portal_link_create(
        created_by=created_by, mentor=mentor, student=student, guardian=guardian
    )
    return notification_queue(
        school=link.school,
        kind=Notification.Kind.PORTAL_LINK,
        recipient_name=f"{person.first_name} {person.last_name}",
        recipient_email=person.email,
        reason=_("Persoonlijke link voor %(holder)s %(name)s.")
        % {"holder": link.get_holder_display(), "name": f"{person.first_name} {person.last_name}"},
        template="portal/emails/portal_link",
        context={
            "name": f"{person.first_name} {person.last_name}",
            "is_mentor": link.holder == Holder.MENTOR,
            "is_student": link.holder == Holder.STUDENT,
            "expires_at": link.expires_at.isoformat(),
        },
        access_link=link,
    )


def portal_link_print(
    *,
    mentor: Mentor | None = None,
    student: Student | None = None,
    guardian: Guardian | None = None,
) -> str:
    """The portal link's address with a fresh token, handed over another way than by e-mail
    (support staff print it); earlier copies stop working."""
    link = portal_link_create(created_by=None, mentor=mentor, student=student, guardian=guardian)
    return access_link_url(access_link_issue(link=link))
