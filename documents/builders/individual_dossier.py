"""The individual internship dossier (individueel stagedossier, annex 2) of one placement.

Sections: the individual record card (steekkaart), the agreement's versions and who signed
them, the activity list with what was done, the risk documents, the schedule with its
labour-rule check, the absences with their make-up internships, and the supervisor's visits.
Evaluations join with the mentor portal.

:func:`dossier_placements` loads everything in a fixed number of queries, however many
placements it is given, so the inspection export can render hundreds of dossiers in chunks.
"""

import datetime
from dataclasses import dataclass
from typing import BinaryIO

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from attendance.selectors import dossier_attendance
from compliance.selectors import StoredViolation
from documents.builders.agreement import GROUP_PARTIES
from documents.builders.common import class_of, programme_of
from documents.models import Document
from documents.rendering import PdfSource, pdf_context, pdf_source, write_pdf
from evaluations.selectors import dossier_evaluations
from evaluations.selectors import dossier_prefetch as dossier_evaluation_prefetch
from internships.models import (
    AgreementVersion,
    MakeUpPlacement,
    Party,
    Placement,
    PlacementPeriod,
    Signature,
    SignatureRequest,
    Visit,
)
from internships.selectors.notifications import correspondence_prefetch, placement_correspondence
from logbook.selectors import dossier_logbook
from logbook.selectors import dossier_prefetch as dossier_logbook_prefetch

TEMPLATE = "documents/pdf/individual_dossier.html"
# Part of the content hash of every dossier an export stores: raise it when the dossier changes
# in a way its HTML does not show, so no dossier made the old way is reused.
VERSION = 1


def dossier_placements() -> QuerySet[Placement]:
    """Placements with everything their dossier shows: 1 query plus the prefetches."""
    versions = AgreementVersion.objects.order_by("number").prefetch_related(
        Prefetch("signatures", queryset=Signature.objects.order_by("signed_at")),
        Prefetch(
            "signature_requests",
            queryset=SignatureRequest.objects.open(),
        ),
    )
    return Placement.objects.select_related(
        "school__board",
        "school_year",
        "student__school_class__programme",
        "school_class__programme",
        "host",
        "workplace",
        "mentor",
        "supervisor",
        "compliance",
        "agreement__group",
        "activity_list",
    ).prefetch_related(
        "student__guardians",
        "student__health_assessments",
        "workplace__risk_assessments",
        "workplace__workstation_sheets",
        Prefetch("agreement__versions", queryset=versions),
        "agreement__group__signatures",
        "activity_list__activities",
        Prefetch("periods", queryset=PlacementPeriod.objects.select_related("make_up")),
        "schedule_exceptions",
        "exemptions",
        "absences",
        Prefetch(
            "make_ups",
            queryset=MakeUpPlacement.objects.select_related("period").prefetch_related("absences"),
        ),
        Prefetch("visits", queryset=Visit.objects.select_related("visited_by")),
        dossier_evaluation_prefetch(),
        dossier_logbook_prefetch(),
        correspondence_prefetch(),
    )


@dataclass(frozen=True)
class PartyStatus:
    """Where one party stands on one version: signed, invited by link, or still to invite."""

    party: str
    label: str
    signature: Signature | None
    open_request: SignatureRequest | None


@dataclass(frozen=True)
class VersionSummary:
    version: AgreementVersion
    parties: list[PartyStatus]


