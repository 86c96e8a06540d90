"""What a browser posts for each form of the app: valid by default, keyword arguments override.

Values are strings as in a real request; model instances are replaced by their primary key.
"""

import datetime
from typing import Any

from stdnum.be import nn

from internships.models import Placement, User
from tests.factories.models import enterprise_number_for, national_number_for


def _post(data: dict[str, Any]) -> dict[str, Any]:
    """Drops ``None`` values (the browser omits them) and posts objects by their key."""
    result = {}
    for key, value in data.items():
        if value is None:
            continue
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, datetime.date | datetime.time):
            value = value.isoformat()
        result[key] = value
    return result


def student_form_data(**overrides: Any) -> dict[str, Any]:
    birth_date = datetime.date(2009, 3, 14)
    data = {
        "first_name": "Noor",
        "last_name": "Vermeulen",
        "birth_date": birth_date,
        "national_number": nn.format(national_number_for(birth_date, 124)),
        "school_class": None,
        "email": "noor.vermeulen@leerling.example",
        "phone": "0470 11 22 33",
        "street": "Kouter 12",
        "postal_code": "9000",
        "city": "Gent",
    }
    return _post({**data, **overrides})


def guardian_form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": "Karel",
        "last_name": "Vermeulen",
        "relationship": "father",
        "email": "karel.vermeulen@thuis.example",
        "phone": "0475 44 55 66",
        "may_sign": "on",
    }
    return _post({**data, **overrides})


def host_form_data(**overrides: Any) -> dict[str, Any]:
    number = enterprise_number_for(7_654_321)
    data = {
        "name": "Bakkerij Vermeulen",
        # Typed the way people copy it from the KBO: dotted.
        "enterprise_number": f"{number[:4]}.{number[4:7]}.{number[7:]}",
        "joint_committee": "118",
        "employs_staff": "on",
        "street": "Veldstraat 1",
        "postal_code": "9000",
        "city": "Gent",
        "representative_name": "Els Vermeulen",
        "representative_title": "zaakvoerder",
        "email": "info@bakkerij.example",
        "phone": "09 111 22 33",
        "notes": "",
    }
    return _post({**data, **overrides})


def workplace_form_data(**overrides: Any) -> dict[str, Any]:
    data = {"name": "Winkel Sint-Pieters", "street": "Overpoort 5", "postal_code": "9000"}
    return _post({**data, "city": "Gent", **overrides})


def mentor_form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": "Jef",
        "last_name": "Claes",
        "job_title": "bakker",
        "email": "jef.claes@bakkerij.example",
        "phone": "0476 00 11 22",
    }
    return _post({**data, **overrides})


def placement_form_data(*, placement: Placement | None = None, **overrides: Any) -> dict[str, Any]:
    """The placement form, filled in from ``placement`` (its own values) unless overridden."""
    data: dict[str, Any] = {"kind": Placement.Kind.BLOCK, "notes": ""}
    if placement is not None:
        data.update(
            {
                field: getattr(placement, field)
                for field in (
                    "student",
                    "school_year",
                    "kind",
                    "start_date",
                    "end_date",
                    "host",
                    "workplace",
                    "mentor",
                    "supervisor",
                    "notes",
                )
            }
        )
    return _post({**data, **overrides})


def period_form_data(
    *,
    start_date: datetime.date,
    end_date: datetime.date,
    breaks: list[tuple[str, str]] = (("12:00", "12:30"),),
    **overrides: Any,
) -> dict[str, Any]:
    data = {
        "kind": "block",
        "start_date": start_date,
        "end_date": end_date,
        "weekdays": [0, 1, 2, 3, 4],
        "every_n_weeks": 1,
        "start_time": "08:30",
        "end_time": "16:30",
    }
    for index, (start, end) in enumerate(breaks):
        data[f"break_{index}_start"] = start
        data[f"break_{index}_end"] = end
    return _post({**data, **overrides})


def absence_form_data(*, date: datetime.date, **overrides: Any) -> dict[str, Any]:
    data = {"date": date, "hours": "3.5", "justification": "justified", "reason": "tandarts"}
    return _post({**data, **overrides})


def visit_form_data(*, date: datetime.date, **overrides: Any) -> dict[str, Any]:
    data = {
        "date": date,
        "kind": "on_site",
        "status": "done",
        "visited_by": None,
        "mentor_present": "on",
        "findings": "Helpt vlot bij de maaltijden en praat rustig met de bewoners.",
        "follow_up": "Bij het volgende bezoek de overdracht aan het team bekijken.",
    }
    return _post({**data, **overrides})


def makeup_form_data(
    *, start_date: datetime.date, end_date: datetime.date, **overrides: Any
) -> dict[str, Any]:
    data = {
        "reason": "ziekte inhalen",
        "decided_on": start_date - datetime.timedelta(days=7),
        **period_form_data(start_date=start_date, end_date=end_date),
    }
    for key in ("kind", "every_n_weeks"):
        data.pop(key)
    return _post({**data, **overrides})


def staff_create_form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "username": "an.peeters",
        "first_name": "An",
        "last_name": "Peeters",
        "email": "an.peeters@school.example",
        "phone": "",
        "role": User.Role.SUPERVISOR,
    }
    return _post({**data, **overrides})


def staff_update_form_data(*, member: User, **overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "email": member.email,
        "phone": member.phone,
        "role": member.role,
        "is_active": "on" if member.is_active else None,
    }
    return _post({**data, **overrides})
