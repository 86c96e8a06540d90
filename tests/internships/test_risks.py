"""Risk documents per workplace and the pupil's health assessment (8.1.4)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.storage import UnlistedStorage
from internships.models import HealthAssessment, Placement, RiskAssessment
from internships.selectors import risks as selectors
from internships.services import risks as services
from tests.factories import (
    PDF_BYTES,
    PlacementFactory,
    RiskAssessmentFactory,
    StudentFactory,
    WorkstationSheetFactory,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

LAST_WEEK = datetime.date.today() - datetime.timedelta(days=7)


def pupil_aged(world, years: int) -> Placement:
    """A placement at school A's workplace of a pupil ``years`` old on its first day."""
    start = world.placement.start_date
    student = StudentFactory(
        school=world.school,
        birth_date=start.replace(year=start.year - years) - datetime.timedelta(days=1),
    )
    return PlacementFactory(
        student=student, host=world.host, workplace=world.workplace, start_date=start
    )


# (risk assessment: None, or (health surveillance, mainly screen work)), pupil's age, required
TRUTH_TABLE = [
    (None, 16, True),
    (None, 19, True),
    ((False, False), 16, False),
    ((False, False), 19, True),
    ((True, False), 16, True),
    ((True, False), 19, True),
    ((False, True), 16, False),
    ((False, True), 19, False),
    ((True, True), 16, False),
    ((True, True), 19, False),
]


@pytest.mark.parametrize(("risk", "age", "required"), TRUTH_TABLE)
def test_health_assessment_required_8_1_4(school_a, risk, age, required):
    """8.1.4: no prior health assessment for a minor when the risk assessment says no health
    surveillance is needed, nor for mainly screen work; in every other case it is required."""
    placement = pupil_aged(school_a, age)
    if risk is not None:
        surveillance, screen_work = risk
        RiskAssessmentFactory(
            workplace=school_a.workplace,
            health_surveillance_required=surveillance,
            mainly_screen_work=screen_work,
        )

    assert selectors.health_assessment_required(placement) is required


def test_the_latest_risk_assessment_decides_8_1_4(school_a):
    RiskAssessmentFactory(
        workplace=school_a.workplace, assessed_on=LAST_WEEK, health_surveillance_required=True
    )
    RiskAssessmentFactory(
        workplace=school_a.workplace,
        assessed_on=LAST_WEEK - datetime.timedelta(days=300),
        health_surveillance_required=False,
    )

    assert selectors.health_assessment_required(school_a.placement) is True


def test_a_pupil_turning_18_during_the_placement_counts_as_minor_8_1_4(school_a):
    start = school_a.placement.start_date
    school_a.pupil.birth_date = start.replace(year=start.year - 18) + datetime.timedelta(days=2)
    school_a.pupil.save()
    RiskAssessmentFactory(workplace=school_a.workplace)

    assert selectors.health_assessment_required(school_a.placement) is False


