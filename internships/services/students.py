"""Writes for pupils and their guardians."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from internships.models import Guardian, School, SchoolClass, SchoolYear, Student
from internships.services.common import model_update
from internships.signals import schedule_changed

STUDENT_FIELDS = [
    "first_name",
    "last_name",
    "birth_date",
    "national_number",
    "email",
    "phone",
    "street",
    "postal_code",
    "city",
    "school_class",
]
GUARDIAN_FIELDS = ["first_name", "last_name", "relationship", "email", "phone", "may_sign"]


def _check_class(school: School, school_class: SchoolClass | None) -> None:
    if school_class is not None and school_class.school_id != school.pk:
        raise ValidationError({"school_class": _("Deze klas hoort niet bij je school.")})


def _check_national_number(school: School, national_number: str, student: Student | None) -> None:
    """Checked before the model's constraint, whose own message names only the constraint."""
    others = Student.objects.filter(school=school, national_number=national_number)
    if student is not None:
        others = others.exclude(pk=student.pk)
    if national_number and others.exists():
        raise ValidationError(
            {
                "national_number": _(
                    "Er is al een leerling met dit rijksregisternummer in je school."
                )
            }
        )


@transaction.atomic
def student_create(
    *,
    school: School,
    first_name: str,
    last_name: str,
    birth_date: datetime.date,
    street: str,
    postal_code: str,
    city: str,
    national_number: str = "",
    email: str = "",
    phone: str = "",
    school_class: SchoolClass | None = None,
) -> Student:
    _check_class(school, school_class)
    _check_national_number(school, national_number, None)
    student = Student(
        school=school,
        first_name=first_name,
        last_name=last_name,
        birth_date=birth_date,
        national_number=national_number,
        email=email,
        phone=phone,
        street=street,
        postal_code=postal_code,
        city=city,
        school_class=school_class,
    )
    student.full_clean()
    student.save()
    return student


@transaction.atomic
def student_update(*, student: Student, data: dict[str, Any]) -> Student:
    _check_class(student.school, data.get("school_class", student.school_class))
    _check_national_number(
        student.school, data.get("national_number", student.national_number), student
    )
    birth_date = student.birth_date
    model_update(instance=student, fields=STUDENT_FIELDS, data=data)
    if student.birth_date != birth_date:
        # Age decides which rules apply (4, 5.2.1): every school year with placements changes.
        for school_year in SchoolYear.objects.filter(placements__student=student).distinct():
            schedule_changed.send(sender=Student, student=student, school_year=school_year)
    return student


@transaction.atomic
def guardian_create(
    *,
    student: Student,
    first_name: str,
    last_name: str,
    relationship: str,
    email: str = "",
    phone: str = "",
    may_sign: bool = True,
) -> Guardian:
    guardian = Guardian(
        student=student,
        first_name=first_name,
        last_name=last_name,
        relationship=relationship,
        email=email,
        phone=phone,
        may_sign=may_sign,
    )
    guardian.full_clean()
    guardian.save()
    return guardian


@transaction.atomic
def guardian_update(*, guardian: Guardian, data: dict[str, Any]) -> Guardian:
    model_update(instance=guardian, fields=GUARDIAN_FIELDS, data=data)
    return guardian


@transaction.atomic
def guardian_delete(*, guardian: Guardian) -> None:
    guardian.delete()
