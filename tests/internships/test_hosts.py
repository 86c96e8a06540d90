"""Hosts, workplaces and mentors: ``services/hosts.py``, ``views/hosts.py``, ``forms/hosts.py``."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from internships.models import Host, Mentor, Workplace
from internships.services import hosts as services
from tests.factories import (
    HostFactory,
    SchoolFactory,
    enterprise_number_for,
    host_form_data,
    mentor_form_data,
    workplace_form_data,
)

pytestmark = pytest.mark.django_db

EMPLOYS_STAFF_MESSAGE = (
    "Een stagegever moet minstens één werknemer tewerkstellen of sociale bijdragen als "
    "zelfstandige betalen (4.2)."
)


def new_host(**overrides) -> dict:
    """Keyword arguments for ``host_create``."""
    return {
        "name": "Garage Claes",
        "enterprise_number": enterprise_number_for(4242),
        "employs_staff": True,
        "street": "Brusselsesteenweg 10",
        "postal_code": "9050",
        "city": "Gentbrugge",
        **overrides,
    }


class TestHostServices:
    def test_host_create_makes_the_registered_office_its_first_workplace(self):
        host = services.host_create(school=SchoolFactory(), **new_host())

        workplace = host.workplaces.get()
        assert (workplace.name, workplace.address) == (host.name, host.address)

    def test_host_create_without_workplace(self):
        host = services.host_create(school=SchoolFactory(), create_workplace=False, **new_host())

        assert not host.workplaces.exists()

    def test_a_host_without_staff_is_refused(self):
        with pytest.raises(ValidationError) as error:
            services.host_create(school=SchoolFactory(), **new_host(employs_staff=False))

        assert error.value.message_dict["employs_staff"] == [EMPLOYS_STAFF_MESSAGE]
        assert not Host.objects.exists()

    def test_an_invalid_enterprise_number_is_refused_in_dutch(self):
        with pytest.raises(ValidationError) as error:
            services.host_create(school=SchoolFactory(), **new_host(enterprise_number="0403170702"))

        assert error.value.message_dict["enterprise_number"] == [
            "0403170702 is geen geldig ondernemingsnummer (KBO)."
        ]
        assert not Host.objects.exists()

    def test_an_enterprise_number_already_in_the_school_is_refused(self):
        existing = HostFactory()

        with pytest.raises(ValidationError) as error:
            services.host_create(
                school=existing.school, **new_host(enterprise_number=existing.enterprise_number)
            )

        assert error.value.message_dict["enterprise_number"] == [
            f"Met dit ondernemingsnummer bestaat al een stagegever: {existing.name}."
        ]

    def test_another_school_may_register_the_same_host(self):
        existing = HostFactory()

        host = services.host_create(
            school=SchoolFactory(), **new_host(enterprise_number=existing.enterprise_number)
        )

        assert host.enterprise_number == existing.enterprise_number

    def test_host_update_saves_and_keeps_history(self):
        host = HostFactory(joint_committee="118")

        services.host_update(host=host, data={"joint_committee": "302"})

        host.refresh_from_db()
        assert host.joint_committee == "302"
        assert [record.joint_committee for record in host.history.all()] == ["302", "118"]

    def test_host_update_refuses_an_invalid_joint_committee(self):
        host = HostFactory()

        with pytest.raises(ValidationError) as error:
            services.host_update(host=host, data={"joint_committee": "1180"})

        assert "joint_committee" in error.value.message_dict

    def test_the_database_refuses_a_host_without_staff(self):
        with pytest.raises(IntegrityError):
            HostFactory(employs_staff=False)

    def test_workplace_and_mentor_services(self):
        host = HostFactory()

        workplace = services.workplace_create(
            host=host, name="Filiaal", street="Markt 1", postal_code="9300", city="Aalst"
        )
        services.workplace_update(workplace=workplace, data={"city": "Erembodegem"})
        mentor = services.mentor_create(
            host=host, first_name="Jef", last_name="Claes", email="jef@garage.example"
        )
        services.mentor_update(mentor=mentor, data={"job_title": "chef werkplaats"})

        workplace.refresh_from_db()
        mentor.refresh_from_db()
        assert workplace.city == "Erembodegem"
        assert mentor.job_title == "chef werkplaats"

    def test_a_workplace_with_an_invalid_postal_code_is_refused(self):
        with pytest.raises(ValidationError) as error:
            services.workplace_create(
                host=HostFactory(), name="Filiaal", street="Markt 1", postal_code="93", city="X"
            )

        assert error.value.message_dict["postal_code"] == [
            "Een Belgische postcode bestaat uit vier cijfers."
        ]


class TestHostViews:
    def test_coordinator_creates_a_host_and_lands_on_its_page(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:host-create"), host_form_data()
        )

        host = Host.objects.get(name="Bakkerij Vermeulen")
        assert response.status_code == 302
        assert response["Location"] == reverse("internships:host-detail", args=[host.pk])
        assert host.school == school_a.school
        assert len(host.enterprise_number) == 10, "stored as ten digits without dots"
        assert host.workplaces.count() == 1

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("enterprise_number", "0403.170.702", "geen geldig ondernemingsnummer (KBO)"),
            ("postal_code", "900", "Een Belgische postcode bestaat uit vier cijfers."),
            ("employs_staff", None, EMPLOYS_STAFF_MESSAGE),
            ("joint_committee", "11", "Een paritair comité noteer je als drie cijfers"),
        ],
    )
    def test_invalid_data_shows_a_dutch_message_and_creates_nothing(
        self, school_a, client_for, field, value, message
    ):
        count = Host.objects.count()

        response = client_for(school_a.coordinator).post(
            reverse("internships:host-create"), host_form_data(**{field: value})
        )

        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors[field])
        assert Host.objects.count() == count

    def test_a_duplicate_enterprise_number_is_refused(self, school_a, client_for):
        number = school_a.host.enterprise_number

        response = client_for(school_a.coordinator).post(
            reverse("internships:host-create"), host_form_data(enterprise_number=f"BE{number}")
        )

        assert response.status_code == 200
        assert "Met dit ondernemingsnummer bestaat al een stagegever" in str(
            response.context["form"].errors["enterprise_number"]
        )

    def test_coordinator_edits_a_host(self, school_a, client_for):
        host = school_a.host
        data = host_form_data(name="WZC Alfa Nieuw", enterprise_number=host.enterprise_number)

        response = client_for(school_a.coordinator).post(
            reverse("internships:host-update", args=[host.pk]), data
        )

        host.refresh_from_db()
        assert response.status_code == 302
        assert host.name == "WZC Alfa Nieuw"
        assert host.history.first().history_user == school_a.coordinator

    def test_detail_lists_workplaces_mentors_and_placements(self, school_a, client_for):
        response = client_for(school_a.supervisor).get(
            reverse("internships:host-detail", args=[school_a.host.pk])
        )

        assert list(response.context["workplaces"]) == [school_a.workplace]
        assert list(response.context["mentors"]) == [school_a.mentor]
        assert list(response.context["placements"]) == [school_a.placement], (
            "a supervisor sees only the placements they supervise"
        )


class TestWorkplaceAndMentorViews:
    def test_coordinator_adds_a_workplace(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:workplace-create", args=[school_a.host.pk]),
            workplace_form_data(),
        )

        assert response.status_code == 302
        assert response["Location"] == reverse("internships:host-detail", args=[school_a.host.pk])
        assert school_a.host.workplaces.filter(name="Winkel Sint-Pieters").exists()

    def test_coordinator_edits_a_workplace(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:workplace-update", args=[school_a.workplace.pk]),
            workplace_form_data(name="Afdeling Alfa 2"),
        )

        school_a.workplace.refresh_from_db()
        assert response.status_code == 302
        assert school_a.workplace.name == "Afdeling Alfa 2"

    def test_a_workplace_with_an_invalid_postal_code_is_refused(self, school_a, client_for):
        count = Workplace.objects.count()

        response = client_for(school_a.coordinator).post(
            reverse("internships:workplace-create", args=[school_a.host.pk]),
            workplace_form_data(postal_code="abcd"),
        )

        assert response.status_code == 200
        assert response.context["form"].errors["postal_code"] == [
            "Een Belgische postcode bestaat uit vier cijfers."
        ]
        assert Workplace.objects.count() == count

    def test_coordinator_adds_and_edits_a_mentor(self, school_a, client_for):
        client = client_for(school_a.coordinator)

        created = client.post(
            reverse("internships:mentor-create", args=[school_a.host.pk]), mentor_form_data()
        )
        mentor = Mentor.objects.get(last_name="Claes")
        updated = client.post(
            reverse("internships:mentor-update", args=[mentor.pk]),
            mentor_form_data(job_title="meester-bakker"),
        )

        mentor.refresh_from_db()
        assert (created.status_code, updated.status_code) == (302, 302)
        assert mentor.host == school_a.host
        assert mentor.job_title == "meester-bakker"

    def test_a_mentor_needs_an_email_address(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:mentor-create", args=[school_a.host.pk]),
            mentor_form_data(email=""),
        )

        assert response.status_code == 200
        assert response.context["form"].errors["email"] == ["Dit veld is verplicht."]
