"""Where the school and the workplaces are, and how far a round trip from the school is.

Coordinates come from the database only (geocoded before, see ``visits.services.locations``);
distances from the router (``visits.providers``), which the caller may give.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet

from internships.models import School, Workplace
from visits import providers
from visits.models import SchoolLocation
from visits.providers import Point, Router

TENTH = Decimal("0.1")


def km_decimal(value: float) -> Decimal:
    """A distance as the visits record it: kilometres with one decimal."""
    return Decimal(str(value)).quantize(TENTH, rounding=ROUND_HALF_UP)


def workplace_point(workplace: Workplace) -> Point | None:
    if workplace.latitude is None or workplace.longitude is None:
        return None
    return Point(latitude=float(workplace.latitude), longitude=float(workplace.longitude))


def school_point(school: School) -> Point | None:
    location = SchoolLocation.objects.filter(school=school).first()
    if location is None:
        return None
    return Point(latitude=float(location.latitude), longitude=float(location.longitude))


def workplaces_without_coordinates(school: School) -> QuerySet[Workplace]:
    missing = Q(latitude__isnull=True) | Q(longitude__isnull=True)
    return Workplace.objects.filter(missing, host__school=school).order_by("pk")


@dataclass(frozen=True)
class Trip:
    """A round trip school → workplace → school."""

    km: Decimal
    minutes: float
    method: str


def round_trips(
    start: Point | None, workplaces: list[Workplace], *, router: Router | None = None
) -> dict[int, Trip]:
    """The round trip from ``start`` to each workplace with coordinates, by workplace pk."""
    located = {
        workplace.pk: point
        for workplace in workplaces
        if (point := workplace_point(workplace)) is not None
    }
    if start is None or not located:
        return {}
    router = router or providers.configured_router()
    points = list(located.values())
    out = router.table([start], points)
    back = router.table(points, [start])
    return {
        pk: Trip(
            km=km_decimal(out.km[0][index] + back.km[index][0]),
            minutes=out.minutes[0][index] + back.minutes[index][0],
            method=out.method,
        )
        for index, pk in enumerate(located)
    }
