"""Reads that depend on who asks.

Every view gets its objects through these functions, so the rules of who sees what live in one
place: staff see only their own school; a coordinator or school admin sees the whole school; a
supervisor sees only the placements they supervise and the pupils of those placements (4.2).
Anything outside a user's reach answers 404, so its existence is not revealed.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from internships.models import (
    Agreement,
    AgreementVersion,
    GroupAgreement,
    HealthAssessment,
    Host,
    Mentor,
    Placement,
    Programme,
    ProgrammeActivity,
    RiskAssessment,
    SchoolClass,
    SchoolYear,
    Signature,
    SignatureRequest,
    Student,
    User,
    Workplace,
    WorkstationSheet,
)
from internships.services.signatures import GROUP_PARTIES, Signable, pending_signers

SCHOOL_YEAR_SESSION_KEY = "school_year_id"


def placements_visible_to(user: User) -> QuerySet[Placement]:
    placements = Placement.objects.filter(school_id=user.school_id)
    if not user.sees_whole_school:
        placements = placements.filter(supervisor=user)
    return placements


def placement_get_for_user(user: User, pk: int) -> Placement:
    queryset = placements_visible_to(user).select_related(
        "student__school_class__programme",
        "school_class__programme",
        "school_year",
        "host",
        "workplace",
        "mentor",
        "supervisor",
    )
    return get_object_or_404(queryset, pk=pk)


def students_visible_to(user: User) -> QuerySet[Student]:
    students = Student.objects.filter(school_id=user.school_id)
    if not user.sees_whole_school:
        supervised = Placement.objects.filter(student=OuterRef("pk"), supervisor=user)
        students = students.filter(Exists(supervised))
    return students


def student_get_for_user(user: User, pk: int) -> Student:
    queryset = students_visible_to(user).select_related("school_class__programme")
    return get_object_or_404(queryset, pk=pk)


def hosts_visible_to(user: User) -> QuerySet[Host]:
    """Hosts are the school's shared address book: every staff member of the school sees them."""
    return Host.objects.filter(school_id=user.school_id)


def host_get_for_user(user: User, pk: int) -> Host:
    return get_object_or_404(hosts_visible_to(user), pk=pk)


def workplaces_visible_to(user: User) -> QuerySet[Workplace]:
    return Workplace.objects.filter(host__school_id=user.school_id)


def workplace_get_for_user(user: User, pk: int) -> Workplace:
    return get_object_or_404(workplaces_visible_to(user).select_related("host"), pk=pk)


def mentors_visible_to(user: User) -> QuerySet[Mentor]:
    return Mentor.objects.filter(host__school_id=user.school_id)


def mentor_get_for_user(user: User, pk: int) -> Mentor:
    return get_object_or_404(mentors_visible_to(user).select_related("host"), pk=pk)


def classes_visible_to(user: User, school_year: SchoolYear | None = None) -> QuerySet[SchoolClass]:
    classes = SchoolClass.objects.filter(school_id=user.school_id).select_related("programme")
    if school_year is not None:
        classes = classes.filter(school_year=school_year)
    return classes


def staff_visible_to(user: User) -> QuerySet[User]:
    return User.objects.filter(school_id=user.school_id).exclude(role="")


def staff_member_get_for_user(user: User, pk: int) -> User:
    return get_object_or_404(staff_visible_to(user), pk=pk)


def supervisors_of_school(user: User) -> QuerySet[User]:
    """Staff who can supervise a placement: every active staff member of the school."""
    return staff_visible_to(user).filter(is_active=True)


def selected_school_year(request: HttpRequest) -> SchoolYear:
    """The school year the user is working in: chosen in the navigation, else today's.

    Without a row for today's school year (a new year the data has not reached yet) it falls
    back to the latest one; only an empty table gets today's year created.
    """
    school_year_id = request.session.get(SCHOOL_YEAR_SESSION_KEY)
    if school_year_id is not None:
        school_year = SchoolYear.objects.filter(pk=school_year_id).first()
        if school_year is not None:
            return school_year
    today = timezone.localdate()
    start_year = today.year if today.month >= 9 else today.year - 1
    school_year = (
        SchoolYear.objects.filter(start_year__lte=start_year).order_by("-start_year").first()
        or SchoolYear.objects.order_by("start_year").first()
    )
    return school_year or SchoolYear.objects.for_date(today)


@dataclass(frozen=True)
class Dashboard:
    """What a staff member should act on first in a school year."""

    students_without_placement: QuerySet[Student] | None
    students_without_placement_count: int | None
    starting_soon: QuerySet[Placement]
    missing_people: QuerySet[Placement]
    with_compliance_errors: QuerySet[Placement]
    running_count: int
    placement_count: int
    awaiting_signatures: list["AwaitingSignatures"]


