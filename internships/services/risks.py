"""The host's risk documents per workplace and the pupil's health assessment (8.1.4)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.validators import validate_document_upload
from internships.models import (
    HealthAssessment,
    RiskAssessment,
    Student,
    User,
    Workplace,
    WorkstationSheet,
)


def _check_date(value: datetime.date, field: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: [_("Deze datum ligt in de toekomst.")]})


def _check_document(document: UploadedFile, field: str = "document") -> None:
    try:
        validate_document_upload(document)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


@transaction.atomic
def risk_assessment_upload(
    *,
    workplace: Workplace,
    document: UploadedFile,
    assessed_on: datetime.date,
    health_surveillance_required: bool,
    mainly_screen_work: bool,
    user: User,
    notes: str = "",
) -> RiskAssessment:
    """Records the host's risk assessment of a workplace; it serves every pupil placed there."""
    _check_document(document)
    _check_date(assessed_on, "assessed_on")
    risk_assessment = RiskAssessment(
        workplace=workplace,
        document=document,
        assessed_on=assessed_on,
        health_surveillance_required=health_surveillance_required,
        mainly_screen_work=mainly_screen_work,
        notes=notes,
        uploaded_by=user,
    )
    risk_assessment.full_clean()
    risk_assessment.save()
    return risk_assessment


@transaction.atomic
def workstation_sheet_upload(
    *,
    workplace: Workplace,
    workstation: str,
    document: UploadedFile,
    issued_on: datetime.date,
    user: User,
) -> WorkstationSheet:
    _check_document(document)
    _check_date(issued_on, "issued_on")
    sheet = WorkstationSheet(
        workplace=workplace,
        workstation=workstation,
        document=document,
        issued_on=issued_on,
        uploaded_by=user,
    )
    sheet.full_clean()
    sheet.save()
    return sheet


@transaction.atomic
def health_assessment_upload(
    *,
    student: Student,
    document: UploadedFile,
    assessed_on: datetime.date,
    user: User,
    conclusion: str = "",
) -> HealthAssessment:
    """Records the pupil's health assessment; it stays valid while no new risks appear."""
    _check_document(document)
    _check_date(assessed_on, "assessed_on")
    assessment = HealthAssessment(
        student=student,
        document=document,
        assessed_on=assessed_on,
        conclusion=conclusion,
        uploaded_by=user,
    )
    assessment.full_clean()
    assessment.save()
    return assessment
