"""Whose route and travel costs a principal may see: a supervisor their own, a coordinator
anyone of the school (7.2: the school pays its supervisors' travel costs)."""

from django.db.models import QuerySet
from django.http import Http404

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from internships.models import User
from internships.selectors.school import staff_visible_to


def supervisors_visible_to(principal: Principal) -> QuerySet[User]:
    match principal:
        case StaffMember() if principal.sees_whole_school:
            return staff_visible_to(principal).order_by("last_name", "first_name", "pk")
        case StaffMember():
            return staff_visible_to(principal).filter(pk=principal.user.pk)
        case ApiClient() | LinkHolder() | Anonymous():
            return User.objects.none()
        case _:
            unknown_principal(principal)


def supervisor_get_for(principal: Principal, pk: int | None) -> User:
    """The staff member ``pk`` (by default the principal), or 404 outside the principal's reach."""
    if pk is None and isinstance(principal, StaffMember):
        pk = principal.user.pk
    supervisor = supervisors_visible_to(principal).filter(pk=pk).first()
    if supervisor is None:
        raise Http404
    return supervisor
