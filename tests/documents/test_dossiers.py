"""The individual and general dossiers, read back from the PDF (annex 2)."""

import datetime
import io

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader

from attendance.selectors import dossier_attendance_for
from documents.builders.general_dossier import render_general_dossier
from documents.builders.individual_dossier import (
    TEMPLATE,
    dossier_context,
    dossier_placements,
    render_dossier,
)
from internships.models import AgreementVersion, GroupAgreement, Party, Placement, Visit
from tests.documents.conftest import pdf_pages, pdf_text
from tests.documents.factories import checked
from tests.factories import (
    AgreementVersionFactory,
    GroupAgreementFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    SchoolClassFactory,
    SignatureFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

A4 = (595, 842)
DAY = datetime.timedelta(days=1)


def dossier_pdf(placement: Placement) -> bytes:
    output = io.BytesIO()
    render_dossier(dossier_placements().get(pk=placement.pk), output=output)
    return output.getvalue()


def general_pdf(world, programme=None) -> bytes:
    output = io.BytesIO()
    render_general_dossier(
        school=world.school, school_year=world.school_year, programme=programme, output=output
    )
    return output.getvalue()


class TestIndividualDossier:
    def test_it_has_every_section_of_annex_2(self, full_placement):
        text = pdf_text(dossier_pdf(full_placement))

        for section in [
            "1. Individuele steekkaart",
            "2. Leerlingenstageovereenkomst",
            "3. Stageactiviteitenlijst",
            "4. Risicoanalyse, werkpostfiches en gezondheidsbeoordeling",
            "5. Rooster en arbeidsreglementering",
            "6. Afwezigheden en inhaalstages",
            "7. Stagebezoeken",
            "8. Evaluaties",
            "9. Logboek van de leerling (registratiedocument)",
            "11. Briefwisseling",
        ]:
            assert section in text

    def test_the_record_card_names_every_party_and_the_agreements_date(self, full_placement):
        placement = full_placement
        text = pdf_text(dossier_pdf(placement))

        for expected in [
            "Lotte Leerling Alfa",
            placement.student.address,
            "Ouder Alfa (moeder)",
            "Atheneum Alfa",
            "Verzorging Alfa",
            "klas 6VZ Alfa",
            "Woonzorgcentrum Alfa",
            placement.host.enterprise_number_display,
            "Afdeling Alfa",
            "Begeleider Alfa",
            "Mentor Alfa",
            f"{placement.start_date:%d/%m/%Y} – {placement.end_date:%d/%m/%Y}",
        ]:
            assert expected in text
        # The day in Brussels: from 23:00 UTC in winter it is already the next day there.
        signed_on = timezone.localdate(placement.agreement.versions.get().signed_at)
        assert f"Datum van de stageovereenkomst {signed_on:%d/%m/%Y}" in text

    def test_it_shows_who_signed_each_version(self, full_placement):
        text = pdf_text(dossier_pdf(full_placement))
        version = full_placement.agreement.versions.get()

        assert "Versie 1 – ondertekend" in text
        assert "Ouder Tekenaar" in text and "Zaakvoerder Tekenaar" in text
        assert "op papier (ingescande handtekening)" in text
        assert version.content_hash in text

    def test_a_group_agreement_counts_for_the_school_and_the_host(self, school_a):
        group = GroupAgreementFactory(
            host=school_a.host, status=GroupAgreement.Status.SIGNED, content_hash="a" * 64
        )
        for party, name in [(Party.SCHOOL, "Directeur Groep"), (Party.HOST, "Zaakvoerder Groep")]:
            SignatureFactory(
                version=None,
                group_agreement=group,
                party=party,
                signer_name=name,
                content_hash=group.content_hash,
            )
        AgreementVersionFactory(
            agreement__placement=school_a.placement,
            agreement__group=group,
            status=AgreementVersion.Status.READY,
        )

        text = pdf_text(dossier_pdf(school_a.placement))

        assert "Directeur Groep" in text and "Zaakvoerder Groep" in text
        assert text.count("nog niet ondertekend") == 1

    def test_it_lists_the_activities_with_ticks_and_comments(self, full_placement):
        text = pdf_text(dossier_pdf(full_placement))

        assert (
            f"Bedden opmaken volgens de hygiëneregels moet ✔ {full_placement.start_date:%d/%m/%Y}"
            " Zelfstandig en nauwkeurig" in text
        )
        assert "Medicatie toedienen mag niet n.v.t." in text

    def test_it_reports_the_schedule_and_its_labour_rule_check(self, full_placement):
        text = pdf_text(dossier_pdf(full_placement))
        check = full_placement.compliance

        assert "blokstage (inhaalstage)" in text
        assert "geen stage · Pedagogische studiedag" in text
        assert "arbeid op zondag Bijlage bij omzendbrief SO 74: zorg" in text
        assert f"{check.error_count} overtredingen" in text
        assert f"Gepland volume: {check.totals['volume']['half_days']} halve dagen" in text
        assert "§ 5.2.1" in text

    def test_it_lists_absences_and_make_up_internships(self, full_placement, school_a):
        text = pdf_text(dossier_pdf(full_placement))

        assert "7,50 u ja ziek (doktersattest)" in text
        assert "Inhalen van de ziektedag" in text
        assert f"haalt in: {school_a.absence.date:%d/%m/%Y}" in text

    def test_it_lists_the_visits_with_their_findings(self, school_a):
        placement = school_a.placement
        VisitFactory(
            placement=placement,
            date=placement.end_date + 14 * DAY,
            kind=Visit.Kind.AT_SCHOOL,
            status=Visit.Status.PLANNED,
            findings="",
            follow_up="",
        )

        text = pdf_text(dossier_pdf(placement))

        visit = school_a.visit
        assert (
            f"{visit.date:%d/%m/%Y} op de stageplaats · afgelegd Begeleider Alfa "
            "met de stagementor" in text
        )
        assert visit.findings in text
        assert f"Afspraken: {visit.follow_up}" in text
        assert "op school · gepland" in text and "nog niet afgelegd" in text

    def test_a_placement_without_agreement_or_check_says_so(self, school_a):
        text = pdf_text(dossier_pdf(school_a.other_placement))

        assert "Er is nog geen stageovereenkomst opgesteld." in text
        assert "Er is nog geen stageactiviteitenlijst opgesteld." in text
        assert "Het rooster is nog niet gecontroleerd." in text
        assert "Geen stagebezoeken." in text

    def test_every_page_is_a4_with_the_school_and_page_x_of_y(self, full_placement):
        data = dossier_pdf(full_placement)
        reader = PdfReader(io.BytesIO(data))
        pages = pdf_pages(data)

        assert len(pages) >= 2
        for number, (page, text) in enumerate(zip(reader.pages, pages, strict=True), start=1):
            assert (round(page.mediabox.width), round(page.mediabox.height)) == A4
            assert "Atheneum Alfa" in text
            assert f"Pagina {number} van {len(pages)}" in text
            assert "Individueel stagedossier Lotte Leerling Alfa" in text
        assert reader.metadata.title == "Individueel stagedossier Lotte Leerling Alfa"

    def test_loading_many_dossiers_costs_a_fixed_number_of_queries(
        self, school_a, django_assert_max_num_queries
    ):
        for _ in range(5):
            placement = PlacementFactory(student__school=school_a.school)
            PlacementPeriodFactory(placement=placement)
            checked(placement)

        with django_assert_max_num_queries(32):
            placements = list(dossier_placements().filter(school=school_a.school))
            attendance = dossier_attendance_for(placements)
        with django_assert_max_num_queries(0):
            for placement in placements:
                render_context_only(placement, attendance=attendance[placement.pk])


def render_context_only(placement: Placement, **context) -> None:
    """Everything the template reads, without rendering the PDF."""
    render_to_string(TEMPLATE, dossier_context(placement, **context))


class TestGeneralDossier:
    def test_it_has_a_row_per_placement_with_every_column_of_annex_2(self, school_a):
        data = general_pdf(school_a)
        text = pdf_text(data)
        placement = school_a.placement

        assert "Algemeen stagedossier" in text and str(school_a.school_year) in text
        assert "2 leerlingenstages" in text
        for expected in [
            "Leerling Alfa Lotte",
            placement.student.address,
            "Verzorging Alfa",
            "6VZ Alfa",
            f"{placement.start_date:%d/%m/%Y} – {placement.end_date:%d/%m/%Y}",
            "Begeleider Alfa",
            "Woonzorgcentrum Alfa",
            placement.host.address,
            "Afdeling Alfa",
            "Mentor Alfa",
            "Andere Alfa Milan",
        ]:
            assert expected in text
        page = PdfReader(io.BytesIO(data)).pages[0]
        assert page.mediabox.width > page.mediabox.height

    def test_it_can_be_limited_to_one_programme(self, school_a):
        other_class = SchoolClassFactory(school=school_a.school, name="5EI Alfa")
        PlacementFactory(student__school=school_a.school, student__school_class=other_class)

        text = pdf_text(general_pdf(school_a, programme=other_class.programme))

        assert "1 leerlingenstage " in text
        assert "5EI Alfa" in text
        assert "Leerling Alfa Lotte" not in text

    def test_cancelled_placements_and_other_schools_are_left_out(self, school_a, school_b):
        Placement.objects.filter(pk=school_a.other_placement.pk).update(
            status=Placement.Status.CANCELLED
        )

        text = pdf_text(general_pdf(school_a))

        assert "1 leerlingenstage " in text
        assert "Andere Alfa" not in text
        assert "Bravo" not in text
