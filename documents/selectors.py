"""Reads of documents that depend on who asks.

A placement's documents are visible to whoever may see the placement (``placements_visible_to``:
the whole school for a coordinator, only their own placements for a supervisor); school-year
documents (general dossier, inspection export) only to coordinators; a supervisor's travel
expenses to the supervisor and to coordinators. Anything else answers 404, exactly like the
subject's own page.
"""

from django.db.models import Q, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from core.principals import (
    Anonymous,
    ApiClient,
    LinkHolder,
    Principal,
    StaffMember,
    unknown_principal,
)
from documents.models import Document
from internships.models import AgreementVersion, Placement, Programme
from internships.selectors.placements import placements_visible_to
from internships.selectors.prefetched import is_read, prefetched, read_one
from internships.selectors.school import programmes_visible_to

# What a document's title and file name need, in the same query.
SUBJECT_FIELDS = (
    "placement__student",
    "agreement_version",
    "school_year",
    "programme",
    "supervisor",
)


def documents_visible_to(principal: Principal) -> QuerySet[Document]:
    """Staff see the documents of the placements they see and their own travel expenses,
    coordinators also the school-year documents and everyone's travel expenses; link holders
    and the API see none (they get their documents another way)."""
    match principal:
        case StaffMember():
            visible = Q(placement__in=placements_visible_to(principal)) | Q(
                kind__in=Document.SUPERVISOR_KINDS, supervisor_id=principal.user.pk
            )
            if principal.sees_whole_school:
                visible |= Q(kind__in=(*Document.SCHOOL_YEAR_KINDS, *Document.SUPERVISOR_KINDS))
            return Document.objects.filter(visible, school_id=principal.school_id)
        case LinkHolder() | ApiClient() | Anonymous():
            return Document.objects.none()
        case _:
            unknown_principal(principal)


def document_get_for(principal: Principal, pk: int) -> Document:
    queryset = documents_visible_to(principal).select_related(*SUBJECT_FIELDS, "requested_by")
    return get_object_or_404(queryset, pk=pk)


def _agreement_versions_read(placement: Placement) -> list[AgreementVersion] | None:
    """The versions of the placement's agreement when the page read them along with it (the
    placement page's agreement card does), each with its agreement; None when it did not."""
    if not is_read(placement, "agreement"):
        return None
    agreement = read_one(placement, "agreement")
    if agreement is None:
        return []
    return prefetched(agreement, "versions")


def placement_documents(placement: Placement, *, limit: int = 10) -> list[Document]:
    """The placement's latest documents, for a page that already checked the user's access.

    Their subject is ``placement`` itself and, for an agreement, one of its versions (taken
    from what the page read, else read here); a placement's documents have no other."""
    documents = list(
        Document.objects.filter(placement=placement)
        .select_related("requested_by")
        .order_by("-created_at", "-pk")[:limit]
    )
    versions = {version.pk: version for version in _agreement_versions_read(placement) or []}
    for document in documents:
        document.placement = placement
        if document.agreement_version_id in versions:
            document.agreement_version = versions[document.agreement_version_id]
    prefetch_related_objects(documents, "agreement_version")
    return documents


def school_year_documents(principal: Principal) -> QuerySet[Document]:
    """General dossiers and inspection exports of the user's school, newest first."""
    return (
        documents_visible_to(principal)
        .filter(kind__in=Document.SCHOOL_YEAR_KINDS)
        .select_related("school_year", "programme", "requested_by")
        .order_by("-created_at", "-pk")
    )


def programmes_of_school(principal: Principal) -> QuerySet[Programme]:
    """The programmes a coordinator may limit a school-year document to: their school's."""
    return programmes_visible_to(principal)


def printable_agreement_versions(placement: Placement) -> QuerySet[AgreementVersion]:
    """The placement's agreement versions that can be printed: every one no longer a draft
    (withdrawn versions stay readable), newest first."""
    return (
        AgreementVersion.objects.filter(agreement__placement=placement)
        .exclude(status=AgreementVersion.Status.DRAFT)
        .select_related("agreement")
        .order_by("-number")
    )


def printable_agreement_versions_of(placement: Placement) -> list[AgreementVersion]:
    """:func:`printable_agreement_versions`, from the versions the page read when it did."""
    versions = _agreement_versions_read(placement)
    if versions is None:
        return list(printable_agreement_versions(placement))
    printable = [version for version in versions if version.status != AgreementVersion.Status.DRAFT]
    return sorted(printable, key=lambda version: version.number, reverse=True)


def latest_frozen_agreement_version(placement: Placement) -> AgreementVersion | None:
    """The version an agreement PDF shows by default: the latest one offered for signature
    or signed."""
    return (
        printable_agreement_versions(placement)
        .exclude(status=AgreementVersion.Status.WITHDRAWN)
        .first()
    )
