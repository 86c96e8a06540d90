"""Requesting documents: access, versions, and the claim that makes rendering idempotent."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.principals import StaffMember
from documents.models import STALE_AFTER, Document
from documents.services import render_jobs, requests
from internships.models import AgreementVersion
from tests.documents.factories import DocumentFactory
from tests.factories import AgreementVersionFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

INDIVIDUAL = Document.Kind.INDIVIDUAL_DOSSIER


def request_dossier(user, placement, capture) -> Document:
    with capture(execute=True):
        document = requests.document_request(
            kind=INDIVIDUAL, principal=StaffMember.of(user), placement=placement
        )
    document.refresh_from_db()
    return document


class TestDocumentRequest:
    def test_it_renders_the_document_once_the_transaction_commits(
        self, school_a, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            document = requests.document_request(
                kind=INDIVIDUAL,
                principal=StaffMember.of(school_a.supervisor),
                placement=school_a.placement,
            )
        assert document.status == Document.Status.PENDING
        assert len(callbacks) == 1

        callbacks[0]()
        document.refresh_from_db()

        assert document.status == Document.Status.READY
        assert document.progress == 100
        assert document.attempts == 1
        assert document.requested_by == school_a.supervisor
        assert document.file.name.startswith(f"{school_a.school.pk}/")
        with document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        assert len(document.checksum) == 64
        assert document.size == document.file.size

    def test_rendering_again_makes_version_two_and_keeps_the_first_file(
        self, school_a, django_capture_on_commit_callbacks
    ):
        first = request_dossier(
            school_a.supervisor, school_a.placement, django_capture_on_commit_callbacks
        )
        second = request_dossier(
            school_a.coordinator, school_a.placement, django_capture_on_commit_callbacks
        )

        assert (first.version, second.version) == (1, 2)
        assert first.file.name != second.file.name
        assert first.file.storage.exists(first.file.name)
        assert second.download_name.endswith("-v2.pdf")

    def test_asking_again_while_it_is_being_made_returns_the_same_document(self, school_a):
        pending = DocumentFactory(
            placement=school_a.placement, status=Document.Status.RUNNING, file="", checksum=""
        )

        document = requests.document_request(
            kind=INDIVIDUAL,
            principal=StaffMember.of(school_a.supervisor),
            placement=school_a.placement,
        )

        assert document == pending

    def test_it_rejects_another_supervisors_placement(self, school_a):
        with pytest.raises(PermissionDenied):
            requests.document_request(
                kind=INDIVIDUAL,
                principal=StaffMember.of(school_a.other_supervisor),
                placement=school_a.placement,
            )

    def test_it_rejects_other_school(self, school_a, school_b):
        with pytest.raises(PermissionDenied):
            requests.document_request(
                kind=INDIVIDUAL,
                principal=StaffMember.of(school_b.coordinator),
                placement=school_a.placement,
            )

    def test_school_year_documents_are_for_coordinators(self, school_a):
        with pytest.raises(PermissionDenied):
            requests.document_request(
                kind=Document.Kind.GENERAL_DOSSIER,
                principal=StaffMember.of(school_a.supervisor),
                school_year=school_a.school_year,
            )

    def test_it_rejects_a_programme_of_another_school(self, school_a):
        with pytest.raises(PermissionDenied):
            requests.document_request(
                kind=Document.Kind.INSPECTION_EXPORT,
                principal=StaffMember.of(school_a.coordinator),
                school_year=school_a.school_year,
                programme=ProgrammeFactory(),
            )

    def test_an_agreement_pdf_needs_a_version_offered_for_signature(self, school_a):
        with pytest.raises(ValidationError, match="klaar is voor ondertekening"):
            requests.document_request(
                kind=Document.Kind.AGREEMENT,
                principal=StaffMember.of(school_a.coordinator),
                placement=school_a.placement,
            )

    def test_a_draft_version_cannot_be_printed(self, school_a):
        draft = AgreementVersionFactory(
            agreement__placement=school_a.placement, status=AgreementVersion.Status.DRAFT
        )
        with pytest.raises(ValidationError, match="ontwerp"):
            requests.document_request(
                kind=Document.Kind.AGREEMENT,
                principal=StaffMember.of(school_a.coordinator),
                placement=school_a.placement,
                agreement_version=draft,
            )

    def test_the_latest_version_offered_for_signature_is_the_default(self, school_a):
        version = AgreementVersionFactory(
            agreement__placement=school_a.placement, status=AgreementVersion.Status.READY
        )

        document = requests.document_request(
            kind=Document.Kind.AGREEMENT,
            principal=StaffMember.of(school_a.supervisor),
            placement=school_a.placement,
        )

        assert document.agreement_version == version
        assert document.download_name == "stageovereenkomst-lotte-leerling-alfa-v1.pdf"

    def test_a_version_of_another_placement_is_refused(self, school_a):
        other = AgreementVersionFactory(agreement__placement=school_a.other_placement)
        with pytest.raises(PermissionDenied):
            requests.document_request(
                kind=Document.Kind.AGREEMENT,
                principal=StaffMember.of(school_a.coordinator),
                placement=school_a.placement,
                agreement_version=other,
            )


class TestClaim:
    def pending(self, placement, **fields) -> Document:
        defaults = {"status": Document.Status.PENDING, "file": "", "checksum": "", "progress": 0}
        return DocumentFactory(placement=placement, **{**defaults, **fields})

    def test_a_ready_document_is_not_rendered_again(self, school_a):
        document = DocumentFactory(placement=school_a.placement)

        assert render_jobs.document_render(document_pk=document.pk, task_id="again") is None
        document.refresh_from_db()
        assert document.attempts == 0
        assert document.file.name.endswith(".pdf")

    def test_a_document_running_for_another_task_is_left_alone(self, school_a):
        document = self.pending(school_a.placement, status=Document.Status.RUNNING, task_id="first")

        assert render_jobs.document_claim(document_pk=document.pk, task_id="second") is None

    def test_the_same_task_may_claim_it_again_after_a_retry(self, school_a):
        document = self.pending(school_a.placement, status=Document.Status.RUNNING, task_id="first")

        claimed = render_jobs.document_claim(document_pk=document.pk, task_id="first")

        assert claimed.attempts == 1

    def test_an_abandoned_document_can_be_claimed_by_another_task(self, school_a):
        document = self.pending(school_a.placement, status=Document.Status.RUNNING, task_id="dead")
        Document.objects.filter(pk=document.pk).update(
            updated_at=timezone.now() - STALE_AFTER - datetime.timedelta(minutes=1)
        )

        claimed = render_jobs.document_claim(document_pk=document.pk, task_id="new")

        assert claimed.task_id == "new"

    def test_two_claims_from_the_same_reading_give_one_winner(self, school_a):
        document = self.pending(school_a.placement)
        render_jobs.document_claim(document_pk=document.pk, task_id="one")

        assert render_jobs.document_claim(document_pk=document.pk, task_id="two") is None

    def test_a_result_of_a_lost_claim_is_discarded_with_its_file(self, school_a, monkeypatch):
        document = self.pending(school_a.placement)
        storage_root = Path(document.file.storage.location)
        files_before = set(storage_root.rglob("*.pdf"))
        store = render_jobs._store

        def claimed_meanwhile(document, output):
            Document.objects.filter(pk=document.pk).update(attempts=document.attempts + 1)
            return store(document, output)

        monkeypatch.setattr(render_jobs, "_store", claimed_meanwhile)

        assert render_jobs.document_render(document_pk=document.pk, task_id="slow") is None
        document.refresh_from_db()
        assert (document.status, document.file.name) == (Document.Status.RUNNING, "")
        assert set(storage_root.rglob("*.pdf")) == files_before

    def test_a_missing_document_is_skipped(self):
        assert render_jobs.document_render(document_pk=987654, task_id="x") is None


class TestRetry:
    def test_only_failed_or_abandoned_documents_can_be_retried(self, school_a):
        document = DocumentFactory(placement=school_a.placement)
        with pytest.raises(ValidationError):
            requests.document_retry(document=document, user=school_a.supervisor)

    def test_a_failed_document_is_made_again(self, school_a, django_capture_on_commit_callbacks):
        document = DocumentFactory(
            placement=school_a.placement,
            status=Document.Status.FAILED,
            file="",
            checksum="",
            error_message="Mislukt",
            attempts=4,
        )

        with django_capture_on_commit_callbacks(execute=True):
            requests.document_retry(document=document, user=school_a.supervisor)
        document.refresh_from_db()

        assert document.status == Document.Status.READY
        assert document.error_message == ""
        assert document.attempts == 5
