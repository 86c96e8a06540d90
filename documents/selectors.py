"""Reads of documents that depend on who asks.

A placement's documents are visible to whoever may see the placement (``placements_visible_to``:
the whole school for a coordinator, only their own placements for a supervisor); school-year
documents (general dossier, inspection export) only to coordinators. Anything else answers
404, exactly like the subject's own page.
"""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from documents.models import Document
from internships.models import AgreementVersion, Placement, Programme, User
from internships.selectors import placements_visible_to

# What a document's title and file name need, in the same query.
SUBJECT_FIELDS = ("placement__student", "agreement_version", "school_year", "programme")


def documents_visible_to(user: User) -> QuerySet[Document]:
    if not user.is_authenticated or not user.school_id:
        return Document.objects.none()
    visible = Q(placement__in=placements_visible_to(user))
    if user.sees_whole_school:
        visible |= Q(kind__in=Document.SCHOOL_YEAR_KINDS)
    return Document.objects.filter(visible, school_id=user.school_id)


def document_get_for_user(user: User, pk: int) -> Document:
    queryset = documents_visible_to(user).select_related(*SUBJECT_FIELDS, "requested_by")
    return get_object_or_404(queryset, pk=pk)


def placement_documents(placement: Placement, *, limit: int = 10) -> list[Document]:
    """The placement's latest documents, for a page that already checked the user's access."""
    documents = (
        Document.objects.filter(placement=placement)
        .select_related(*SUBJECT_FIELDS, "requested_by")
        .order_by("-created_at", "-pk")
    )
    return list(documents[:limit])


def school_year_documents(user: User) -> QuerySet[Document]:
    """General dossiers and inspection exports of the user's school, newest first."""
    return (
        documents_visible_to(user)
        .filter(kind__in=Document.SCHOOL_YEAR_KINDS)
        .select_related("school_year", "programme", "requested_by")
        .order_by("-created_at", "-pk")
    )


def programmes_of_school(user: User) -> QuerySet[Programme]:
    """The programmes a coordinator may limit a school-year document to: their school's."""
    return Programme.objects.filter(school_id=user.school_id)


def printable_agreement_versions(placement: Placement) -> QuerySet[AgreementVersion]:
    """The placement's agreement versions that can be printed: every one no longer a draft
    (withdrawn versions stay readable), newest first."""
    return (
        AgreementVersion.objects.filter(agreement__placement=placement)
        .exclude(status=AgreementVersion.Status.DRAFT)
        .select_related("agreement")
        .order_by("-number")
    )


def latest_frozen_agreement_version(placement: Placement) -> AgreementVersion | None:
    """The version an agreement PDF shows by default: the latest one offered for signature
    or signed."""
    return (
        printable_agreement_versions(placement)
        .exclude(status=AgreementVersion.Status.WITHDRAWN)
        .first()
    )
