"""Reads of agreements: which a principal sees, their versions, who still has to sign them,
and what keeps a draft from being offered for signature (8.1.2)."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.fields.json import KeyTransform
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from internships.models import (
    ActivityList,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    Placement,
    SchoolYear,
    Signature,
    SignatureRequest,
)
from internships.selectors.placements import placements_visible_to
from internships.selectors.prefetched import is_read, read_one
from internships.selectors.signatures import GROUP_PARTIES, Signable, pending_signers

VersionStatus = AgreementVersion.Status
CLOSED = (Agreement.Status.ENDED, Agreement.Status.TERMINATED)


def group_agreements_visible_to(principal: Principal) -> QuerySet[GroupAgreement]:
    """Group agreements concern many pupils: only coordinators, school admins and the API."""
    match principal:
        case StaffMember() if principal.sees_whole_school:
            return GroupAgreement.objects.filter(school_id=principal.school_id)
        case ApiClient():
            return GroupAgreement.objects.filter(school_id=principal.school_id)
        case StaffMember() | LinkHolder() | Anonymous():
            return GroupAgreement.objects.none()
        case _:
            unknown_principal(principal)


def group_agreement_get_for(principal: Principal, pk: int) -> GroupAgreement:
    queryset = group_agreements_visible_to(principal).select_related("host", "school_year")
    return get_object_or_404(queryset, pk=pk)


def _on_visible_document(principal: Principal) -> Q:
    return Q(version__agreement__placement__in=placements_visible_to(principal)) | Q(
        group_agreement__in=group_agreements_visible_to(principal)
    )


def signature_get_for(principal: Principal, pk: int) -> Signature:
    return get_object_or_404(Signature.objects.filter(_on_visible_document(principal)), pk=pk)


def signature_request_get_for(principal: Principal, pk: int) -> SignatureRequest:
    queryset = SignatureRequest.objects.filter(_on_visible_document(principal))
    return get_object_or_404(queryset.select_related("version__agreement"), pk=pk)


def agreement_latest_version(agreement: Agreement) -> AgreementVersion:
    """The version being prepared or signed now: the one with the highest number."""
    return agreement.versions.order_by("-number").first()


def agreement_current_version(agreement: Agreement) -> AgreementVersion:
    """The version in force: the latest signed one, else the latest."""
    signed = agreement.versions.filter(status=VersionStatus.SIGNED).order_by("-number").first()
    return signed or agreement_latest_version(agreement)


def agreement_locks_annexes(placement: Placement) -> bool:
    """Whether the agreement's annexes (the activity list) are frozen in a version that is
    ready or signed: changing them then takes an amendment."""
    agreement = Agreement.objects.filter(placement=placement).first()
    if agreement is None:
        return False
    return agreement_latest_version(agreement).status != VersionStatus.DRAFT


def agreement_ready_problems(agreement: Agreement) -> list[str]:
    """What still keeps the agreement from being offered for signature, in Dutch."""
    placement = agreement.placement
    problems = []
    if not placement.periods.exists():
        problems.append(_("Er zijn nog geen stageperiodes."))
    if placement.mentor_id is None:
        problems.append(_("Er is nog geen stagementor gekozen."))
    if placement.supervisor_id is None:
        problems.append(_("Er is nog geen stagebegeleider gekozen."))
    if is_read(placement, "activity_list"):  # with its activities, on the placement's page
        activity_list = read_one(placement, "activity_list")
    else:
        activity_list = ActivityList.objects.filter(placement=placement).first()
    if activity_list is None:
        problems.append(_("Er is nog geen stageactiviteitenlijst (8.1.3)."))
    elif not activity_list.activities.exists():
        problems.append(_("De stageactiviteitenlijst is leeg (8.1.3)."))
    problems += schedule_problems(placement)
    student = placement.student
    if (
        student.is_minor_on(placement.start_date)
        and not student.guardians.filter(may_sign=True).exists()
    ):
        problems.append(
            _("Er is geen ouder of voogd die voor de minderjarige leerling mag tekenen (8.1.2).")
        )
    group = agreement.group
    if group is not None and group.status == group.Status.DRAFT:
        problems.append(
            _("Maak eerst de globale overeenkomst ‘%(title)s’ klaar.") % {"title": group}
        )
    return problems


def schedule_problems(placement: Placement) -> list[str]:
    """Whether the schedule was checked and breaks none of the labour rules (5).

    The compliance app stores each placement's latest check as ``placement.compliance`` whenever
    its schedule changes; a placement without one was never checked. A page that read the check
    along with the placement (the placement's page) reads it no more."""
    if is_read(placement, "compliance"):
        check = read_one(placement, "compliance")
        count = check.error_count if check is not None else None
    else:
        count = (
            Placement.objects.filter(pk=placement.pk)
            .values_list("compliance__error_count", flat=True)
            .first()
        )
    if count is None:
        return [_("Het rooster is nog niet gecontroleerd.")]
    if count:
        return [
            ngettext(
                "Het rooster overtreedt de arbeidsregels (%(count)s fout)",
                "Het rooster overtreedt de arbeidsregels (%(count)s fouten)",
                count,
            )
            % {"count": count}
        ]
    return []


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
        queryset=SignatureRequest.objects.open(),
        to_attr="open_requests",
    )


def _awaiting(principal: Principal, school_year: SchoolYear) -> tuple[QuerySet, QuerySet]:
    """The agreement versions and the group agreements of ``school_year`` offered for
    signature and not closed."""
    versions = AgreementVersion.objects.filter(
        status=AgreementVersion.Status.READY,
        agreement__placement__in=placements_visible_to(principal).filter(school_year=school_year),
    ).exclude(agreement__status__in=[Agreement.Status.ENDED, Agreement.Status.TERMINATED])
    groups = group_agreements_visible_to(principal).filter(
        school_year=school_year, status=GroupAgreement.Status.READY
    )
    return versions, groups


def awaiting_signatures_count(principal: Principal, *, school_year: SchoolYear) -> int:
    versions, groups = _awaiting(principal, school_year)
    return versions.count() + groups.count()


def awaiting_signatures(
    principal: Principal, *, school_year: SchoolYear, limit: int | None = None
) -> list[AwaitingSignatures]:
    """Agreement versions and group agreements waiting for signatures (at most ``limit`` of
    each, the first to start first), in a fixed number of queries however many there are. Of
    each frozen content only the parties are read (the names of who signs): the whole
    document is large."""
    versions, groups = _awaiting(principal, school_year)
    versions = (
        versions.select_related("agreement__placement__student", "agreement__placement__host")
        .defer("content")
        .annotate(parties=KeyTransform("parties", "content"))
        .prefetch_related("signatures", _open_requests())
        .order_by("agreement__placement__start_date", "pk")
    )
    groups = (
        groups.select_related("host")
        .defer("content")
        .annotate(parties=KeyTransform("parties", "content"))
        .prefetch_related("signatures", _open_requests())
        .order_by("pk")
    )
    if limit is not None:
        versions, groups = versions[:limit], groups[:limit]
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
                    {"parties": version.parties or {}},
                    required,
                    list(version.signatures.all()),
                    version.open_requests,
                ),
            )
        )
    rows += [
        AwaitingSignatures(
            title=f"{group.title} – {group.host}",
            placement=None,
            group_agreement=group,
            version=None,
            pending=pending_signers(
                {"parties": group.parties or {}},
                GROUP_PARTIES,
                list(group.signatures.all()),
                group.open_requests,
            ),
        )
        for group in groups
    ]
    return rows
