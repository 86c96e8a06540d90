"""The URLs of agreements, signatures, activity lists and risk documents, for the permission
table and the isolation tests.

Each entry makes, in a school's world, the object its view acts on — in the state the view
needs — and returns the URL kwargs and a valid POST. It runs inside the test's transaction, so
what it makes is gone after the test.
"""

import datetime
from collections.abc import Callable

from django.utils import timezone

from internships.models import Activity, Agreement, AgreementVersion, Party, SignatureMethod
from internships.services.group_agreements import group_agreement_create, group_agreement_make_ready
from tests.conftest import SchoolWorld
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    AgreementFactory,
    AgreementVersionFactory,
    HealthAssessmentFactory,
    ProgrammeActivityFactory,
    RiskAssessmentFactory,
    SignatureFactory,
    SignatureRequestFactory,
    WorkstationSheetFactory,
    lawful_schedule,
    pdf_upload,
    ready_version,
)

TODAY = timezone.localdate


def draft_version(world: SchoolWorld) -> AgreementVersion:
    """A draft that can be made ready: an activity list and a lawful schedule."""
    ActivityFactory(activity_list=ActivityListFactory(placement=world.placement))
    lawful_schedule(world.placement)
    return AgreementVersionFactory(agreement=AgreementFactory(placement=world.placement))


def signed_version(world: SchoolWorld, status: str = Agreement.Status.SIGNED) -> AgreementVersion:
    version = ready_version(world.placement)
    for party in Party.values:
        SignatureFactory(version=version, party=party)
    AgreementVersion.objects.filter(pk=version.pk).update(status=AgreementVersion.Status.SIGNED)
    Agreement.objects.filter(pk=version.agreement_id).update(status=status)
    return version


def ready_group(world: SchoolWorld):
    group = group_agreement_create(
        school=world.school,
        host=world.host,
        school_year=world.school_year,
        placements=[world.placement],
        title="Globale overeenkomst",
    )
    return group_agreement_make_ready(group_agreement=group, user=world.coordinator)


def activity(world: SchoolWorld) -> Activity:
    return ActivityFactory(activity_list=ActivityListFactory(placement=world.placement))


def _in_placement(world: SchoolWorld, **kwargs) -> dict:
    return {"placement_pk": world.placement.pk, **kwargs}


def _version(version: AgreementVersion) -> dict:
    return {"placement_pk": version.agreement.placement_id, "pk": version.pk}


def _end(reason: str = "De leerling verhuist.") -> dict:
    return {"ended_on": TODAY().isoformat(), "reason": reason}


def _signer(party: str = Party.HOST) -> dict:
    return {
        "party": party,
        "signer_name": "An Claes",
        "signer_role": "zaakvoerder",
        "email": "an.claes@stagegever.example",
        "valid_days": 14,
    }


def _paper(party: str = Party.SCHOOL) -> dict:
    return {
        "party": party,
        "signer_name": "Els Peeters",
        "signer_role": "directeur",
        "signed_on": TODAY().isoformat(),
        "scan": pdf_upload("getekend.pdf"),
    }


def _document(**fields) -> dict:
    return {"document": pdf_upload(), **fields}


def _scan(world: SchoolWorld) -> int:
    signature = SignatureFactory(
        version=ready_version(world.placement),
        method=SignatureMethod.PAPER,
        scan=pdf_upload("scan.pdf"),
        ip_address=None,
    )
    return signature.pk


DAYS_AGO = (TODAY() - datetime.timedelta(days=3)).isoformat

