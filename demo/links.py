"""The demo's personal links, made as the link services make them, to be written in bulk.

``portal_link_create`` gives a person without a live portal link a new one; ``signature_request_
create`` gives every request its own signing link. Both make the link with ``access_link_
create``: no token (the demo signs at once and mails no one), valid for a number of days.
"""

import datetime

from django.utils import timezone

from core.principals import Capability
from demo.bulk import Batch
from internships.models import AccessLink, Guardian, Mentor, School, Student, User
from internships.services.portal_links import PORTAL_CAPABILITIES, valid_days

Holder = AccessLink.Holder
NO_ADDRESS = "geen-adres@stagebeheer.invalid"  # as portal_link_create writes it
SIGNING_DAYS = 14  # signature_request_create's default


def _link(*, days: int, capabilities, **fields) -> AccessLink:
    return AccessLink(
        capabilities=sorted(Capability(capability) for capability in capabilities),
        expires_at=timezone.now() + datetime.timedelta(days=days),
        **fields,
    )


def portal_link(
    *, school: School, mentor: Mentor | None = None, student: Student | None = None
) -> AccessLink:
    """A new portal link of a mentor or a pupil, valid to the end of the school year."""
    holder = Holder.MENTOR if mentor is not None else Holder.STUDENT
    person = mentor or student
    return _link(
        days=valid_days(timezone.localdate()),
        capabilities=set(PORTAL_CAPABILITIES[holder]),
        school=school,
        holder=holder,
        mentor=mentor,
        student=student,
        email=person.email or NO_ADDRESS,
        created_by=None,
    )


def signing_link(
    *,
    school: School,
    email: str,
    created_by: User,
    student: Student | None = None,
    guardian: Guardian | None = None,
) -> AccessLink:
    """The link of a signature request: the pupil's own, a guardian's for a minor, else a
    signatory's (the school or the host)."""
    holder = Holder.GUARDIAN if guardian else Holder.STUDENT if student else Holder.SIGNATORY
    return _link(
        days=SIGNING_DAYS,
        capabilities=[Capability.SIGN],
        school=school,
        holder=holder,
        student=student,
        guardian=guardian,
        email=email,
        created_by=created_by,
    )


class PortalLinks:
    """The portal links of one school's mentors and pupils, as ``portal_link_create`` gives
    them: the newest live link with the portal's capabilities, else a new one (to be written
    with ``batch``). The live links are read once."""

    def __init__(self, school: School, batch: Batch) -> None:
        self.school = school
        self.batch = batch
        self.links: dict[tuple[str, int], AccessLink] = {}
        live = AccessLink.objects.filter(
            school=school, holder__in=(Holder.MENTOR, Holder.STUDENT), revoked_at__isnull=True
        ).select_related("mentor", "student")
        for link in live.order_by("-created_at", "-pk"):
            person = link.mentor_id or link.student_id
            wanted = set(PORTAL_CAPABILITIES[link.holder])
            if link.capability_set == wanted and link.is_usable:
                self.links.setdefault((link.holder, person), link)

    def of(self, *, mentor: Mentor | None = None, student: Student | None = None) -> AccessLink:
        key = (Holder.MENTOR, mentor.pk) if mentor is not None else (Holder.STUDENT, student.pk)
        if key not in self.links:
            link = portal_link(school=self.school, mentor=mentor, student=student)
            self.links[key] = self.batch.add(link)
        return self.links[key]
