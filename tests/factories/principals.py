"""Personas per link holder: personal links for a mentor, a pupil and a guardian, a test client
bound to a link's session, and principals for selector tests."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.principals import ApiClient, Capability, LinkHolder, StaffMember
from internships.models import AccessLink, Guardian, Mentor, Student
from internships.selectors.access_links import link_principal
from tests.factories.agreements import AccessLinkFactory

PORTAL_CAPABILITIES = {
    AccessLink.Holder.MENTOR: [
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
    AccessLink.Holder.STUDENT: [
        Capability.VIEW,
        Capability.WRITE_LOGBOOK,
        Capability.ANSWER_SURVEY,
    ],
    AccessLink.Holder.GUARDIAN: [Capability.VIEW],
}


def mentor_link(mentor: Mentor, **kwargs) -> AccessLink:
    return AccessLinkFactory(
        school=mentor.host.school,
        holder=AccessLink.Holder.MENTOR,
        mentor=mentor,
        email=mentor.email,
        **{"capabilities": PORTAL_CAPABILITIES[AccessLink.Holder.MENTOR], **kwargs},
    )


def pupil_link(student: Student, **kwargs) -> AccessLink:
    return AccessLinkFactory(
        school=student.school,
        holder=AccessLink.Holder.STUDENT,
        student=student,
        email=student.email or "leerling@voorbeeld.example",
        **{"capabilities": PORTAL_CAPABILITIES[AccessLink.Holder.STUDENT], **kwargs},
    )


def guardian_link(guardian: Guardian, **kwargs) -> AccessLink:
    return AccessLinkFactory(
        school=guardian.student.school,
        holder=AccessLink.Holder.GUARDIAN,
        guardian=guardian,
        email=guardian.email or "ouder@voorbeeld.example",
        **{"capabilities": PORTAL_CAPABILITIES[AccessLink.Holder.GUARDIAN], **kwargs},
    )


def expired(**kwargs) -> dict:
    return {"expires_at": timezone.now() - datetime.timedelta(minutes=1), **kwargs}


def revoked(**kwargs) -> dict:
    return {"revoked_at": timezone.now(), **kwargs}


def link_client(token: str) -> Client:
    """A browser that opened the personal link ``token``: its session is bound to the link."""
    client = Client()
    client.get(reverse("portal:open", args=[token]))
    return client


def principal_of(link: AccessLink) -> LinkHolder:
    return link_principal(AccessLink.objects.select_related("guardian").get(pk=link.pk))


def staff(user) -> StaffMember:
    return StaffMember.of(user)


def api_client(school, *, scopes: frozenset[str] = frozenset({"read"})) -> ApiClient:
    return ApiClient(token_id=1, school_id=school.pk, scopes=scopes)