VIEWS: dict[str, Callable[[SchoolWorld], tuple[dict, dict]]] = {
    "agreement-create": lambda w: (_in_placement(w), {"travel_costs": "host"}),
    "agreement-update": lambda w: (
        {"placement_pk": draft_version(w).agreement.placement_id},
        {"travel_costs": "school", "travel_costs_note": "abonnement De Lijn"},
    ),
    "agreement-amend": lambda w: (
        {"placement_pk": signed_version(w).agreement.placement_id},
        {"reason": "Een andere stagementor."},
    ),
    "agreement-end": lambda w: (
        {"placement_pk": signed_version(w, Agreement.Status.ACTIVE).agreement.placement_id},
        _end("De stage is afgerond."),
    ),
    "agreement-terminate": lambda w: (
        {"placement_pk": ready_version(w.placement).agreement.placement_id},
        _end(),
    ),
    "version-detail": lambda w: (_version(ready_version(w.placement)), {}),
    "version-ready": lambda w: (_version(draft_version(w)), {}),
    "version-withdraw": lambda w: (_version(ready_version(w.placement)), {}),
    "signature-request-create": lambda w: (_version(ready_version(w.placement)), _signer()),
    "signature-paper": lambda w: (_version(ready_version(w.placement)), _paper()),
    "signature-request-revoke": lambda w: (
        {"pk": SignatureRequestFactory(version=ready_version(w.placement)).pk},
        {},
    ),
    "signature-scan": lambda w: ({"pk": _scan(w)}, {}),
    "group-agreement-create": lambda w: (
        {"host_pk": w.host.pk},
        {"title": "Globale overeenkomst", "placements": [w.placement.pk]},
    ),
    "group-agreement-detail": lambda w: ({"pk": ready_group(w).pk}, {}),
    "group-agreement-ready": lambda w: (
        {
            "pk": group_agreement_create(
                school=w.school,
                host=w.host,
                school_year=w.school_year,
                placements=[w.placement],
                title="Globale overeenkomst",
            ).pk
        },
        {},
    ),
    "group-signature-request-create": lambda w: ({"pk": ready_group(w).pk}, _signer()),
    "group-signature-paper": lambda w: ({"pk": ready_group(w).pk}, _paper()),
    "programme-detail": lambda w: ({"pk": w.school_class.programme_id}, {}),
    "programme-activity-create": lambda w: (
        {"programme_pk": w.school_class.programme_id},
        {"curriculum_goal": "LPD 7", "description": "Helpt bij de maaltijden", "position": 1},
    ),
    "programme-activity-update": lambda w: (
        {"pk": ProgrammeActivityFactory(programme=w.school_class.programme).pk},
        {"curriculum_goal": "LPD 8", "description": "Helpt bij het wassen", "position": 2},
    ),
    "programme-activity-delete": lambda w: (
        {"pk": ProgrammeActivityFactory(programme=w.school_class.programme).pk},
        {},
    ),
    "activity-list": lambda w: (_in_placement(w), {}),
    "activity-list-create": lambda w: (_in_placement(w), {}),
    "activity-list-confirm": lambda w: (
        {"placement_pk": ActivityListFactory(placement=w.placement).placement_id},
        {},
    ),
    "activity-create": lambda w: (
        {"placement_pk": ActivityListFactory(placement=w.placement).placement_id},
        {"curriculum_goal": "", "description": "Medicatie uitdelen", "permission": "may_not"},
    ),
    "activity-update": lambda w: (
        _in_placement(w, pk=activity(w).pk),
        {"curriculum_goal": "LPD 3", "description": "Bedden opmaken", "permission": "may"},
    ),
    "activity-permission": lambda w: (_in_placement(w, pk=activity(w).pk), {"permission": "may"}),
    "activity-done": lambda w: (_in_placement(w, pk=activity(w).pk), {"done": "on"}),
    "activity-delete": lambda w: (_in_placement(w, pk=activity(w).pk), {}),
    "workplace-detail": lambda w: ({"pk": w.workplace.pk}, {}),
    "risk-assessment-create": lambda w: (
        {"workplace_pk": w.workplace.pk},
        _document(assessed_on=DAYS_AGO(), health_surveillance_required="on"),
    ),
    "workstation-sheet-create": lambda w: (
        {"workplace_pk": w.workplace.pk},
        _document(workstation="Keuken", issued_on=DAYS_AGO()),
    ),
    "health-assessment-create": lambda w: (
        _in_placement(w),
        _document(assessed_on=DAYS_AGO(), conclusion="geschikt"),
    ),
    "risk-assessment-download": lambda w: (
        {"pk": RiskAssessmentFactory(workplace=w.workplace).pk},
        {},
    ),
    "workstation-sheet-download": lambda w: (
        {"pk": WorkstationSheetFactory(workplace=w.workplace).pk},
        {},
    ),
    "health-assessment-download": lambda w: (
        {"pk": HealthAssessmentFactory(student=w.pupil).pk},
        {},
    ),
}

READ_ONLY = {
    "version-detail",
    "signature-scan",
    "group-agreement-detail",
    "programme-detail",
    "activity-list",
    "workplace-detail",
    "risk-assessment-download",
    "workstation-sheet-download",
    "health-assessment-download",
}
POST_ONLY = {
    "version-ready",
    "version-withdraw",
    "signature-request-revoke",
    "group-agreement-ready",
    "programme-activity-delete",
    "activity-list-create",
    "activity-list-confirm",
    "activity-permission",
    "activity-done",
    "activity-delete",
}
# Views behind one placement (or its agreement): a supervisor sees only their own placements.
PLACEMENT_VIEWS = {
    name
    for name in VIEWS
    if name.startswith(("agreement-", "version-", "activity-", "signature-"))
    or name == "health-assessment-create"
    or name == "health-assessment-download"
}
# Coordinators and school admins only: supervisors get 403.
COORDINATOR_VIEWS = {name for name in VIEWS if name.startswith(("group-", "programme-"))}


def requests_of(names) -> list[tuple[str, str]]:
    """(name, method) for each method a view answers."""
    return [
        (name, method)
        for name in sorted(names)
        for method in ("get", "post")
        if not (name in READ_ONLY and method == "post")
        and not (name in POST_ONLY and method == "get")
    ]
