"""The school's own structure: classes, programmes with their activities, staff, school years.

Staff members of the school and the API see it; link holders see none of it.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from compliance.engine.calendar import school_year_containing
from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from internships.models import Programme, ProgrammeActivity, SchoolClass, SchoolYear, User

SCHOOL_YEAR_SESSION_KEY = "school_year_id"


def _sees_school_structure(principal: Principal) -> bool:
    match principal:
        case StaffMember() | ApiClient():
            return True
        case LinkHolder() | Anonymous():
            return False
        case _:
            unknown_principal(principal)


def classes_visible_to(
    principal: Principal, school_year: SchoolYear | None = None
) -> QuerySet[SchoolClass]:
    if not _sees_school_structure(principal):
        return SchoolClass.objects.none()
    classes = SchoolClass.objects.filter(school_id=principal.school_id).select_related(
        "programme", "school_year"
    )
    if school_year is not None:
        classes = classes.filter(school_year=school_year)
    return classes


def programmes_visible_to(principal: Principal) -> QuerySet[Programme]:
    if not _sees_school_structure(principal):
        return Programme.objects.none()
    return Programme.objects.filter(school_id=principal.school_id)


def programme_get_for(principal: Principal, pk: int) -> Programme:
    return get_object_or_404(programmes_visible_to(principal), pk=pk)


def programme_activity_get_for(principal: Principal, pk: int) -> ProgrammeActivity:
    activities = ProgrammeActivity.objects.filter(programme__in=programmes_visible_to(principal))
    return get_object_or_404(activities.select_related("programme"), pk=pk)


def staff_visible_to(principal: Principal) -> QuerySet[User]:
    """The school's staff accounts (the user model is not scoped: sign-in must find it)."""
    if not _sees_school_structure(principal):
        return User.objects.none()
    return User.objects.filter(school_id=principal.school_id).exclude(role="")


def accounts_managed_by(principal: Principal) -> QuerySet[User]:
    """The accounts the school's user pages list and edit: its staff, without support accounts
    (``is_staff`` or superuser), which only support manages."""
    return staff_visible_to(principal).filter(is_staff=False, is_superuser=False)


def staff_member_get_for(principal: Principal, pk: int) -> User:
    return get_object_or_404(accounts_managed_by(principal), pk=pk)


def supervisors_of_school(principal: Principal) -> QuerySet[User]:
    """Staff who can supervise a placement: every active staff member of the school."""
    return staff_visible_to(principal).filter(is_active=True)


def school_years(request: HttpRequest) -> list[SchoolYear]:
    """Every school year, the newest first: read once per request (the navigation lists them
    and :func:`selected_school_year` picks from them)."""
    if not hasattr(request, "_school_years"):
        request._school_years = list(SchoolYear.objects.order_by("-start_year"))
    return request._school_years


def selected_school_year(request: HttpRequest) -> SchoolYear:
    """The school year the user is working in: chosen in the navigation, else today's.

    Without a row for today's school year (a new year the data has not reached yet) it falls
    back to the latest one; only an empty table gets today's year created.
    """
    years = school_years(request)
    school_year_id = request.session.get(SCHOOL_YEAR_SESSION_KEY)
    chosen = next((year for year in years if year.pk == school_year_id), None)
    if chosen is not None:
        return chosen
    current = school_year_containing(timezone.localdate())
    started = [year for year in years if year.start_year <= current]
    if started:
        return started[0]
    if years:
        return years[-1]
    return SchoolYear.objects.for_date(timezone.localdate())
