"""The day's route of a supervisor: the day's visits at workplaces in a sensible order, from
the school and back, with the distance and travel time of every leg (4.3.1: travel time is part
of the supervisor's assignment).

The order is the shortest round trip that keeps visits with an agreed time in the order of
their times (``visits.ordering``). Distances come from the router (``visits.providers``): a
routing service, else the straight line times the road factor. Workplaces without coordinates
(no geocoder configured, or not found) cannot be placed on the route: they count with the
kilometres the supervisor recorded on the visit.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.principals import Principal
from internships.models import User, Visit
from visits import providers
from visits.ordering import visiting_order
from visits.providers import Method, Point, Router, minutes_at
from visits.selectors.follow_up import VISIT_RELATIONS, own_visits_filter, plan_placements_for
from visits.selectors.locations import km_decimal, school_point, workplace_point

OWN_KM = "own_km"
METHOD_LABELS = {
    Method.ROUTING: _("afstanden van de routeplanner"),
    Method.STRAIGHT_LINE: _("afstand in vogelvlucht maal de omrijfactor"),
    OWN_KM: _("de kilometers die bij de bezoeken genoteerd zijn"),
}


@dataclass(frozen=True)
class RouteStop:
    visit: Visit
    km: Decimal  # from the previous stop (the school for the first)
    minutes: int


@dataclass(frozen=True)
class DayRoute:
    supervisor: User
    day: datetime.date
    has_start: bool
    stops: list[RouteStop]
    back_km: Decimal
    back_minutes: int
    unlocated: list[Visit]
    elsewhere: list[Visit]
    method: str

    @property
    def method_label(self) -> str:
        return str(METHOD_LABELS[self.method])

    @property
    def own_km(self) -> Decimal:
        return sum((visit.distance_km or Decimal(0) for visit in self.unlocated), Decimal(0))

    @property
    def total_km(self) -> Decimal:
        route = sum((stop.km for stop in self.stops), Decimal(0))
        return route + (self.back_km if self.stops else Decimal(0)) + self.own_km

    @property
    def total_minutes(self) -> int:
        route = sum(stop.minutes for stop in self.stops) + (self.back_minutes if self.stops else 0)
        own = minutes_at(float(self.own_km), settings.VISITS_AVERAGE_SPEED_KMH)
        return round(route + own)

    @property
    def is_empty(self) -> bool:
        return not (self.stops or self.unlocated or self.elsewhere)


def day_visits(principal: Principal, *, supervisor: User, day: datetime.date) -> list[Visit]:
    """The visits ``supervisor`` makes on ``day``, on placements the principal may see."""
    visits = Visit.objects.filter(
        own_visits_filter(supervisor),
        date=day,
        placement__in=plan_placements_for(principal).active(),
    )
    return list(visits.select_related(*VISIT_RELATIONS).order_by("time", "pk"))


def day_route(
    principal: Principal,
    *,
    supervisor: User,
    day: datetime.date,
    router: Router | None = None,
) -> DayRoute:
    visits = day_visits(principal, supervisor=supervisor, day=day)
    on_site = [visit for visit in visits if visit.kind == Visit.Kind.ON_SITE]
    elsewhere = [visit for visit in visits if visit.kind != Visit.Kind.ON_SITE]
    start = school_point(supervisor.school)
    points = {visit.pk: workplace_point(visit.placement.workplace) for visit in on_site}
    located = [visit for visit in on_site if start is not None and points[visit.pk] is not None]
    unlocated = [visit for visit in on_site if visit not in located]
    common = {
        "supervisor": supervisor,
        "day": day,
        "has_start": start is not None,
        "unlocated": unlocated,
        "elsewhere": elsewhere,
    }
    if not located:
        return DayRoute(stops=[], back_km=Decimal(0), back_minutes=0, method=OWN_KM, **common)
    return _ordered_route(start, located, points, router or providers.configured_router(), common)


def _ordered_route(
    start: Point, located: list[Visit], points: dict, router: Router, common: dict
) -> DayRoute:
    nodes = [start, *(points[visit.pk] for visit in located)]
    table = router.table(nodes, nodes)
    order = visiting_order(table.km, [visit.time for visit in located])
    stops, previous = [], 0
    for node in order:
        stops.append(
            RouteStop(
                visit=located[node - 1],
                km=km_decimal(table.km[previous][node]),
                minutes=round(table.minutes[previous][node]),
            )
        )
        previous = node
    return DayRoute(
        stops=stops,
        back_km=km_decimal(table.km[previous][0]),
        back_minutes=round(table.minutes[previous][0]),
        method=table.method,
        **common,
    )
