"""Travel for the demo: where the school and its workplaces are, times and kilometres on the
visits, and a calendar feed for the demo supervisor.

No geocoder is asked: the coordinates come from the fixture below, the centres of real Flemish
municipalities (by postal code), with each address placed a little around its centre so the
workplaces of one municipality do not coincide. The kilometres of a visit that was made are
the round trip from the school, in a straight line times the road factor, give or take what a
real drive adds. The demo supervisor (the school's first supervisor account, the ``supervisor``
login) gets a calendar feed whose address is printed nowhere: it can be rotated from the page.
"""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from core.principals import StaffMember
from demo.bulk import Batch
from internships.models import School, User, Visit, Workplace
from visits.models import CalendarFeed
from visits.providers import Point, haversine_km
from visits.selectors.locations import school_point, workplace_point
from visits.services.calendar_feeds import calendar_feed_create
from visits.services.locations import school_locate

# Postal code: municipality and the latitude and longitude of its centre.
MUNICIPALITIES: dict[str, tuple[str, float, float]] = {
    "9300": ("Aalst", 50.9378, 4.0403),
    "9320": ("Erembodegem", 50.9196, 4.0553),
    "9420": ("Erpe-Mere", 50.9273, 3.9694),
    "9470": ("Denderleeuw", 50.8850, 4.0722),
    "9400": ("Ninove", 50.8283, 4.0244),
    "9340": ("Lede", 50.9658, 3.9861),
    "9620": ("Zottegem", 50.8694, 3.8106),
    "9450": ("Haaltert", 50.9047, 4.0000),
    "9260": ("Wichelen", 51.0050, 3.9764),
    "9550": ("Herzele", 50.8872, 3.8906),
    "1790": ("Affligem", 50.9097, 4.1153),
    "1770": ("Liedekerke", 50.8706, 4.0869),
    "9160": ("Lokeren", 51.1036, 3.9931),
    "9100": ("Sint-Niklaas", 51.1650, 4.1431),
    "9240": ("Zele", 51.0661, 4.0394),
    "9200": ("Dendermonde", 51.0286, 4.1011),
    "9250": ("Waasmunster", 51.1058, 4.0864),
    "9180": ("Moerbeke", 51.1744, 3.9356),
    "9185": ("Wachtebeke", 51.1697, 3.8725),
    "9190": ("Stekene", 51.2097, 4.0364),
    "9220": ("Hamme", 51.0994, 4.1350),
    "9080": ("Lochristi", 51.0967, 3.8322),
    "9290": ("Berlare", 51.0319, 4.0022),
    "9000": ("Gent", 51.0543, 3.7174),
    "2000": ("Antwerpen", 51.2194, 4.4025),
    "2800": ("Mechelen", 51.0259, 4.4776),
    "3000": ("Leuven", 50.8798, 4.7005),
    "3500": ("Hasselt", 50.9307, 5.3378),
    "8000": ("Brugge", 51.2093, 3.2247),
    "8500": ("Kortrijk", 50.8280, 3.2649),
}
# How far an address may lie from its municipality's centre, in degrees (about 1.5 km).
SPREAD = 0.013
VISIT_TIMES = tuple(
    datetime.time(hour, minute)
    for hour, minute in ((8, 30), (9, 0), (9, 30), (10, 0), (10, 30), (13, 0), (13, 30), (14, 0))
)


def municipality_point(postal_code: str, rng: random.Random) -> Point | None:
    """A point around the centre of the municipality with ``postal_code``; None if unknown."""
    known = MUNICIPALITIES.get(postal_code)
    if known is None:
        return None
    _name, latitude, longitude = known
    return Point(
        latitude=latitude + rng.uniform(-SPREAD, SPREAD),
        longitude=longitude + rng.uniform(-SPREAD, SPREAD) * 1.5,
    )


def demo_supervisor(school: School) -> User | None:
    """The school's first supervisor account: the demo login ``supervisor``."""
    return (
        User.objects.filter(school=school, role=User.Role.SUPERVISOR, is_active=True)
        .order_by("pk")
        .first()
    )


def _degrees(value: float) -> Decimal:
    """Rounded as ``workplace_locate`` stores it, to a millionth of a degree."""
    return Decimal(str(value)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def _locate(school: School, rng: random.Random) -> Point | None:
    """The school's coordinates (``school_locate``) and its workplaces', these written in bulk
    as ``workplace_locate`` would store them."""
    start = school_point(school)
    if start is None:
        point = municipality_point(school.postal_code, rng)
        if point is not None:
            school_locate(school=school, point=point)
            start = school_point(school)
    batch, located = Batch(), []
    for workplace in Workplace.objects.filter(host__school=school).order_by("pk"):
        if workplace_point(workplace) is None:
            point = municipality_point(workplace.postal_code, rng)
            if point is not None:
                workplace.latitude = _degrees(point.latitude)
                workplace.longitude = _degrees(point.longitude)
                batch.changed(workplace)
                located.append(workplace)
    Workplace.objects.bulk_update(located, ["latitude", "longitude"], batch_size=100)
    batch.write()
    return start


def _round_trip_km(start: Point, workplace: Workplace, rng: random.Random) -> Decimal | None:
    point = workplace_point(workplace)
    if point is None:
        return None
    km = 2 * haversine_km(start, point) * settings.VISITS_ROAD_FACTOR * rng.uniform(0.95, 1.12)
    return Decimal(str(max(km, 1.0))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _visits(school: School, start: Point | None, rng: random.Random, today: datetime.date) -> None:
    """Times and kilometres on the visits, written in bulk as ``visit_update`` would."""
    batch, changed = Batch(), []
    visits = (
        Visit.objects.filter(placement__school=school)
        .select_related("placement__workplace")
        .order_by("date", "pk")
    )
    for visit in visits:
        changes = {}
        if visit.time is None and visit.kind != Visit.Kind.AT_SCHOOL and rng.random() < 0.9:
            changes["time"] = rng.choice(VISIT_TIMES)
        if (
            visit.is_done
            and visit.date <= today
            and visit.kind == Visit.Kind.ON_SITE
            and visit.distance_km is None
            and start is not None
        ):
            km = _round_trip_km(start, visit.placement.workplace, rng)
            if km is not None:
                changes["distance_km"] = km
        if changes:
            for name, value in changes.items():
                setattr(visit, name, value)
            batch.changed(visit)
            changed.append(visit)
    Visit.objects.bulk_update(changed, ["time", "distance_km"], batch_size=100)
    batch.write()


def travel_seed(*, school: School, today: datetime.date, rng: random.Random) -> None:
    """Coordinates for the school and its workplaces, times and kilometres on its visits, and
    the demo supervisor's calendar feed; what is already there is left as it is. ``today`` is
    the demo's today (visits after it are not made yet, so they get no kilometres)."""
    start = _locate(school, rng)
    _visits(school, start, rng, today)
    supervisor = demo_supervisor(school)
    if (
        supervisor is not None
        and not CalendarFeed.objects.filter(user=supervisor, revoked_at__isnull=True).exists()
    ):
        calendar_feed_create(principal=StaffMember.of(supervisor))
