"""A supervisor's visits as an iCalendar document (RFC 5545, with icalendar).

Each visit is an event in Europe/Brussels: from its time for an hour (:data:`VISIT_LENGTH`),
or all day when it has no time. The event names the pupil and the host, is located at the
workplace's address and links to the placement's page (which asks to sign in). Nothing else
about the pupil goes into the calendar: no national number, no address, no findings.
"""

import datetime
import zoneinfo
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from internships.models import Visit

TIME_ZONE = zoneinfo.ZoneInfo("Europe/Brussels")
VISIT_LENGTH = datetime.timedelta(hours=1)
REFRESH = datetime.timedelta(hours=1)
PRODID = "-//Stagebeheer//Stagebezoeken//NL"


def visit_summary(visit: Visit) -> str:
    return _("Stagebezoek %(student)s – %(host)s") % {
        "student": visit.placement.student.full_name,
        "host": visit.placement.host.name,
    }


def visit_event(visit: Visit, *, site_url: str, domain: str) -> Event:
    workplace = visit.placement.workplace
    if visit.time is None:
        start = visit.date
        end = visit.date + datetime.timedelta(days=1)
    else:
        start = datetime.datetime.combine(visit.date, visit.time, tzinfo=TIME_ZONE)
        end = start + VISIT_LENGTH
    url = site_url + reverse("internships:placement-detail", args=[visit.placement_id])
    description = f"{visit.get_kind_display()} · {visit.get_status_display()}\n{url}"
    return Event.new(
        uid=f"stagebezoek-{visit.pk}@{domain}",
        summary=visit_summary(visit),
        start=start,
        end=end,
        location=f"{workplace.name}, {workplace.address}",
        description=description,
        url=url,
        stamp=timezone.now(),
        status="CONFIRMED",
    )


def visits_calendar(
    visits: Iterable[Visit], *, name: str, uid: str, site_url: str, domain: str
) -> bytes:
    calendar = Calendar.new(name=name, prodid=PRODID, uid=uid, refresh_interval=REFRESH)
    for visit in visits:
        calendar.add_component(visit_event(visit, site_url=site_url, domain=domain))
    calendar.add_missing_timezones()
    return calendar.to_ical()
