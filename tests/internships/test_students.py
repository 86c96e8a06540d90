"""Pupils and guardians: ``services/students.py``, ``views/students.py``, ``forms/students.py``."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from internships.models import Guardian, Student
from internships.services import students as services
from tests.factories import (
    GuardianFactory,
    SchoolClassFactory,
    SchoolFactory,
    SchoolYearFactory,
    StudentFactory,
    guardian_form_data,
    national_number_for,
    student_form_data,
)

pytestmark = pytest.mark.django_db

INVALID_NATIONAL_NUMBER = "85.07.30-033.99"


def new_student(**overrides) -> dict:
    """Keyword arguments for ``student_create``."""
    birth_date = datetime.date(2009, 5, 2)
    return {
        "first_name": "Noor",
        "last_name": "Vermeulen",
        "birth_date": birth_date,
        "national_number": national_number_for(birth_date, 12),
        "street": "Kouter 1",
        "postal_code": "9000",
        "city": "Gent",
        **overrides,
    }


class TestStudentCreateService:
    def test_it_creates_a_pupil_of_the_school(self):
        school = SchoolFactory()
        school_class = SchoolClassFactory(school=school)

        student = services.student_create(school=school, school_class=school_class, **new_student())

        assert student.pk is not None
        assert student.school == school
        assert student.history.count() == 1

    def test_it_accepts_a_pupil_without_national_number(self):
        student = services.student_create(school=SchoolFactory(), **new_student(national_number=""))

        assert student.national_number == ""

    def test_it_refuses_an_invalid_national_number_in_dutch(self):
        with pytest.raises(ValidationError) as error:
            services.student_create(
                school=SchoolFactory(), **new_student(national_number="85073003399")
            )

        assert "geen geldig rijksregisternummer" in str(error.value.message_dict)
        assert not Student.objects.exists()

    def test_it_refuses_an_invalid_postal_code_in_dutch(self):
        with pytest.raises(ValidationError) as error:
            services.student_create(school=SchoolFactory(), **new_student(postal_code="0123"))

        assert error.value.message_dict["postal_code"] == [
            "Een Belgische postcode bestaat uit vier cijfers."
        ]
        assert not Student.objects.exists()

    def test_it_refuses_a_class_of_another_school(self):
        other_class = SchoolClassFactory()

        with pytest.raises(ValidationError) as error:
            services.student_create(
                school=SchoolFactory(), school_class=other_class, **new_student()
            )

        assert error.value.message_dict["school_class"] == ["Deze klas hoort niet bij je school."]

    def test_it_refuses_a_national_number_already_used_in_the_school(self):
        existing = StudentFactory()

        with pytest.raises(ValidationError) as error:
            services.student_create(
                school=existing.school,
                **new_student(national_number=existing.national_number),
            )

        assert error.value.message_dict["national_number"] == [
            "Er is al een leerling met dit rijksregisternummer in je school."
        ]

    def test_the_same_national_number_may_exist_in_another_school(self):
        existing = StudentFactory()

        student = services.student_create(
            school=SchoolFactory(), **new_student(national_number=existing.national_number)
        )

        assert student.national_number == existing.national_number


class TestStudentUpdateService:
    def test_it_saves_the_changes_with_a_history_record(self):
        student = StudentFactory(first_name="Noor")

        services.student_update(student=student, data={"first_name": "Nora"})

        student.refresh_from_db()
        assert student.first_name == "Nora"
        assert student.history.count() == 2
        assert student.history.first().first_name == "Nora"

    def test_unchanged_data_leaves_no_empty_history_record(self):
        student = StudentFactory()

        services.student_update(student=student, data={"first_name": student.first_name})

        assert student.history.count() == 1

    def test_it_refuses_the_national_number_of_a_schoolmate(self):
        student, schoolmate = StudentFactory.create_batch(2, school=SchoolFactory())

        with pytest.raises(ValidationError) as error:
            services.student_update(
                student=student, data={"national_number": schoolmate.national_number}
            )

        assert "national_number" in error.value.message_dict
        student.refresh_from_db()
        assert student.national_number != schoolmate.national_number


class TestGuardianServices:
    def test_guardian_create_update_and_delete(self):
        student = StudentFactory()

        guardian = services.guardian_create(
            student=student, first_name="Karel", last_name="Peeters", relationship="father"
        )
        services.guardian_update(guardian=guardian, data={"may_sign": False})
        guardian.refresh_from_db()
        assert guardian.may_sign is False

        pk = guardian.pk
        services.guardian_delete(guardian=guardian)
        assert not Guardian.objects.exists()
        assert Guardian.history.filter(id=pk, history_type="-").exists()

    def test_guardian_with_an_invalid_email_is_refused(self):
        with pytest.raises(ValidationError) as error:
            services.guardian_create(
                student=StudentFactory(),
                first_name="Karel",
                last_name="Peeters",
                relationship="father",
                email="geen-adres",
            )

        assert "email" in error.value.message_dict


class TestStudentViews:
    def test_coordinator_creates_a_pupil_and_lands_on_its_page(self, school_a, client_for):
        data = student_form_data(school_class=school_a.school_class)

        response = client_for(school_a.coordinator).post(
            reverse("internships:student-create"), data
        )

        student = Student.objects.get(last_name="Vermeulen")
        assert response.status_code == 302
        assert response["Location"] == reverse("internships:student-detail", args=[student.pk])
        assert student.school == school_a.school
        assert len(student.national_number) == 11, "stored without dots and dashes"
        assert student.history.get().history_user == school_a.coordinator

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("national_number", INVALID_NATIONAL_NUMBER, "is geen geldig rijksregisternummer"),
            ("postal_code", "123", "Een Belgische postcode bestaat uit vier cijfers."),
            ("birth_date", "", "Dit veld is verplicht."),
        ],
    )
    def test_invalid_data_shows_a_dutch_message_and_creates_nothing(
        self, school_a, client_for, field, value, message
    ):
        count = Student.objects.count()

        response = client_for(school_a.coordinator).post(
            reverse("internships:student-create"), student_form_data(**{field: value})
        )

        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors[field])
        assert message in response.content.decode()
        assert Student.objects.count() == count

    def test_a_duplicate_national_number_gets_a_dutch_message(self, school_a, client_for):
        data = student_form_data(national_number=school_a.pupil.national_number)

        response = client_for(school_a.coordinator).post(
            reverse("internships:student-create"), data
        )

        assert response.context["form"].errors["national_number"] == [
            "Er is al een leerling met dit rijksregisternummer in je school."
        ]

    def test_coordinator_edits_a_pupil_and_history_names_them(self, school_a, client_for):
        pupil = school_a.pupil
        data = student_form_data(
            first_name="Lotte-Marie",
            birth_date=pupil.birth_date,
            national_number=pupil.national_number,
            school_class=pupil.school_class,
        )

        response = client_for(school_a.coordinator).post(
            reverse("internships:student-update", args=[pupil.pk]), data
        )

        pupil.refresh_from_db()
        assert response.status_code == 302
        assert pupil.first_name == "Lotte-Marie"
        latest = pupil.history.first()
        assert latest.history_type == "~"
        assert latest.history_user == school_a.coordinator

    def test_the_form_offers_only_classes_of_the_selected_school_year(self, school_a, client_for):
        last_year = SchoolYearFactory(start_year=school_a.school_year.start_year - 1)
        old_class = SchoolClassFactory(school=school_a.school, school_year=last_year)

        response = client_for(school_a.coordinator).get(reverse("internships:student-create"))

        classes = set(response.context["form"].fields["school_class"].queryset)
        assert school_a.school_class in classes
        assert old_class not in classes

    def test_detail_shows_guardians_and_placements(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(
            reverse("internships:student-detail", args=[school_a.pupil.pk])
        )

        assert list(response.context["guardians"]) == [school_a.guardian]
        assert list(response.context["placements"]) == [school_a.placement]


class TestGuardianViews:
    def test_coordinator_adds_a_guardian(self, school_a, client_for):
        pupil = school_a.pupil

        response = client_for(school_a.coordinator).post(
            reverse("internships:guardian-create", args=[pupil.pk]), guardian_form_data()
        )

        assert response.status_code == 302
        assert pupil.guardians.filter(first_name="Karel", relationship="father").exists()

    def test_coordinator_edits_a_guardian(self, school_a, client_for):
        guardian = school_a.guardian

        response = client_for(school_a.coordinator).post(
            reverse("internships:guardian-update", args=[school_a.pupil.pk, guardian.pk]),
            guardian_form_data(first_name="Griet", may_sign=None),
        )

        guardian.refresh_from_db()
        assert response.status_code == 302
        assert (guardian.first_name, guardian.may_sign) == ("Griet", False)

    def test_coordinator_deletes_a_guardian(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:guardian-delete", args=[school_a.pupil.pk, school_a.guardian.pk])
        )

        assert response.status_code == 302
        assert not Guardian.objects.filter(pk=school_a.guardian.pk).exists()

    def test_a_guardian_of_another_pupil_answers_404(self, school_a, client_for):
        stranger = GuardianFactory(student__school=school_a.school)

        response = client_for(school_a.coordinator).post(
            reverse("internships:guardian-delete", args=[school_a.pupil.pk, stranger.pk])
        )

        assert response.status_code == 404
        assert Guardian.objects.filter(pk=stranger.pk).exists()
