"""Issue 2's acceptance: a coordinator creates a pupil, a host with its workplace and mentor,
and a placement, in the browser."""

import datetime

import pytest

from internships.models import Host, Mentor, Placement, Student, Workplace
from tests.factories import (
    CoordinatorFactory,
    ProgrammeFactory,
    SchoolClassFactory,
    SchoolFactory,
    current_school_year,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PASSWORD = "e2e-wachtwoord-2026"


@pytest.fixture
def coordinator():
    school = SchoolFactory(name="GO! Atheneum Browser")
    school_year = current_school_year()
    programme = ProgrammeFactory(school=school, name="Verzorging")
    SchoolClassFactory(school=school, school_year=school_year, programme=programme, name="6VZ")
    return CoordinatorFactory(school=school, username="coordinator-e2e", password=PASSWORD)


def sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_a_coordinator_creates_pupil_host_workplace_mentor_and_placement(
    page, live_server, coordinator
):
    sign_in(page, live_server, coordinator.username)
    start_year = current_school_year().start_year
    start = datetime.date(start_year + 1, 2, 2)

    page.click("text=Leerlingen")
    page.click("text=Nieuwe leerling")
    page.fill("#id_first_name", "Lotte")
    page.fill("#id_last_name", "Peeters")
    page.fill("#id_birth_date", "2008-05-01")
    page.fill("#id_national_number", "08.05.01-123.79")
    page.select_option("#id_school_class", label="6VZ")
    page.fill("#id_street", "Stationsstraat 12")
    page.fill("#id_postal_code", "9300")
    page.fill("#id_city", "Aalst")
    page.click("text=Bewaren")
    page.wait_for_selector("text=Leerling Lotte Peeters toegevoegd.")

    page.click("text=Stagegevers")
    page.click("text=Nieuwe stagegever")
    page.fill("#id_name", "Woonzorgcentrum De Linde")
    page.fill("#id_enterprise_number", "BE 0403.170.701")
    page.fill("#id_joint_committee", "330")
    page.check("#id_employs_staff")
    page.fill("#id_street", "Kerkstraat 1")
    page.fill("#id_postal_code", "9300")
    page.fill("#id_city", "Aalst")
    page.click("text=Bewaren")
    page.wait_for_selector("h1:has-text('Woonzorgcentrum De Linde')")

    page.click("[aria-label='Stageplaats toevoegen']")
    page.fill("#id_name", "Afdeling Zonnebloem")
    page.fill("#id_street", "Parklaan 5")
    page.fill("#id_postal_code", "9300")
    page.fill("#id_city", "Aalst")
    page.click("text=Bewaren")
    page.wait_for_selector("text=Afdeling Zonnebloem")

    page.click("[aria-label='Stagementor toevoegen']")
    page.fill("#id_first_name", "An")
    page.fill("#id_last_name", "Claes")
    page.fill("#id_email", "an.claes@delinde.be")
    page.click("text=Bewaren")
    page.wait_for_selector("text=An Claes")

    page.click("text=Stages")
    page.click("text=Nieuwe stage")
    page.select_option("#id_student", label="Lotte Peeters")
    page.select_option("#id_kind", value="block")
    page.fill("#id_start_date", start.isoformat())
    page.fill("#id_end_date", (start + datetime.timedelta(days=11)).isoformat())
    page.select_option("#id_host", label="Woonzorgcentrum De Linde")
    # htmx swaps in the host's workplaces and mentors.
    page.wait_for_selector("#id_workplace option:has-text('Afdeling Zonnebloem')", state="attached")
    page.select_option("#id_workplace", label="Afdeling Zonnebloem (Aalst)")
    page.select_option("#id_mentor", label="An Claes")
    page.click("text=Bewaren")
    page.wait_for_selector("text=Stage aangemaakt.")

    student = Student.objects.get(last_name="Peeters")
    host = Host.objects.get(name="Woonzorgcentrum De Linde")
    placement = Placement.objects.get(student=student)
    assert student.national_number == "08050112379"
    assert host.enterprise_number == "0403170701"
    assert placement.workplace == Workplace.objects.get(name="Afdeling Zonnebloem")
    assert placement.mentor == Mentor.objects.get(last_name="Claes")
    assert placement.school == coordinator.school