def version_summaries(placement: Placement) -> list[VersionSummary]:
    """Each version's parties; for a pupil's annex to a group agreement, the school and the
    host sign the group agreement (once for all pupils) instead of the version."""
    agreement = getattr(placement, "agreement", None)
    if agreement is None:
        return []
    now = timezone.now()
    group_signatures = {}
    if agreement.group is not None:
        group_signatures = {
            signature.party: signature
            for signature in agreement.group.signatures.all()
            if signature.party in GROUP_PARTIES
        }
    summaries = []
    for version in agreement.versions.all():
        signatures = {signature.party: signature for signature in version.signatures.all()}
        signatures.update(group_signatures)
        requests = {
            request.party: request
            for request in version.signature_requests.all()
            if request.expires_at > now
        }
        parties = [
            PartyStatus(
                party=party,
                label=str(label),
                signature=signatures.get(party),
                open_request=None if party in signatures else requests.get(party),
            )
            for party, label in Party.choices
        ]
        summaries.append(VersionSummary(version=version, parties=parties))
    return summaries


def agreement_date(placement: Placement) -> datetime.datetime | None:
    """When the agreement in force was signed by the last of the three parties."""
    agreement = getattr(placement, "agreement", None)
    if agreement is None:
        return None
    signed = [version.signed_at for version in agreement.versions.all() if version.signed_at]
    return max(signed) if signed else None


@dataclass(frozen=True)
class Finding:
    """One labour-rule finding and every day it occurs on (a rule broken every day of a
    block would otherwise fill pages with the same sentence)."""

    severity: str
    message: str
    source: str
    dates: list[datetime.date]

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def findings(check) -> list[Finding]:
    grouped: dict[tuple[str, str, str], list[datetime.date]] = {}
    for item in check.violations:
        violation = StoredViolation(
            rule=item["rule"],
            date=datetime.date.fromisoformat(item["date"]),
            severity=item["severity"],
            source=item["source"],
            template=item["template"],
            params=item["params"],
        )
        key = (violation.severity, violation.message, violation.source)
        grouped.setdefault(key, []).append(violation.date)
    found = [
        Finding(severity=severity, message=message, source=source, dates=sorted(dates))
        for (severity, message, source), dates in grouped.items()
    ]
    return sorted(found, key=lambda finding: (not finding.is_error, finding.dates[0]))


def compliance_report(placement: Placement) -> dict:
    check = getattr(placement, "compliance", None)
    if check is None:
        return {"check": None, "findings": [], "volume": {}, "input_errors": []}
    return {
        "check": check,
        "findings": findings(check),
        "volume": check.totals.get("volume", {}),
        "input_errors": check.totals.get("input_errors", []),
    }


def dossier_context(placement: Placement, *, attendance: dict | None = None) -> dict:
    """The template's context, from a placement loaded by :func:`dossier_placements`; an
    export passes the worked hours it read for all its placements at once."""
    student = placement.student
    activity_list = getattr(placement, "activity_list", None)
    return pdf_context(
        school=placement.school,
        title=_("Individueel stagedossier %(student)s") % {"student": student},
        placement=placement,
        student=student,
        is_minor=student.is_minor_on(placement.start_date),
        school_class=class_of(placement),
        programme=programme_of(placement),
        agreement=getattr(placement, "agreement", None),
        agreement_date=agreement_date(placement),
        versions=version_summaries(placement),
        activity_list=activity_list,
        activities=list(activity_list.activities.all()) if activity_list else [],
        compliance=compliance_report(placement),
        evaluations=dossier_evaluations(placement),
        attendance=attendance or dossier_attendance(placement),
        logbook_entries=dossier_logbook(placement),
        correspondence=placement_correspondence(placement),
    )


def dossier_source(placement: Placement, *, attendance: dict | None = None) -> PdfSource:
    """The dossier's HTML, from a placement loaded by :func:`dossier_placements`."""
    return pdf_source(TEMPLATE, dossier_context(placement, attendance=attendance))


def render_dossier(
    placement: Placement,
    *,
    output: BinaryIO,
    image_cache: dict | None = None,
    attendance: dict | None = None,
) -> None:
    write_pdf(dossier_source(placement, attendance=attendance), output, image_cache=image_cache)


def write(document: Document, *, output: BinaryIO, progress) -> None:
    placement = dossier_placements().get(pk=document.placement_id)
    progress(20)
    render_dossier(placement, output=output)
