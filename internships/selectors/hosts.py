"""Hosts, their workplaces and mentors, and the workplaces' risk documents.

Hosts are the school's shared address book: every staff member of the school sees them all, as
does the API. A link holder sees only the hosts of the placements it sees.
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from internships.models import (
    HealthAssessment,
    Host,
    Mentor,
    RiskAssessment,
    Workplace,
    WorkstationSheet,
)
from internships.selectors.placements import placements_visible_to, students_visible_to


def hosts_visible_to(principal: Principal) -> QuerySet[Host]:
    match principal:
        case StaffMember() | ApiClient():
            return Host.objects.filter(school_id=principal.school_id)
        case LinkHolder():
            placements = placements_visible_to(principal).values("host_id")
            return Host.objects.filter(pk__in=placements, school_id=principal.school_id)
        case Anonymous():
            return Host.objects.none()
        case _:
            unknown_principal(principal)


def host_get_for(principal: Principal, pk: int) -> Host:
    return get_object_or_404(hosts_visible_to(principal), pk=pk)


def workplaces_visible_to(principal: Principal) -> QuerySet[Workplace]:
    match principal:
        case StaffMember() | ApiClient():
            return Workplace.objects.filter(host__school_id=principal.school_id)
        case LinkHolder():
            placements = placements_visible_to(principal).values("workplace_id")
            return Workplace.objects.filter(pk__in=placements)
        case Anonymous():
            return Workplace.objects.none()
        case _:
            unknown_principal(principal)


def workplace_get_for(principal: Principal, pk: int) -> Workplace:
    return get_object_or_404(workplaces_visible_to(principal).select_related("host"), pk=pk)


def mentors_visible_to(principal: Principal) -> QuerySet[Mentor]:
    match principal:
        case StaffMember() | ApiClient():
            return Mentor.objects.filter(host__school_id=principal.school_id)
        case LinkHolder():
            placements = placements_visible_to(principal).values("mentor_id")
            return Mentor.objects.filter(pk__in=placements)
        case Anonymous():
            return Mentor.objects.none()
        case _:
            unknown_principal(principal)


def mentor_get_for(principal: Principal, pk: int) -> Mentor:
    return get_object_or_404(mentors_visible_to(principal).select_related("host"), pk=pk)


def risk_assessment_get_for(principal: Principal, pk: int) -> RiskAssessment:
    """Risk documents belong to a workplace: whoever sees the workplace sees them."""
    queryset = RiskAssessment.objects.filter(workplace__in=workplaces_visible_to(principal))
    return get_object_or_404(queryset, pk=pk)


def workstation_sheet_get_for(principal: Principal, pk: int) -> WorkstationSheet:
    queryset = WorkstationSheet.objects.filter(workplace__in=workplaces_visible_to(principal))
    return get_object_or_404(queryset, pk=pk)


def health_assessment_get_for(principal: Principal, pk: int) -> HealthAssessment:
    """A pupil's health assessment: whoever sees the pupil."""
    queryset = HealthAssessment.objects.filter(student__in=students_visible_to(principal))
    return get_object_or_404(queryset, pk=pk)
