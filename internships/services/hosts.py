"""Writes for hosts, their workplaces and mentors."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from internships.models import Host, Mentor, School, Workplace
from internships.services.common import model_update

HOST_FIELDS = [
    "name",
    "enterprise_number",
    "joint_committee",
    "employs_staff",
    "street",
    "postal_code",
    "city",
    "representative_name",
    "representative_title",
    "email",
    "phone",
    "notes",
]
WORKPLACE_FIELDS = ["name", "street", "postal_code", "city"]
MENTOR_FIELDS = ["first_name", "last_name", "job_title", "email", "phone"]


def _validate_host(host: Host) -> None:
    """Whether the enterprise number is new in the school (the constraint's own message does
    not name the host that has it). The other rules, among them that a host employs staff
    (4.2), are the model's and its constraints', checked by ``full_clean``."""
    duplicate = (
        Host.objects.filter(school_id=host.school_id, enterprise_number=host.enterprise_number)
        .exclude(pk=host.pk)
        .first()
    )
    if duplicate is not None:
        raise ValidationError(
            {
                "enterprise_number": [
                    _("Met dit ondernemingsnummer bestaat al een stagegever: %(host)s.")
                    % {"host": duplicate}
                ]
            }
        )


@transaction.atomic
def host_create(
    *,
    school: School,
    name: str,
    enterprise_number: str,
    employs_staff: bool,
    street: str,
    postal_code: str,
    city: str,
    joint_committee: str = "",
    representative_name: str = "",
    representative_title: str = "",
    email: str = "",
    phone: str = "",
    notes: str = "",
    create_workplace: bool = True,
) -> Host:
    """Creates a host; by default its registered office is also its first workplace."""
    host = Host(
        school=school,
        name=name,
        enterprise_number=enterprise_number,
        employs_staff=employs_staff,
        street=street,
        postal_code=postal_code,
        city=city,
        joint_committee=joint_committee,
        representative_name=representative_name,
        representative_title=representative_title,
        email=email,
        phone=phone,
        notes=notes,
    )
    _validate_host(host)
    host.full_clean()
    host.save()
    if create_workplace:
        workplace_create(host=host, name=name, street=street, postal_code=postal_code, city=city)
    return host


@transaction.atomic
def host_update(*, host: Host, data: dict[str, Any]) -> Host:
    model_update(instance=host, fields=HOST_FIELDS, data=data, validate=_validate_host)
    return host


@transaction.atomic
def workplace_create(
    *, host: Host, name: str, street: str, postal_code: str, city: str
) -> Workplace:
    workplace = Workplace(host=host, name=name, street=street, postal_code=postal_code, city=city)
    workplace.full_clean()
    workplace.save()
    return workplace


@transaction.atomic
def workplace_update(*, workplace: Workplace, data: dict[str, Any]) -> Workplace:
    model_update(instance=workplace, fields=WORKPLACE_FIELDS, data=data)
    return workplace


@transaction.atomic
def mentor_create(
    *,
    host: Host,
    first_name: str,
    last_name: str,
    email: str,
    job_title: str = "",
    phone: str = "",
) -> Mentor:
    mentor = Mentor(
        host=host,
        first_name=first_name,
        last_name=last_name,
        job_title=job_title,
        email=email,
        phone=phone,
    )
    mentor.full_clean()
    mentor.save()
    return mentor


@transaction.atomic
def mentor_update(*, mentor: Mentor, data: dict[str, Any]) -> Mentor:
    model_update(instance=mentor, fields=MENTOR_FIELDS, data=data)
    return mentor
