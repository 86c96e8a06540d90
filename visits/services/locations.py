"""Coordinates of the school and its workplaces, found through the configured geocoder.

``VISITS_GEOCODER`` names the provider (``visits.providers``); without one nothing is
geocoded and routes fall back to the kilometres recorded on the visits. The command
``geocode_workplaces`` geocodes a whole school, the route page the day's workplaces. A
workplace whose address the geocoder cannot find keeps no coordinates and is tried again
next time.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from core.principals import Principal
from internships.models import School, User, Visit, Workplace
from visits.models import SchoolLocation
from visits.providers import Geocoder, Point
from visits.selectors.locations import (
    school_point,
    workplace_point,
    workplaces_without_coordinates,
)
from visits.selectors.routes import day_visits

MICRODEGREE = Decimal("0.000001")


def _degrees(value: float) -> Decimal:
    return Decimal(str(value)).quantize(MICRODEGREE, rounding=ROUND_HALF_UP)


def geocoding_address(place) -> str:
    """A Belgian postal address the way geocoders find it best."""
    return f"{place.street}, {place.postal_code} {place.city}, België"


@transaction.atomic
def workplace_locate(*, workplace: Workplace, point: Point) -> Workplace:
    workplace.latitude = _degrees(point.latitude)
    workplace.longitude = _degrees(point.longitude)
    workplace.full_clean()
    workplace.save(update_fields=["latitude", "longitude"])
    return workplace


@transaction.atomic
def school_locate(*, school: School, point: Point) -> SchoolLocation:
    location, _created = SchoolLocation.objects.update_or_create(
        school=school,
        defaults={"latitude": _degrees(point.latitude), "longitude": _degrees(point.longitude)},
    )
    return location


@dataclass
class GeocodingResult:
    school_located: bool = False
    located: list[Workplace] = field(default_factory=list)
    not_found: list[Workplace] = field(default_factory=list)


def locations_geocode(
    *, school: School, geocoder: Geocoder, workplaces: list[Workplace] | None = None
) -> GeocodingResult:
    """Geocodes the school when it has no coordinates yet, and the workplaces without any
    (``workplaces``: only these). Each one found is saved at once, so an interrupted run
    keeps what it found."""
    result = GeocodingResult()
    if school_point(school) is None:
        point = geocoder(geocoding_address(school))
        if point is not None:
            school_locate(school=school, point=point)
            result.school_located = True
    if workplaces is None:
        workplaces = list(workplaces_without_coordinates(school))
    for workplace in workplaces:
        if workplace.latitude is not None and workplace.longitude is not None:
            continue
        point = geocoder(geocoding_address(workplace))
        if point is None:
            result.not_found.append(workplace)
        else:
            result.located.append(workplace_locate(workplace=workplace, point=point))
    return result


def day_locations_geocode(
    *, principal: Principal, supervisor: User, day: datetime.date, geocoder: Geocoder | None
) -> GeocodingResult | None:
    """Before a day's route is drawn: geocodes the school and the day's workplaces that have
    no coordinates yet (a handful, so the page waits at most a few seconds, once). Nothing
    without a geocoder."""
    if geocoder is None:
        return None
    workplaces = {
        visit.placement.workplace.pk: visit.placement.workplace
        for visit in day_visits(principal, supervisor=supervisor, day=day)
        if visit.kind == Visit.Kind.ON_SITE and workplace_point(visit.placement.workplace) is None
    }
    if not workplaces and school_point(supervisor.school) is not None:
        return None
    return locations_geocode(
        school=supervisor.school, geocoder=geocoder, workplaces=list(workplaces.values())
    )
