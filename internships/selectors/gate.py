"""What must be in place before a placement starts (8.1, annex 3: "a pupil without a valid
contract cannot start"): a signed agreement, a schedule within the labour rules, and the risk
documents of the workplace."""

from django.utils.translation import gettext as _

from internships.models import Agreement, AgreementVersion, GroupAgreement, Placement
from internships.selectors.agreements import agreement_latest_version, schedule_problems
from internships.selectors.risks import health_assessment_required, latest_risk_assessment
from internships.selectors.signatures import Signable, describe_pending, pending_signers


def _pending(target: Signable, content: dict) -> str:
    return describe_pending(
        pending_signers(
            content,
            target.required_parties,
            list(target.signatures()),
            list(target.open_requests()),
        )
    )


def _agreement_blockers(placement: Placement) -> list[str]:
    agreement = Agreement.objects.filter(placement=placement).select_related("group").first()
    if agreement is None:
        return [_("Er is nog geen leerlingenstageovereenkomst (8.1.2).")]
    if agreement.status == Agreement.Status.SIGNED:
        return []
    if agreement.status in (Agreement.Status.ENDED, Agreement.Status.TERMINATED):
        return [_("De overeenkomst is beëindigd.")]
    version = agreement_latest_version(agreement)
    if version.status != AgreementVersion.Status.READY:
        return [_("De overeenkomst is nog niet klaar voor ondertekening.")]
    blockers = []
    target = Signable(version=version)
    if target.missing_parties():
        blockers.append(
            _("De overeenkomst is nog niet ondertekend door: %(parties)s")
            % {"parties": _pending(target, version.content)}
        )
    group = agreement.group
    if group is not None and group.status != GroupAgreement.Status.SIGNED:
        if group.status == GroupAgreement.Status.DRAFT:
            blockers.append(
                _("De globale overeenkomst ‘%(title)s’ is nog niet klaar voor ondertekening.")
                % {"title": group.title}
            )
        else:
            group_target = Signable(group_agreement=group)
            blockers.append(
                _("De globale overeenkomst is nog niet ondertekend door: %(parties)s")
                % {"parties": _pending(group_target, group.content)}
            )
    return blockers


def placement_start_blockers(placement: Placement) -> list[str]:
    """Why the placement cannot start yet, each in a specific Dutch sentence; empty when it can."""
    blockers = _agreement_blockers(placement)
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
