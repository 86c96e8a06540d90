"""Reads for the cards of the placement page: its agreement, activity list, risk documents and
start gate. The view has already fetched the placement through the selectors, so these need no
user."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects

from internships.models import (
    Activity,
    ActivityList,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    HealthAssessment,
    Party,
    Placement,
    PlacementPeriod,
    RiskAssessment,
    Signature,
    SignatureRequest,
    Visit,
    WorkstationSheet,
)
from internships.selectors.agreement_content import agreement_content, content_changes
from internships.selectors.agreements import agreement_ready_problems
from internships.selectors.gate import AgreementSigning, placement_start_blockers
from internships.selectors.risks import health_assessment_required, latest_risk_assessment
from internships.selectors.signatures import Signable, pending_signers


def placement_page_prefetch(placement: Placement) -> Placement:
    """Reads once what several cards of the placement page read again: the periods (with their
    make-up), single-day exceptions and exemptions that the schedule, visit plan, attendance
    and agreement expand, the visits, and the risk documents that the risk card and the start
    gate both weigh. The page only reads, so nothing it caches goes stale."""
    prefetch_related_objects(
        [placement],
        Prefetch("periods", queryset=PlacementPeriod.objects.select_related("make_up")),
        "schedule_exceptions",
        "exemptions",
        Prefetch("visits", queryset=Visit.objects.select_related("visited_by")),
        "workplace__risk_assessments",
        "workplace__workstation_sheets",
        "student__health_assessments",
    )
    return placement


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
    agreement = Agreement.objects.filter(placement=placement).select_related("group").first()
    if agreement is None:
        return AgreementPanel(agreement=None)
    versions = agreement.versions.order_by("-number").prefetch_related(
        "signatures",
        Prefetch("signature_requests", SignatureRequest.objects.select_related("link")),
    )
    rows = []
    for version in versions:
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
    if latest.status == AgreementVersion.Status.DRAFT:
        ready_problems = agreement_ready_problems(agreement)
    elif agreement.status not in (Agreement.Status.ENDED, Agreement.Status.TERMINATED):
        changes = content_changes(latest.content, agreement_content(placement))
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
    activity_list = ActivityList.objects.filter(placement=placement).first()
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
