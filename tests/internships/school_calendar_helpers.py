"""Shared pieces of the school calendar tests: URLs, form data and an own free day."""

import datetime

from django.urls import reverse

from internships.models import SchoolHoliday, SchoolYear
from tests.factories import SchoolHolidayFactory

DAY = datetime.timedelta(days=1)
CALENDAR = reverse("internships:school-calendar")
CREATE = reverse("internships:school-holiday-create")
FIXED = "vast, volgens de Vlaamse schoolkalender"


def update_url(holiday: SchoolHoliday) -> str:
    return reverse("internships:school-holiday-update", args=[holiday.pk])


def delete_url(holiday: SchoolHoliday) -> str:
    return reverse("internships:school-holiday-delete", args=[holiday.pk])


def lesson_wednesday(school_year: SchoolYear) -> datetime.date:
    """A Wednesday in the second half of November: a lesson day in every Flemish school year."""
    day = datetime.date(school_year.start_year, 11, 15)
    return day + datetime.timedelta(days=(2 - day.weekday()) % 7)


def form_data(name: str, start: datetime.date, end: datetime.date | None = None) -> dict:
    return {"name": name, "start_date": start.isoformat(), "end_date": (end or start).isoformat()}


def study_day(world, **kwargs) -> SchoolHoliday:
    day = lesson_wednesday(world.school_year)
    defaults = {"start_date": day, "end_date": day, "name": f"Studiedag {world.label}"}
    return SchoolHolidayFactory(
        school=world.school, school_year=world.school_year, **{**defaults, **kwargs}
    )


def form_errors(response) -> list[str]:
    return [message for errors in response.context["form"].errors.values() for message in errors]
