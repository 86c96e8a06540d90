"""Who reads which logbook, and who may change a comment.

The logbook is the pupil's own record (annex 2), so its readers are narrower than a placement's:

- the pupil reads their own, the mentor their interns', staff the placements they see
  (``placements_visible_to``);
- a guardian reads their child's while the child is a minor, read-only; an adult pupil's
  logbook is theirs alone, so the guardian of an adult gets 404;
- whoever signs one document for the host or the school, and the API, read no logbook.

Anything outside a principal's reach answers 404.
"""

from django.db.models import QuerySet
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
from internships.selectors.placements import PLACEMENT_PAGE_RELATIONS, placements_visible_to
from logbook.models import LogbookComment, LogbookEntry

OPEN_STATUSES = (Placement.Status.STARTED, Placement.Status.COMPLETED)


def child_is_minor(principal: GuardianLink) -> bool:
    student = Student.objects.filter(pk=principal.student_id).only("birth_date").first()
    return student is not None and student.is_minor_today


def logbook_placements_visible_to(principal: Principal) -> QuerySet[Placement]:
    """The placements whose logbook ``principal`` may read."""
    match principal:
        case StaffMember() | MentorLink() | PupilLink():
            return placements_visible_to(principal)
        case GuardianLink():
            if not child_is_minor(principal):
                return Placement.objects.none()
            return placements_visible_to(principal)
        case SignatoryLink() | ApiClient() | Anonymous():
            return Placement.objects.none()
        case _:
            unknown_principal(principal)


def logbook_placement_get_for(principal: Principal, pk: int) -> Placement:
    queryset = logbook_placements_visible_to(principal).select_related(*PLACEMENT_PAGE_RELATIONS)
    return get_object_or_404(queryset, pk=pk)


def logbook_entries_visible_to(principal: Principal) -> QuerySet[LogbookEntry]:
    return LogbookEntry.objects.filter(placement__in=logbook_placements_visible_to(principal))


def logbook_is_open(placement: Placement) -> bool:
    """The pupil writes in the logbook from the start of the internship, and afterwards for the
    reflection (8.3); not while it is being prepared, nor for a cancelled placement."""
    return placement.status in OPEN_STATUSES


def entry_of(placement: Placement, pk: int) -> LogbookEntry:
    """An entry of a placement the caller has already read through a principal's selector."""
    return get_object_or_404(placement.logbook_entries.prefetch_related("activities"), pk=pk)


def comment_of(placement: Placement, pk: int) -> LogbookComment:
    queryset = LogbookComment.objects.filter(entry__placement=placement).select_related(
        "entry__placement", "author_mentor", "author_user"
    )
    return get_object_or_404(queryset, pk=pk)


def is_comment_author(principal: Principal, comment: LogbookComment) -> bool:
    """Only who wrote a comment may change it."""
    match principal:
        case MentorLink():
            return comment.author_mentor_id == principal.mentor_id
        case StaffMember():
            return comment.author_user_id == principal.user.pk
        case PupilLink() | GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return False
        case _:
            unknown_principal(principal)


def is_own_pupil_placement(principal: Principal, placement: Placement) -> bool:
    """The pupil of ``placement``, through a link that lets them write the logbook."""
    return isinstance(principal, PupilLink) and principal.student_id == placement.student_id


def is_mentor_of(principal: Principal, placement: Placement) -> bool:
    return isinstance(principal, MentorLink) and principal.mentor_id == placement.mentor_id
