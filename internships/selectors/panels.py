"""Reads for the cards of the placement page: its agreement, activity list, risk documents and
start gate. The view has already fetched the placement through the selectors, so these need no
user."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects

from internships.models import (
    Absence,
    Activity,
    ActivityList,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    HealthAssessment,
    MakeUpPlacement,
    Party,
    Placement,
    PlacementPeriod,
    RiskAssessment,
    Signature,
    SignatureRequest,
    Visit,
    WorkstationSheet,
)
from internships.selectors.agreement_content import agreement_content_of, content_changes
from internships.selectors.agreements import agreement_ready_problems
from internships.selectors.gate import AgreementSigning, placement_start_blockers
from internships.selectors.prefetched import is_read, keep_one, prefetched, read_one
from internships.selectors.risks import health_assessment_required, latest_risk_assessment
from internships.selectors.schedules import school_year_holidays_keep
from internships.selectors.signatures import Signable, pending_signers


def placement_page_prefetch(placement: Placement) -> Placement:
    """Reads once what several cards of the placement page read again: the agreement, activity
    list and labour-rule check (``ONE_TO_ONE``), the periods (with their make-up), single-day
    exceptions and exemptions that the schedule, visit plan, attendance and agreement expand,
    the absences that the page lists and the attendance counts, the visits, the risk documents
    that the risk card, the agreement and the start gate all weigh, and the school's holidays
    of the year. The page only reads, so nothing it caches goes stale."""
    _read_one_to_ones(placement)
    prefetch_related_objects(
        [placement],
        Prefetch("periods", queryset=PlacementPeriod.objects.select_related("make_up")),
        "schedule_exceptions",
        "exemptions",
        Prefetch("absences", queryset=Absence.objects.select_related("reported_by_mentor")),
        Prefetch("visits", queryset=Visit.objects.select_related("visited_by")),
        "workplace__risk_assessments",
        "workplace__workstation_sheets",
        "student__health_assessments",
    )
    school_year_holidays_keep(placement.school_year, placement.school_id)
    return placement


# What the page reads of a placement's one-to-one relations: the agreement with its group, the
# activity list with who drew it up and the check of the labour rules. In a query of their own:
# joined to the placement's query, they would have PostgreSQL weigh many more join orders.
ONE_TO_ONE = {"agreement": "group", "activity_list": "drawn_up_by", "compliance": None}


def _read_one_to_ones(placement: Placement) -> None:
    relations = [f"{name}__{inner}" if inner else name for name, inner in ONE_TO_ONE.items()]
    row = Placement.objects.select_related(*relations).order_by().get(pk=placement.pk)
    for name in ONE_TO_ONE:
        keep_one(placement, name, read_one(row, name))


def placement_make_ups(placement: Placement) -> list[MakeUpPlacement]:
    """The placement's make-up internships by their first day, each with its absences. A
    make-up's days are a period of the placement: they come with the periods read with their
    make-up (``placement_page_prefetch``)."""
    periods = sorted(placement.periods.all(), key=lambda period: period.start_date)
    make_ups = [period.make_up for period in periods if getattr(period, "make_up", None)]
    prefetch_related_objects(make_ups, "absences")
    return make_ups


def _read_agreement(placement: Placement) -> Agreement | None:
    """The placement's agreement with its group and its versions, newest first, each with its
    signatures and signature requests; left on the placement for the other cards (documents)."""
    versions = AgreementVersion.objects.order_by("-number").prefetch_related(
        "signatures",
        Prefetch("signature_requests", SignatureRequest.objects.select_related("link")),
    )
    prefetch_related_objects(
        [placement],
        Prefetch("agreement", queryset=Agreement.objects.select_related("group")),
        Prefetch("agreement__versions", queryset=versions),
    )
    return read_one(placement, "agreement")


def _read_activity_list(placement: Placement) -> ActivityList | None:
    """The placement's activity list with who drew it up and its activities, left on the
    placement for the agreement card and the activity card (read by the first of them)."""
    if not is_read(placement, "activity_list"):
        lists = ActivityList.objects.select_related("drawn_up_by")
        prefetch_related_objects([placement], Prefetch("activity_list", queryset=lists))
    activity_list = read_one(placement, "activity_list")
    if activity_list is not None and prefetched(activity_list, "activities") is None:
        prefetch_related_objects([activity_list], "activities")
    return activity_list


@dataclass(frozen=True)
class VersionRow:
    version: AgreementVersion
    signatures: list[Signature]
    requests: list[SignatureRequest]
    pending: list[tuple[str, str]]
    required_parties: tuple[str, ...]

    @property
    def unsigned_parties(self) -> list[str]:
        signed = {signature.party for signature in self.signatures}
        return [party for party in self.required_parties if party not in signed]


@dataclass(frozen=True)
class AgreementPanel:
    agreement: Agreement | None
    versions: list[VersionRow] = field(default_factory=list)
    ready_problems: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    group: GroupAgreement | None = None
    group_pending: list[tuple[str, str]] = field(default_factory=list)

    @property
    def latest(self) -> VersionRow | None:
        return self.versions[0] if self.versions else None

    @property
    def is_closed(self) -> bool:
        return self.agreement is not None and self.agreement.status in (
            Agreement.Status.ENDED,
            Agreement.Status.TERMINATED,
        )

    @property
    def can_amend(self) -> bool:
        latest = self.latest
        return (
            self.agreement is not None
            and self.agreement.status in (Agreement.Status.SIGNED, Agreement.Status.ACTIVE)
            and latest is not None
            and latest.version.status == AgreementVersion.Status.SIGNED
        )


def agreement_panel(placement: Placement) -> AgreementPanel:
    agreement = _read_agreement(placement)
    if agreement is None:
        return AgreementPanel(agreement=None)
    rows = []
    for version in agreement.versions.all():
        version.agreement = agreement
        target = Signable(version=version)
        signatures = list(version.signatures.all())
        requests = sorted(version.signature_requests.all(), key=lambda r: r.created_at)
        open_requests = [r for r in requests if r.is_open]
        rows.append(
            VersionRow(
                version=version,
                signatures=signatures,
                requests=requests,
                pending=pending_signers(
                    version.content, target.required_parties, signatures, open_requests
                ),
                required_parties=target.required_parties,
            )
        )
    latest = rows[0].version
    ready_problems, changes = [], []
    activity_list = _read_activity_list(placement)
    if latest.status == AgreementVersion.Status.DRAFT:
        ready_problems = agreement_ready_problems(agreement)
    elif agreement.status not in (Agreement.Status.ENDED, Agreement.Status.TERMINATED):
        current = agreement_content_of(placement, agreement=agreement, activity_list=activity_list)
        changes = content_changes(latest.content, current)
    group = agreement.group
    group_pending = []
    if group is not None and group.status == GroupAgreement.Status.READY:
        target = Signable(group_agreement=group)
        group_pending = pending_signers(
            group.content,
            target.required_parties,
            list(target.signatures()),
            list(target.open_requests()),
        )
    return AgreementPanel(
        agreement=agreement,
        versions=rows,
        ready_problems=ready_problems,
        changes=changes,
        group=group,
        group_pending=group_pending,
    )


@dataclass(frozen=True)
class ActivityPanel:
    activity_list: ActivityList | None
    activities: list[Activity]

    @property
    def done_count(self) -> int:
        return sum(1 for activity in self.activities if activity.done)

    @property
    def must_open(self) -> int:
        return sum(
            1
            for activity in self.activities
            if activity.permission == Activity.Permission.MUST and not activity.done
        )


def activity_panel(placement: Placement) -> ActivityPanel:
    activity_list = _read_activity_list(placement)
    activities = list(activity_list.activities.all()) if activity_list else []
    return ActivityPanel(activity_list=activity_list, activities=activities)


@dataclass(frozen=True)
class RiskPanel:
    risk_assessment: RiskAssessment | None
    workstation_sheets: list[WorkstationSheet]
    health_assessment_required: bool
    health_assessments: list[HealthAssessment]


def risk_panel(placement: Placement) -> RiskPanel:
    return RiskPanel(
        risk_assessment=latest_risk_assessment(placement.workplace),
        workstation_sheets=list(placement.workplace.workstation_sheets.all()),
        health_assessment_required=health_assessment_required(placement),
        health_assessments=list(placement.student.health_assessments.all()),
    )


def start_blockers(placement: Placement, agreement: AgreementPanel) -> list[str] | None:
    """What keeps a placement in preparation from starting; None once it is past that. The
    agreement card (``agreement_panel``) has read the agreement and its signatures already."""
    if placement.status != Placement.Status.PREPARING:
        return None
    latest = agreement.latest
    signing = AgreementSigning(
        agreement=agreement.agreement,
        version=latest.version if latest else None,
        version_pending=latest.pending if latest else [],
        group_pending=agreement.group_pending,
    )
    return placement_start_blockers(placement, signing=signing)


@dataclass(frozen=True)
class GroupMemberRow:
    agreement: Agreement
    version: AgreementVersion
    student_signed: bool


def group_member_rows(group: GroupAgreement) -> list[GroupMemberRow]:
    """Each pupil of a group agreement with the latest version of their annex."""
    agreements = (
        group.agreements.select_related("placement__student")
        .prefetch_related("versions__signatures")
        .order_by("placement__student__last_name", "placement__student__first_name")
    )
    rows = []
    for agreement in agreements:
        latest = max(agreement.versions.all(), key=lambda version: version.number)
        signed = any(signature.party == Party.STUDENT for signature in latest.signatures.all())
        rows.append(GroupMemberRow(agreement=agreement, version=latest, student_signed=signed))
    return rows
