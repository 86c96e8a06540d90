"""Asking for a document and asking again: the request only creates the record and queues the
task after the transaction commits (at once without a broker); the page follows its progress.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import Principal, StaffMember
from documents import tasks
from documents.models import STALE_AFTER, Document
from documents.selectors import latest_frozen_agreement_version
from internships.models import AgreementVersion, Placement, Programme, SchoolYear, User
from internships.selectors.placements import placements_visible_to
from visits.selectors import supervisor_get_for

logger = logging.getLogger(__name__)


def document_request(
    *,
    kind: str,
    principal: Principal,
    placement: Placement | None = None,
    agreement_version: AgreementVersion | None = None,
    school_year: SchoolYear | None = None,
    programme: Programme | None = None,
    supervisor: User | None = None,
    month: datetime.date | None = None,
) -> Document:
    """Creates a document and queues its rendering; the caller gets the record at once.

    Placement documents may be requested by anyone who may see the placement, school-year
    documents by coordinators, a supervisor's travel expenses of a month (7.2) by the
    supervisor and by coordinators. An agreement PDF shows ``agreement_version``, by default the
    placement's latest version offered for signature or signed. While the same document is
    still being made, asking again returns that one instead of a second copy.
    """
    kind = Document.Kind(kind)
    if not isinstance(principal, StaffMember):
        raise PermissionDenied
    user = principal.user
    subject = _subject(
        kind=kind,
        principal=principal,
        placement=placement,
        agreement_version=agreement_version,
        school_year=school_year,
        programme=programme,
        supervisor=supervisor,
        month=month,
    )
    key = Document.subject_key_for(kind=kind, **subject)
    with transaction.atomic():
        in_progress = Document.objects.filter(
            school_id=user.school_id,
            kind=kind,
            subject_key=key,
            status__in=[Document.Status.PENDING, Document.Status.RUNNING],
            updated_at__gte=timezone.now() - STALE_AFTER,
        ).first()
        if in_progress is not None:
            return in_progress
        document = _create_next_version(
            school_id=user.school_id, kind=kind, key=key, requested_by=user, subject=subject
        )
        _queue(document)
    logger.info("Document %s (%s) requested by user %s", document.pk, kind, user.pk)
    return document


def _subject(
    *,
    kind: str,
    principal: StaffMember,
    placement: Placement | None,
    agreement_version: AgreementVersion | None,
    school_year: SchoolYear | None,
    programme: Programme | None,
    supervisor: User | None,
    month: datetime.date | None,
) -> dict:
    if kind in Document.SUPERVISOR_KINDS:
        return _supervisor_subject(principal=principal, supervisor=supervisor, month=month)
    if kind in Document.PLACEMENT_KINDS:
        if placement is None:
            raise ValidationError(_("Kies de stage waarvoor je het document wilt."))
        if not placements_visible_to(principal).filter(pk=placement.pk).exists():
            raise PermissionDenied
        if kind == Document.Kind.INDIVIDUAL_DOSSIER:
            return {"placement": placement}
        version = _frozen_version(placement, agreement_version)
        return {"placement": placement, "agreement_version": version}
    if not principal.sees_whole_school:
        raise PermissionDenied
    if school_year is None:
        raise ValidationError(_("Kies een schooljaar."))
    if programme is not None and programme.school_id != principal.school_id:
        raise PermissionDenied
    return {"school_year": school_year, "programme": programme}


def _supervisor_subject(
    *, principal: StaffMember, supervisor: User | None, month: datetime.date | None
) -> dict:
    """A supervisor's month: the supervisor themselves, or anyone of the school for a
    coordinator (``visits.selectors.supervisor_get_for``)."""
    if supervisor is None or month is None:
        raise ValidationError(_("Kies de stagebegeleider en de maand."))
    try:
        supervisor = supervisor_get_for(principal, supervisor.pk)
    except Http404:
        raise PermissionDenied from None
    return {"supervisor": supervisor, "month": month.replace(day=1)}


def _frozen_version(placement: Placement, version: AgreementVersion | None) -> AgreementVersion:
    if version is None:
        version = latest_frozen_agreement_version(placement)
        if version is None:
            raise ValidationError(
                _("Deze stage heeft nog geen overeenkomst die klaar is voor ondertekening.")
            )
    if version.agreement.placement_id != placement.pk:
        raise PermissionDenied
    if version.status == AgreementVersion.Status.DRAFT:
        raise ValidationError(
            _("Een ontwerp van de overeenkomst kan nog niet als PDF gemaakt worden.")
        )
    return version


def _create_next_version(
    *, school_id: int, kind: str, key: str, requested_by: User, subject: dict
) -> Document:
    """The next version of the subject's documents; a concurrent request may take a number
    first, and then the unique constraint makes us take the one after it."""
    tries_left = 3
    while True:
        series = Document.objects.filter(school_id=school_id, kind=kind, subject_key=key)
        version = (series.aggregate(last=Max("version"))["last"] or 0) + 1
        try:
            with transaction.atomic():
                return Document.objects.create(
                    school_id=school_id,
                    kind=kind,
                    subject_key=key,
                    version=version,
                    requested_by=requested_by,
                    **subject,
                )
        except IntegrityError:
            tries_left -= 1
            if not tries_left:
                raise


def _queue(document: Document) -> None:
    """Queues the rendering once the record is committed (at once without a broker)."""
    document_pk, school_id = document.pk, document.school_id
    transaction.on_commit(lambda: tasks.render_document.delay(document_pk, school_id=school_id))


def document_retry(*, document: Document, user: User) -> Document:
    """Queues a failed (or abandoned) document again; the user sees its progress anew."""
    if not document.can_retry:
        raise ValidationError(
            _("Alleen een mislukt of vastgelopen document kan opnieuw gemaakt worden.")
        )
    with transaction.atomic():
        reset = Document.objects.filter(
            pk=document.pk, status=document.status, updated_at=document.updated_at
        ).update(
            status=Document.Status.PENDING,
            progress=0,
            error_message="",
            task_id="",
            finished_at=None,
            updated_at=timezone.now(),
        )
        if reset:
            _queue(document)
    if reset:
        logger.info("Document %s retried by user %s", document.pk, user.pk)
    document.refresh_from_db()
    return document
