"""The documents pages: requesting, following progress, downloading, retrying."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import Document
from internships.models import AgreementVersion
from tests.documents.factories import DocumentFactory
from tests.factories import PDF_BYTES, AgreementVersionFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def pending(placement, **fields) -> Document:
    return DocumentFactory(
        placement=placement, status=Document.Status.PENDING, file="", checksum="", **fields
    )


class TestPlacementRequest:
    def test_htmx_gets_the_card_back_with_the_new_document(self, school_a, client_for):
        url = reverse("documents:placement-request", args=[school_a.placement.pk])

        response = client_for(school_a.supervisor).post(url, {"kind": "individual_dossier"}, **HTMX)

        document = Document.objects.get(placement=school_a.placement)
        content = response.content.decode()
        assert response.status_code == 200
        assert 'id="placement-documents"' in content
        assert f'id="document-{document.pk}"' in content
        assert 'hx-trigger="every 1s"' in content
        assert "<html" not in content

    def test_without_htmx_it_redirects_to_the_placement(self, school_a, client_for):
        url = reverse("documents:placement-request", args=[school_a.placement.pk])

        response = client_for(school_a.supervisor).post(url, {"kind": "individual_dossier"})

        assert response.status_code == 302
        assert response.url == reverse("internships:placement-detail", args=[school_a.placement.pk])

    @pytest.mark.django_db(transaction=True)
    def test_it_runs_in_the_request_without_a_broker(self, school_a, client_for):
        url = reverse("documents:placement-request", args=[school_a.placement.pk])

        response = client_for(school_a.supervisor).post(url, {"kind": "individual_dossier"}, **HTMX)

        document = Document.objects.get(placement=school_a.placement)
        assert document.status == Document.Status.READY
        assert reverse("documents:download", args=[document.pk]) in response.content.decode()

    def test_an_agreement_without_a_version_to_print_explains_why(self, school_a, client_for):
        url = reverse("documents:placement-request", args=[school_a.placement.pk])

        response = client_for(school_a.coordinator).post(url, {"kind": "agreement"}, **HTMX)

        assert "klaar is voor ondertekening" in response.content.decode()
        assert not Document.objects.exists()

    def test_a_version_of_another_placement_is_not_accepted(self, school_a, client_for):
        other = AgreementVersionFactory(agreement__placement=school_a.other_placement)
        url = reverse("documents:placement-request", args=[school_a.placement.pk])

        response = client_for(school_a.coordinator).post(
            url, {"kind": "agreement", "agreement_version": other.pk}, **HTMX
        )

        assert "kan niet gemaakt worden" in response.content.decode()
        assert not Document.objects.exists()


class TestStatus:
    def test_it_polls_while_the_document_is_being_made(self, school_a, client_for):
        document = pending(school_a.placement, progress=40)

        response = client_for(school_a.supervisor).get(
            reverse("documents:status", args=[document.pk]), **HTMX
        )

        content = response.content.decode()
        assert 'hx-trigger="every 1s"' in content
        assert 'aria-valuenow="40"' in content

    def test_it_stops_polling_when_ready_and_offers_the_download(self, school_a, client_for):
        document = DocumentFactory(placement=school_a.placement)

        response = client_for(school_a.supervisor).get(
            reverse("documents:status", args=[document.pk])
        )

        content = response.content.decode()
        assert "hx-trigger" not in content
        assert reverse("documents:download", args=[document.pk]) in content

    def test_a_failed_document_shows_its_reason_and_a_retry_button(self, school_a, client_for):
        document = DocumentFactory(
            placement=school_a.placement,
            status=Document.Status.FAILED,
            file="",
            checksum="",
            error_message="De database was niet bereikbaar.",
        )

        response = client_for(school_a.supervisor).get(
            reverse("documents:status", args=[document.pk])
        )

        content = response.content.decode()
        assert "De database was niet bereikbaar." in content
        assert reverse("documents:retry", args=[document.pk]) in content
        assert "hx-trigger" not in content


class TestDownload:
    def test_it_serves_the_file_as_an_attachment_with_a_dutch_name(self, school_a, client_for):
        document = DocumentFactory(placement=school_a.placement, version=2)

        response = client_for(school_a.supervisor).get(
            reverse("documents:download", args=[document.pk])
        )

        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            'attachment; filename="individueel-stagedossier-lotte-leerling-alfa-v2.pdf"'
        )
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert "no-store" in response["Cache-Control"]

    def test_an_inspection_export_is_a_zip(self, school_a, client_for):
        document = DocumentFactory(
            placement=None,
            school=school_a.school,
            kind=Document.Kind.INSPECTION_EXPORT,
            school_year=school_a.school_year,
            programme=school_a.school_class.programme,
        )

        response = client_for(school_a.coordinator).get(
            reverse("documents:download", args=[document.pk])
        )
        b"".join(response.streaming_content)

        year = school_a.school_year.start_year
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"] == (
            f'attachment; filename="inspectiedossier-{year}-{year + 1}-verzorging-alfa-v'
            f'{document.version}.zip"'
        )

    def test_a_document_not_ready_yet_is_not_found(self, school_a, client_for):
        document = pending(school_a.placement)

        response = client_for(school_a.supervisor).get(
            reverse("documents:download", args=[document.pk])
        )

        assert response.status_code == 404


class TestRetry:
    def test_htmx_gets_the_documents_line_back(self, school_a, client_for):
        document = DocumentFactory(
            placement=school_a.placement, status=Document.Status.FAILED, file="", checksum=""
        )

        response = client_for(school_a.supervisor).post(
            reverse("documents:retry", args=[document.pk]), **HTMX
        )

        document.refresh_from_db()
        assert document.status == Document.Status.PENDING
        assert 'hx-trigger="every 1s"' in response.content.decode()

    def test_without_htmx_it_returns_to_the_page_it_came_from(self, school_a, client_for):
        document = DocumentFactory(
            placement=school_a.placement, status=Document.Status.FAILED, file="", checksum=""
        )
        page = reverse("internships:placement-detail", args=[school_a.placement.pk])

        response = client_for(school_a.supervisor).post(
            reverse("documents:retry", args=[document.pk]), {"next": page}
        )

        assert response.url == page

    def test_it_never_redirects_to_another_site(self, school_a, client_for):
        document = DocumentFactory(
            placement=school_a.placement, status=Document.Status.FAILED, file="", checksum=""
        )

        response = client_for(school_a.supervisor).post(
            reverse("documents:retry", args=[document.pk]), {"next": "https://evil.example/"}
        )

        assert response.url == reverse("internships:placement-detail", args=[school_a.placement.pk])


class TestInspectionPage:
    def test_a_coordinator_requests_the_export_of_a_programme(self, school_a, client_for):
        programme = school_a.school_class.programme

        response = client_for(school_a.coordinator).post(
            reverse("documents:inspection"),
            {
                "kind": "inspection_export",
                "school_year": school_a.school_year.pk,
                "programme": programme.pk,
            },
        )

        document = Document.objects.get()
        assert response.status_code == 302
        assert (document.kind, document.school_year, document.programme) == (
            Document.Kind.INSPECTION_EXPORT,
            school_a.school_year,
            programme,
        )

    def test_a_programme_of_another_school_is_not_offered(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("documents:inspection"),
            {
                "kind": "general_dossier",
                "school_year": school_a.school_year.pk,
                "programme": ProgrammeFactory().pk,
            },
        )

        assert response.status_code == 400
        assert "programme" in response.context["form"].errors
        assert not Document.objects.exists()

    def test_it_lists_only_the_schools_own_documents(self, school_a, school_b, client_for):
        ours = DocumentFactory(
            placement=None,
            school=school_a.school,
            kind=Document.Kind.GENERAL_DOSSIER,
            school_year=school_a.school_year,
        )
        DocumentFactory(
            placement=None,
            school=school_b.school,
            kind=Document.Kind.GENERAL_DOSSIER,
            school_year=school_b.school_year,
        )
        DocumentFactory(placement=school_a.placement)

        response = client_for(school_a.coordinator).get(reverse("documents:inspection"))

        assert list(response.context["documents"]) == [ours]
        assert "Bravo" not in response.content.decode()

    def test_the_list_costs_the_same_queries_however_long(self, school_a, client_for):
        client = client_for(school_a.coordinator)
        counts = []
        for _ in range(2):
            for programme in [None, school_a.school_class.programme, None]:
                DocumentFactory(
                    placement=None,
                    school=school_a.school,
                    kind=Document.Kind.INSPECTION_EXPORT,
                    school_year=school_a.school_year,
                    programme=programme,
                )
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse("documents:inspection"))
            counts.append(len(queries))

        assert len(response.context["documents"]) == 6
        assert counts[0] == counts[1] <= 12


def test_the_template_tag_renders_the_placement_card(school_a):
    version = AgreementVersionFactory(
        agreement__placement=school_a.placement, status=AgreementVersion.Status.READY
    )
    document = DocumentFactory(placement=school_a.placement)
    request = RequestFactory().get("/stages/1/")
    request.user = school_a.supervisor
    template = Template("{% load documents_tags %}{% placement_documents placement %}")

    html = template.render(Context({"request": request, "placement": school_a.placement}))

    assert 'id="placement-documents"' in html
    assert f'name="agreement_version" value="{version.pk}"' in html
    assert reverse("documents:download", args=[document.pk]) in html
