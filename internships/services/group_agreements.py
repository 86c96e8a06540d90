"""Global agreements for a host taking many pupils (8.1.2, option 1).

The school and the host sign one agreement that lists every pupil; each pupil (for a minor a
parent or guardian) signs a personal annex: the pupil's own agreement, which refers to the
group agreement and needs no other signature.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from internships.models import (
    Agreement,
    AgreementVersion,
    GroupAgreement,
    Host,
    Placement,
    School,
    SchoolYear,
    User,
)
from internships.selectors.agreement_clauses import clauses
from internships.selectors.agreement_content import (
    CONTENT_FORMAT,
    DOCUMENT_LANGUAGE,
    content_hash,
    host_data,
    school_data,
)
from internships.services.agreements import agreement_create, version_content

Status = GroupAgreement.Status


def _member(placement: Placement) -> dict[str, Any]:
    school_class = placement.school_class or placement.student.school_class
    return {
        "name": placement.student.full_name,
        "birth_date": placement.student.birth_date.isoformat(),
        "school_class": school_class.name if school_class else "",
        "programme": str(school_class.programme) if school_class else "",
        "workplace": f"{placement.workplace.name}, {placement.workplace.address}",
        "mentor": placement.mentor.full_name if placement.mentor else "",
        "start_date": placement.start_date.isoformat(),
        "end_date": placement.end_date.isoformat(),
        "kind_label": placement.get_kind_display(),
    }


def group_agreement_members(group_agreement: GroupAgreement) -> list[Placement]:
    return list(
        Placement.objects.filter(agreement__group=group_agreement)
        .select_related(
            "student__school_class__programme",
            "school_class__programme",
            "workplace",
            "mentor",
        )
        .order_by("student__last_name", "student__first_name", "pk")
    )


def group_agreement_content(group_agreement: GroupAgreement) -> dict[str, Any]:
    """What the school and the host sign: the parties, the general clauses and the pupils."""
    school = group_agreement.school
    with translation.override(DOCUMENT_LANGUAGE):
        return {
            "format": CONTENT_FORMAT,
            "title": _("Globale leerlingenstageovereenkomst"),
            "name": group_agreement.title,
            "legal_basis": _("omzendbrief SO/2015/01, leerlingenstages"),
            "school_year": str(group_agreement.school_year),
            "parties": {"school": school_data(school), "host": host_data(group_agreement.host)},
            "clauses": clauses(school.board, None),
            "annex_note": _(
                "Elke leerling-stagiair, of voor een minderjarige een ouder of voogd, ondertekent "
                "een persoonlijke bijlage met de stageperiodes, het uurrooster, de "
                "stageactiviteitenlijst, de afspraken over onkosten en de risicodocumenten."
            ),
            "members": [
                _member(placement) for placement in group_agreement_members(group_agreement)
            ],
        }


@transaction.atomic
def group_agreement_create(
    *,
    school: School,
    host: Host,
    school_year: SchoolYear,
    placements: list[Placement],
    title: str,
) -> GroupAgreement:
    """Creates a global agreement; each pupil's agreement (created when missing) joins it."""
    errors = []
    if not title.strip():
        raise ValidationError({"title": [_("Geef de globale overeenkomst een titel.")]})
    if host.school_id != school.pk:
        raise ValidationError(_("Deze stagegever hoort niet bij je school."))
    if not placements:
        raise ValidationError({"placements": [_("Kies minstens één stage.")]})
    for placement in placements:
        agreement = Agreement.objects.filter(placement=placement).first()
        if (
            placement.school_id != school.pk
            or placement.host_id != host.pk
            or placement.school_year_id != school_year.pk
        ):
            errors.append(
                _("De stage van %(student)s is geen stage bij %(host)s in %(year)s.")
                % {"student": placement.student, "host": host, "year": school_year}
            )
        elif agreement is not None and (
            agreement.group_id is not None or agreement.status != Agreement.Status.DRAFT
        ):
            errors.append(
                _(
                    "De overeenkomst van %(student)s is al klaar voor ondertekening of hoort al "
                    "bij een globale overeenkomst."
                )
                % {"student": placement.student}
            )
    if errors:
        raise ValidationError(errors)
    group_agreement = GroupAgreement(
        school=school, host=host, school_year=school_year, title=title.strip()
    )
    group_agreement.full_clean()
    group_agreement.save()
    for placement in placements:
        agreement = Agreement.objects.filter(placement=placement).first()
        if agreement is None:
            agreement = agreement_create(
                placement=placement,
                travel_costs=Agreement.TravelCosts.STUDENT,
                created_by=None,
            )
        agreement.group = group_agreement
        agreement.save(update_fields=["group", "updated_at"])
        for version in agreement.versions.filter(status=AgreementVersion.Status.DRAFT):
            version.content = version_content(
                agreement, number=version.number, reason=version.reason
            )
            version.save(update_fields=["content"])
    return group_agreement


@transaction.atomic
def group_agreement_make_ready(
    *, group_agreement: GroupAgreement, user: User | None
) -> GroupAgreement:
    """Freezes the group agreement's content and hash for the school's and host's signature."""
    if group_agreement.status != Status.DRAFT:
        raise ValidationError(
            _("Deze globale overeenkomst is %(status)s en kan niet meer gewijzigd worden.")
            % {"status": group_agreement.get_status_display()}
        )
    content = group_agreement_content(group_agreement)
    if not content["members"]:
        raise ValidationError(_("Er staan geen leerlingen op deze globale overeenkomst."))
    group_agreement.content = content
    group_agreement.content_hash = content_hash(content)
    group_agreement.status = Status.READY
    group_agreement.ready_at = timezone.now()
    group_agreement.save(update_fields=["content", "content_hash", "status", "ready_at"])
    return group_agreement
