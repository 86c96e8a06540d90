"""The principal behind a personal link, and the link a session is bound to."""

from core.principals import GuardianLink, LinkHolder, MentorLink, PupilLink, SignatoryLink
from core.tenancy import all_schools
from internships.models import AccessLink

SESSION_KEY = "access_link_id"


def link_principal(link: AccessLink) -> LinkHolder:
    """The principal a link makes of whoever opened it."""
    common = {
        "link_id": link.pk,
        "school_id": link.school_id,
        "capabilities": link.capability_set,
    }
    match link.holder:
        case AccessLink.Holder.MENTOR:
            return MentorLink(**common, mentor_id=link.mentor_id)
        case AccessLink.Holder.STUDENT:
            return PupilLink(**common, student_id=link.student_id)
        case AccessLink.Holder.GUARDIAN:
            return GuardianLink(
                **common, guardian_id=link.guardian_id, student_id=link.guardian.student_id
            )
        case AccessLink.Holder.SIGNATORY:
            return SignatoryLink(**common, signature_request_id=link.signature_request.pk)
    raise ValueError(f"A link without a known holder: {link.holder!r}")


def session_link(link_id: int | None) -> AccessLink | None:
    """The usable link a session was bound to when its token was opened; None once the link
    expired or was revoked. Read before the school is known: the link names it."""
    if link_id is None:
        return None
    with all_schools():
        link = (
            AccessLink.objects.select_related("guardian", "signature_request")
            .filter(pk=link_id)
            .first()
        )
    if link is None or not link.is_usable:
        return None
    return link
