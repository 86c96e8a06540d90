"""The supervisor's monthly travel expense report (7.2) as a PDF of the documents app."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.principals import StaffMember
from documents.builders import travel_expenses
from documents.models import Document
from documents.selectors import documents_visible_to
from documents.services.requests import document_request
from internships.models import Visit
from tests.documents.conftest import pdf_text
from tests.documents.factories import DocumentFactory
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2026, 10, 1)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def month(school_a):
    """October for school A's supervisor: 23.4 km and 12.5 km recorded."""
    Visit.objects.filter(pk=school_a.visit.pk).update(distance_km=Decimal("23.4"))
    VisitFactory(
        placement=school_a.placement,
        date=school_a.placement.start_date + datetime.timedelta(days=8),
        distance_km=Decimal("12.5"),
    )
    return OCTOBER


def travel_document(school_a, **fields) -> Document:
    supervisor = fields.pop("supervisor", school_a.supervisor)
    return DocumentFactory(
        placement=None,
        school=school_a.school,
        kind=Document.Kind.TRAVEL_EXPENSES,
        supervisor=supervisor,
        month=OCTOBER,
        subject_key=Document.subject_key_for(
            kind=Document.Kind.TRAVEL_EXPENSES, supervisor=supervisor, month=OCTOBER
        ),
        **fields,
    )


def rendered(document: Document) -> str:
    output = io.BytesIO()
    travel_expenses.write(document, output=output, progress=lambda percent: None)
    return pdf_text(output.getvalue())


class TestPdf:
    def test_it_names_the_supervisor_the_month_and_the_total(self, school_a, month):
        document = travel_document(school_a, status=Document.Status.PENDING, file="", checksum="")

        text = rendered(document)

        assert "Verplaatsingskosten Begeleider Alfa, oktober 2026" in text
        assert school_a.pupil.full_name in text
        assert "23,4" in text and "12,5" in text
        assert "Totaal kilometers 35,9 km" in text
        assert "Totaal te vergoeden € 15,53" in text  # 10,12 + 5,41

    def test_with_the_school_boards_reduction(self, school_a, month):
        school_a.school.mileage_reduction_percent = 10
        school_a.school.save()
        document = travel_document(school_a, status=Document.Status.PENDING, file="", checksum="")

        text = rendered(document)

        assert "verminderd met 10 %" in text
        assert "Totaal te vergoeden € 13,98" in text  # 9,11 + 4,87

    def test_title_and_file_name(self, school_a):
        document = travel_document(school_a)

        assert document.title == "Verplaatsingskosten Begeleider Alfa, oktober 2026"
        assert document.download_name == (
            f"verplaatsingskosten-begeleider-alfa-2026-10-v{document.version}.pdf"
        )
        assert document.content_type == "application/pdf"


class TestRequest:
    @pytest.mark.django_db(transaction=True)
    def test_the_supervisor_requests_and_downloads_their_pdf(self, school_a, month, client_for):
        client = client_for(school_a.supervisor)

        response = client.post(
            reverse("documents:travel-expenses-request"),
            {"supervisor": school_a.supervisor.pk, "month": "2026-10"},
            **HTMX,
        )

        document = Document.objects.get(kind=Document.Kind.TRAVEL_EXPENSES)
        assert (document.supervisor, document.month) == (school_a.supervisor, OCTOBER)
        assert document.status == Document.Status.READY
        download = reverse("documents:download", args=[document.pk])
        assert download in response.content.decode()
        pdf = client.get(download)
        text = pdf_text(b"".join(pdf.streaming_content))
        assert "Begeleider Alfa" in text and "oktober 2026" in text and "€ 15,53" in text

    @pytest.mark.django_db(transaction=True)
    def test_without_htmx_the_ready_pdf_is_downloaded(self, school_a, month, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("documents:travel-expenses-request"),
            {"supervisor": school_a.supervisor.pk, "month": "2026-10"},
        )

        document = Document.objects.get(kind=Document.Kind.TRAVEL_EXPENSES)
        assert response.status_code == 302
        assert response.url == reverse("documents:download", args=[document.pk])
        assert document.requested_by == school_a.coordinator

    def test_asking_again_while_it_is_made_returns_the_same(self, school_a, month):
        principal = StaffMember.of(school_a.supervisor)
        kwargs = {
            "kind": Document.Kind.TRAVEL_EXPENSES,
            "supervisor": school_a.supervisor,
            "month": datetime.date(2026, 10, 17),
        }

        first = document_request(principal=principal, **kwargs)
        second = document_request(principal=principal, **kwargs)

        assert first == second
        assert first.month == OCTOBER
        assert first.subject_key == f"supervisor:{school_a.supervisor.pk}:month:2026-10"

    def test_a_supervisor_cannot_ask_for_a_colleagues_costs(self, school_a, client_for):
        with pytest.raises(PermissionDenied):
            document_request(
                kind=Document.Kind.TRAVEL_EXPENSES,
                principal=StaffMember.of(school_a.other_supervisor),
                supervisor=school_a.supervisor,
                month=OCTOBER,
            )
        response = client_for(school_a.other_supervisor).post(
            reverse("documents:travel-expenses-request"),
            {"supervisor": school_a.supervisor.pk, "month": "2026-10"},
        )
        assert response.status_code == 404
        assert not Document.objects.exists()

    def test_another_school_is_not_found(self, school_a, school_b, client_for):
        response = client_for(school_b.coordinator).post(
            reverse("documents:travel-expenses-request"),
            {"supervisor": school_a.supervisor.pk, "month": "2026-10"},
        )

        assert response.status_code == 404

    @pytest.mark.parametrize("month", ["", "oktober", "2026-13"])
    def test_a_bad_month_is_not_found(self, school_a, client_for, month):
        response = client_for(school_a.supervisor).post(
            reverse("documents:travel-expenses-request"),
            {"supervisor": school_a.supervisor.pk, "month": month},
        )

        assert response.status_code == 404

    def test_the_subject_is_required(self, school_a):
        with pytest.raises(ValidationError):
            document_request(
                kind=Document.Kind.TRAVEL_EXPENSES,
                principal=StaffMember.of(school_a.supervisor),
                supervisor=school_a.supervisor,
            )


class TestVisibility:
    def test_the_supervisor_and_the_coordinators_see_it(self, school_a, school_b):
        document = travel_document(school_a)

        def sees(user) -> bool:
            return documents_visible_to(StaffMember.of(user)).filter(pk=document.pk).exists()

        assert sees(school_a.supervisor)
        assert sees(school_a.coordinator)
        assert sees(school_a.school_admin)
        assert not sees(school_a.other_supervisor)
        assert not sees(school_b.coordinator)

    def test_the_database_refuses_it_without_its_subject(self, school_a):
        with pytest.raises(IntegrityError), transaction.atomic():
            Document.objects.create(
                school=school_a.school,
                kind=Document.Kind.TRAVEL_EXPENSES,
                supervisor=school_a.supervisor,
                subject_key="x",
                version=1,
            )