class TestUploads:
    def test_a_risk_assessment_serves_every_pupil_of_the_workplace(self, school_a):
        risk = services.risk_assessment_upload(
            workplace=school_a.workplace,
            document=pdf_upload("ra.pdf"),
            assessed_on=LAST_WEEK,
            health_surveillance_required=True,
            mainly_screen_work=False,
            user=school_a.supervisor,
        )

        assert risk.uploaded_by == school_a.supervisor
        assert risk.document.name.startswith("risk-assessments/")
        assert isinstance(risk.document.storage, UnlistedStorage)
        with pytest.raises(ValueError):
            risk.document.url  # noqa: B018 - no URL: served through an access check only
        assert selectors.latest_risk_assessment(school_a.other_placement.workplace) == risk
        assert risk.history.count() == 1

    def test_a_date_in_the_future_is_refused(self, school_a):
        with pytest.raises(ValidationError) as error:
            services.health_assessment_upload(
                student=school_a.pupil,
                document=pdf_upload(),
                assessed_on=timezone.localdate() + datetime.timedelta(days=1),
                user=school_a.supervisor,
            )

        assert error.value.message_dict == {"assessed_on": ["Deze datum ligt in de toekomst."]}
        assert not HealthAssessment.objects.exists()

    def test_the_form_refuses_a_renamed_file(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:risk-assessment-create", args=[school_a.workplace.pk]),
            {"document": pdf_upload("ra.pdf", b"<html>not a pdf</html>"), "assessed_on": LAST_WEEK},
        )

        assert response.status_code == 200
        assert response.context["form"].errors["document"] == [
            "De inhoud van dit bestand is geen PDF."
        ]
        assert not RiskAssessment.objects.exists()

    def test_the_view_uploads_a_workstation_sheet(self, school_a, client_for):
        response = client_for(school_a.supervisor).post(
            reverse("internships:workstation-sheet-create", args=[school_a.workplace.pk]),
            {"workstation": "Keuken", "document": pdf_upload("fiche.pdf"), "issued_on": LAST_WEEK},
            follow=True,
        )

        assert "Document opgeladen." in response.content.decode()
        assert school_a.workplace.workstation_sheets.get().workstation == "Keuken"

    def test_the_health_assessment_goes_back_to_the_placement(self, school_a, client_for):
        url = reverse("internships:health-assessment-create", args=[school_a.placement.pk])

        response = client_for(school_a.supervisor).post(
            url, {"document": pdf_upload(), "assessed_on": LAST_WEEK, "conclusion": "geschikt"}
        )

        assert response["Location"] == reverse(
            "internships:placement-detail", args=[school_a.placement.pk]
        )
        assert school_a.pupil.health_assessments.get().conclusion == "geschikt"


class TestDownloads:
    def test_the_file_comes_through_the_access_check(self, school_a, school_b, client_for):
        risk = RiskAssessmentFactory(workplace=school_a.workplace)
        url = reverse("internships:risk-assessment-download", args=[risk.pk])

        response = client_for(school_a.other_supervisor).get(url)
        outsider = client_for(school_b.coordinator).get(url)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert outsider.status_code == 404

    def test_a_health_assessment_only_for_who_sees_the_pupil(self, school_a, client_for):
        assessment = services.health_assessment_upload(
            student=school_a.pupil, document=pdf_upload(), assessed_on=LAST_WEEK, user=None
        )
        url = reverse("internships:health-assessment-download", args=[assessment.pk])

        supervisor = client_for(school_a.supervisor).get(url)
        other = client_for(school_a.other_supervisor).get(url)

        assert supervisor.status_code == 200
        assert b"".join(supervisor.streaming_content) == PDF_BYTES
        assert other.status_code == 404

    def test_media_is_not_served(self, school_a, client_for):
        risk = RiskAssessmentFactory(workplace=school_a.workplace)

        response = client_for(school_a.coordinator).get(f"/media/private/{risk.document.name}")

        assert response.status_code == 404

    def test_the_workplace_page_lists_the_documents(self, school_a, client_for):
        RiskAssessmentFactory(workplace=school_a.workplace, mainly_screen_work=True)

        response = client_for(school_a.supervisor).get(
            reverse("internships:workplace-detail", args=[school_a.workplace.pk])
        )

        content = response.content.decode()
        assert "hoofdzakelijk beeldschermwerk" in content
        assert "geldt nu" in content
        assert "Lotte Leerling Alfa" in content


def test_the_workplace_page_runs_the_same_queries_for_n_and_3n_documents(
    school_a, client_for, django_assert_max_num_queries
):
    client = client_for(school_a.coordinator)
    url = reverse("internships:workplace-detail", args=[school_a.workplace.pk])

    def add(count):
        RiskAssessmentFactory.create_batch(count, workplace=school_a.workplace)
        WorkstationSheetFactory.create_batch(count, workplace=school_a.workplace)
        PlacementFactory.create_batch(
            count, student__school=school_a.school, host=school_a.host, workplace=school_a.workplace
        )

    add(2)
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    add(4)
    with django_assert_max_num_queries(12) as many:
        response = client.get(url)

    assert len(response.context["risk_assessments"]) == 6
    assert len(many.captured_queries) == len(few.captured_queries)
