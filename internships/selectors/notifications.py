"""The outbox and a placement's correspondence (annex 2: "de briefwisseling")."""

from django.db.models import Prefetch, QuerySet

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from internships.models import Notification, Placement


def outbox_for(principal: Principal) -> QuerySet[Notification]:
    """Coordinators see the whole school's outbox; others see none of it."""
    match principal:
        case StaffMember() if principal.sees_whole_school:
            return Notification.objects.filter(school_id=principal.school_id).select_related(
                "placement__student"
            )
        case StaffMember() | LinkHolder() | ApiClient() | Anonymous():
            return Notification.objects.none()
        case _:
            unknown_principal(principal)


def correspondence_prefetch() -> Prefetch:
    """For a query of many placements' dossiers: their correspondence in one query."""
    return Prefetch(
        "notifications",
        queryset=Notification.objects.order_by("created_at", "pk"),
        to_attr="correspondence",
    )


def placement_correspondence(placement: Placement) -> list[Notification]:
    """The e-mails about a placement, for its page and its dossier (access already checked)."""
    prefetched = getattr(placement, "correspondence", None)
    if prefetched is not None:
        return prefetched
    return list(placement.notifications.order_by("created_at", "pk"))
