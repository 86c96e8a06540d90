"""What must be in place before a placement starts (8.1, annex 3: "a pupil without a valid
contract cannot start"): a signed agreement, a schedule within the labour rules, and the risk
documents of the workplace."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from internships.models import Agreement, AgreementVersion, GroupAgreement, Placement
from internships.selectors.agreements import agreement_latest_version, schedule_problems
from internships.selectors.risks import health_assessment_required, latest_risk_assessment
from internships.selectors.signatures import Signable, describe_pending, pending_signers

CONCLUDED = (Agreement.Status.SIGNED, Agreement.Status.ENDED, Agreement.Status.TERMINATED)


@dataclass(frozen=True)
class AgreementSigning:
    """What the gate weighs of a placement's agreement: the agreement (with its group), its
    latest version, and who still has to sign that version and the group agreement (party
    label, name). The placement page passes what its agreement card has read already."""

    agreement: Agreement | None
    version: AgreementVersion | None = None
    version_pending: list[tuple[str, str]] = field(default_factory=list)
    group_pending: list[tuple[str, str]] = field(default_factory=list)


def _pending(target: Signable, content: dict) -> list[tuple[str, str]]:
    return pending_signers(
        content,
        target.required_parties,
        list(target.signatures()),
        list(target.open_requests()),
    )


def agreement_signing(placement: Placement) -> AgreementSigning:
    """Reads what :func:`placement_start_blockers` weighs of the agreement, and no more."""
    agreement = Agreement.objects.filter(placement=placement).select_related("group").first()
    if agreement is None or agreement.status in CONCLUDED:
        return AgreementSigning(agreement=agreement)
    version = agreement_latest_version(agreement)
    if version.status != AgreementVersion.Status.READY:
        return AgreementSigning(agreement=agreement, version=version)
    group = agreement.group
    return AgreementSigning(
        agreement=agreement,
        version=version,
        version_pending=_pending(Signable(version=version), version.content),
        group_pending=(
            _pending(Signable(group_agreement=group), group.content)
            if group is not None and group.status == GroupAgreement.Status.READY
            else []
        ),
    )


def _agreement_blockers(signing: AgreementSigning) -> list[str]:
    agreement = signing.agreement
    if agreement is None:
        return [_("Er is nog geen leerlingenstageovereenkomst (8.1.2).")]
    if agreement.status == Agreement.Status.SIGNED:
        return []
    if agreement.status in (Agreement.Status.ENDED, Agreement.Status.TERMINATED):
        return [_("De overeenkomst is beëindigd.")]
    if signing.version.status != AgreementVersion.Status.READY:
        return [_("De overeenkomst is nog niet klaar voor ondertekening.")]
    blockers = []
    if signing.version_pending:
        blockers.append(
            _("De overeenkomst is nog niet ondertekend door: %(parties)s")
            % {"parties": describe_pending(signing.version_pending)}
        )
    group = agreement.group
    if group is not None and group.status != GroupAgreement.Status.SIGNED:
        if group.status == GroupAgreement.Status.DRAFT:
            blockers.append(
                _("De globale overeenkomst ‘%(title)s’ is nog niet klaar voor ondertekening.")
                % {"title": group.title}
            )
        else:
            blockers.append(
                _("De globale overeenkomst is nog niet ondertekend door: %(parties)s")
                % {"parties": describe_pending(signing.group_pending)}
            )
    return blockers


def placement_start_blockers(
    placement: Placement, *, signing: AgreementSigning | None = None
) -> list[str]:
    """Why the placement cannot start yet, each in a specific Dutch sentence; empty when it can.
    ``signing``: what :func:`agreement_signing` reads, when the caller has read it already."""
    blockers = _agreement_blockers(signing or agreement_signing(placement))
    if not placement.periods.exists():
        blockers.append(_("Er zijn nog geen stageperiodes."))
    else:
        blockers += schedule_problems(placement)
    risk_assessment = latest_risk_assessment(placement.workplace)
    if risk_assessment is None:
        blockers.append(
            _("Er is geen risicoanalyse voor stageplaats %(workplace)s")
            % {"workplace": placement.workplace}
        )
        # Whether a workstation sheet or a health assessment is needed follows from it.
        return blockers
    if (
        risk_assessment.health_surveillance_required
        and not placement.workplace.workstation_sheets.exists()
    ):
        blockers.append(_("Werkpostfiche ontbreekt (gezondheidstoezicht vereist)"))
    if health_assessment_required(placement) and not placement.student.health_assessments.exists():
        blockers.append(_("Gezondheidsbeoordeling ontbreekt"))
    return blockers
