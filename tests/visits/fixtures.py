"""Geocoded Flemish addresses, a fake geocoder and a fake router: the tests never touch the
network. The coordinates are those of the places (town halls, market squares), rounded."""

from collections.abc import Callable
from dataclasses import dataclass, field

from visits.providers import Method, Point, Table, haversine_km

SCHOOL = Point(50.9394, 4.0325)  # Leopoldlaan 18, 9300 Aalst
ADDRESSES: dict[str, Point] = {
    "Leopoldlaan 18, 9300 Aalst, België": SCHOOL,
    "Grote Markt 1, 9300 Aalst, België": Point(50.9381, 4.0394),
    "Stationsstraat 2, 9470 Denderleeuw, België": Point(50.8856, 4.0739),
    "Markt 1, 9400 Ninove, België": Point(50.8286, 4.0253),
    "Markt 1, 9620 Zottegem, België": Point(50.8694, 3.8103),
    "Markt 10, 9340 Lede, België": Point(50.9667, 3.9853),
    "Kerkplein 1, 1790 Affligem, België": Point(50.9097, 4.1147),
    "Markt 1, 9160 Lokeren, België": Point(51.1036, 3.9931),
    "Grote Markt 1, 9100 Sint-Niklaas, België": Point(51.1650, 4.1431),
    "Botermarkt 1, 9000 Gent, België": Point(51.0543, 3.7253),
    "Grote Markt 1, 2000 Antwerpen, België": Point(51.2211, 4.3997),
}


def split(address: str) -> dict[str, str]:
    """``"Markt 1, 9400 Ninove, België"`` as the fields of an address model."""
    street, place, _country = (part.strip() for part in address.split(","))
    postal_code, city = place.split(" ", 1)
    return {"street": street, "postal_code": postal_code, "city": city}


@dataclass
class FakeGeocoder:
    """Finds the addresses of :data:`ADDRESSES`; remembers what it was asked."""

    known: dict[str, Point] = field(default_factory=lambda: dict(ADDRESSES))
    asked: list[str] = field(default_factory=list)

    def __call__(self, address: str) -> Point | None:
        self.asked.append(address)
        return self.known.get(address)


@dataclass
class FakeRouter:
    """A "routing service" that answers from ``distance`` (km, by default the straight line
    without a road factor); a kilometre takes two minutes. Counts its calls."""

    distance: Callable[[Point, Point], float] = haversine_km
    calls: int = 0

    def table(self, sources: list[Point], destinations: list[Point]) -> Table:
        self.calls += 1
        km = [[self.distance(a, b) for b in destinations] for a in sources]
        minutes = [[2 * value for value in row] for row in km]
        return Table(km=km, minutes=minutes, method=Method.ROUTING)