def dashboard_for_user(
    user: User, *, school_year: SchoolYear, today: datetime.date, horizon: datetime.date
) -> Dashboard:
    placements = (
        placements_visible_to(user)
        .filter(school_year=school_year)
        .select_related("student", "host", "mentor", "supervisor")
    )
    without_placement = None
    without_placement_count = None
    if user.sees_whole_school:
        placed = Placement.objects.active().filter(student=OuterRef("pk"), school_year=school_year)
        without_placement = (
            students_visible_to(user)
            .filter(school_class__school_year=school_year)
            .exclude(Exists(placed))
            .select_related("school_class")
        )
        without_placement_count = without_placement.count()
    return Dashboard(
        students_without_placement=without_placement,
        students_without_placement_count=without_placement_count,
        starting_soon=placements.starting_between(today, horizon).order_by("start_date"),
        missing_people=placements.missing_people().order_by("start_date"),
        with_compliance_errors=placements.active()
        .filter(compliance__error_count__gt=0)
        .select_related("compliance")
        .order_by("start_date"),
        running_count=placements.filter(status=Placement.Status.STARTED).count(),
        placement_count=placements.active().count(),
        awaiting_signatures=awaiting_signatures(user, school_year=school_year),
    )


def programmes_visible_to(user: User) -> QuerySet[Programme]:
    return Programme.objects.filter(school_id=user.school_id)


def programme_get_for_user(user: User, pk: int) -> Programme:
    return get_object_or_404(programmes_visible_to(user), pk=pk)


def programme_activity_get_for_user(user: User, pk: int) -> ProgrammeActivity:
    activities = ProgrammeActivity.objects.filter(programme__school_id=user.school_id)
    return get_object_or_404(activities.select_related("programme"), pk=pk)


def risk_assessment_get_for_user(user: User, pk: int) -> RiskAssessment:
    """Risk documents belong to a workplace, which every staff member of the school sees."""
    queryset = RiskAssessment.objects.filter(workplace__in=workplaces_visible_to(user))
    return get_object_or_404(queryset, pk=pk)


def workstation_sheet_get_for_user(user: User, pk: int) -> WorkstationSheet:
    queryset = WorkstationSheet.objects.filter(workplace__in=workplaces_visible_to(user))
    return get_object_or_404(queryset, pk=pk)


def health_assessment_get_for_user(user: User, pk: int) -> HealthAssessment:
    queryset = HealthAssessment.objects.filter(student__in=students_visible_to(user))
    return get_object_or_404(queryset, pk=pk)


def group_agreements_visible_to(user: User) -> QuerySet[GroupAgreement]:
    """Group agreements concern many pupils: only coordinators and school admins see them."""
    if not user.sees_whole_school:
        return GroupAgreement.objects.none()
    return GroupAgreement.objects.filter(school_id=user.school_id)


def group_agreement_get_for_user(user: User, pk: int) -> GroupAgreement:
    queryset = group_agreements_visible_to(user).select_related("host", "school_year")
    return get_object_or_404(queryset, pk=pk)


def _on_visible_document(user: User) -> Q:
    return Q(version__agreement__placement__in=placements_visible_to(user)) | Q(
        group_agreement__in=group_agreements_visible_to(user)
    )


def signature_get_for_user(user: User, pk: int) -> Signature:
    return get_object_or_404(Signature.objects.filter(_on_visible_document(user)), pk=pk)


def signature_request_get_for_user(user: User, pk: int) -> SignatureRequest:
    queryset = SignatureRequest.objects.filter(_on_visible_document(user))
    return get_object_or_404(queryset.select_related("version__agreement"), pk=pk)


@dataclass(frozen=True)
class AwaitingSignatures:
    """A document offered for signature, and who still has to sign it (party label, name)."""

    title: str
    placement: Placement | None
    group_agreement: GroupAgreement | None
    version: AgreementVersion | None
    pending: list[tuple[str, str]]


def _open_requests() -> Prefetch:
    return Prefetch(
        "signature_requests",
        queryset=SignatureRequest.objects.filter(used_at__isnull=True, revoked_at__isnull=True),
        to_attr="open_requests",
    )


def awaiting_signatures(user: User, *, school_year: SchoolYear) -> list[AwaitingSignatures]:
    """Agreement versions and group agreements waiting for signatures, in a fixed number of
    queries however many there are."""
    versions = (
        AgreementVersion.objects.filter(
            status=AgreementVersion.Status.READY,
            agreement__placement__in=placements_visible_to(user).filter(school_year=school_year),
        )
        .exclude(agreement__status__in=[Agreement.Status.ENDED, Agreement.Status.TERMINATED])
        .select_related("agreement__placement__student", "agreement__placement__host")
        .prefetch_related("signatures", _open_requests())
        .order_by("agreement__placement__start_date", "pk")
    )
    rows = []
    for version in versions:
        placement = version.agreement.placement
        # The agreement is already cached on the version: no query per row here.
        required = Signable(version=version).required_parties
        rows.append(
            AwaitingSignatures(
                title=f"{placement.student} – {placement.host}",
                placement=placement,
                group_agreement=None,
                version=version,
                pending=pending_signers(
                    version.content, required, list(version.signatures.all()), version.open_requests
                ),
            )
        )
    groups = (
        group_agreements_visible_to(user)
        .filter(school_year=school_year, status=GroupAgreement.Status.READY)
        .select_related("host")
        .prefetch_related("signatures", _open_requests())
    )
    rows += [
        AwaitingSignatures(
            title=f"{group.title} – {group.host}",
            placement=None,
            group_agreement=group,
            version=None,
            pending=pending_signers(
                group.content, GROUP_PARTIES, list(group.signatures.all()), group.open_requests
            ),
        )
        for group in groups
    ]
    return rows
