"""Which placements and pupils a principal sees.

Every other read of school data derives from these rules, so who sees what lives here:

- a coordinator or school admin sees every placement of the school, a supervisor only the
  placements they supervise and the pupils of those (4.2);
- a mentor sees the placements they guide, a pupil their own, a guardian their child's;
- whoever signs one document for the host or the school sees that document's placement only;
- an API client sees the whole school; nobody else sees anything.

The school scope (``core.tenancy``) already keeps every school's rows apart; these rules narrow
within the school. Anything outside a principal's reach answers 404, so its existence is not
revealed.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.principals import (
    Anonymous,
    ApiClient,
    GuardianLink,
    MentorLink,
    Principal,
    PupilLink,
    SignatoryLink,
    StaffMember,
    unknown_principal,
)
from internships.models import Placement, Student

PLACEMENT_PAGE_RELATIONS = (
    "student__school_class__programme",
    "school_class__programme",
    "school_year",
    "host",
    "workplace",
    "mentor",
    "supervisor",
)


def placement_filter(principal: Principal) -> Q | None:
    """The placements ``principal`` may see within its school; None for none at all."""
    match principal:
        case StaffMember():
            return Q() if principal.sees_whole_school else Q(supervisor_id=principal.user.pk)
        case MentorLink():
            return Q(mentor_id=principal.mentor_id)
        case PupilLink() | GuardianLink():
            return Q(student_id=principal.student_id)
        case SignatoryLink():
            return Q(agreement__versions__signature_requests=principal.signature_request_id)
        case ApiClient():
            return Q()
        case Anonymous():
            return None
        case _:
            unknown_principal(principal)


def placements_visible_to(principal: Principal) -> QuerySet[Placement]:
    visible = placement_filter(principal)
    if visible is None:
        return Placement.objects.none()
    return Placement.objects.filter(visible, school_id=principal.school_id)


def placement_get_for(principal: Principal, pk: int) -> Placement:
    queryset = placements_visible_to(principal).select_related(*PLACEMENT_PAGE_RELATIONS)
    return get_object_or_404(queryset, pk=pk)


def students_visible_to(principal: Principal) -> QuerySet[Student]:
    """Pupils: the whole school for coordinators and the API, else those of visible placements
    (a pupil or guardian sees the pupil themselves)."""
    match principal:
        case StaffMember() if principal.sees_whole_school:
            return Student.objects.filter(school_id=principal.school_id)
        case ApiClient():
            return Student.objects.filter(school_id=principal.school_id)
        case StaffMember() | MentorLink() | SignatoryLink():
            placements = placements_visible_to(principal).filter(student=OuterRef("pk"))
            return Student.objects.filter(Exists(placements), school_id=principal.school_id)
        case PupilLink() | GuardianLink():
            return Student.objects.filter(pk=principal.student_id, school_id=principal.school_id)
        case Anonymous():
            return Student.objects.none()
        case _:
            unknown_principal(principal)


def student_get_for(principal: Principal, pk: int) -> Student:
    queryset = students_visible_to(principal).select_related("school_class__programme")
    return get_object_or_404(queryset, pk=pk)
