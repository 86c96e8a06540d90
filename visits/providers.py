"""The outside services behind the route and the travel costs, each behind a small function.

- a geocoder turns an address into coordinates (geopy; ``VISITS_GEOCODER``, e.g. "nominatim");
- a router gives distances and travel times between points: a routing service (routingpy:
  ``VISITS_ROUTING`` "osrm" or "ors") or, without one, the straight-line (haversine) distance
  times ``VISITS_ROAD_FACTOR`` at ``VISITS_AVERAGE_SPEED_KMH``.

:func:`configured_geocoder` and :func:`configured_router` read the settings; every caller also
accepts a geocoder or router of its own, so tests inject fakes and never touch the network. A
routing service that fails falls back to the straight line, so a page or a PDF never fails
because a service is down.
"""

import hashlib
import logging
import math
from dataclasses import dataclass
from typing import Protocol

import routingpy
from django.conf import settings
from django.core.cache import cache
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service

logger = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088
# Routing answers hardly change; keep them a month.
ROUTING_CACHE_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Table:
    """Distances (km) and travel times (minutes) from each source to each destination."""

    km: list[list[float]]
    minutes: list[list[float]]
    method: str


class Geocoder(Protocol):
    def __call__(self, address: str) -> Point | None: ...


class Router(Protocol):
    def table(self, sources: list[Point], destinations: list[Point]) -> Table: ...


class Method:
    """How a route's distances were found."""

    ROUTING = "routing"
    STRAIGHT_LINE = "straight_line"


def haversine_km(a: Point, b: Point) -> float:
    """The great-circle distance between two points."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def minutes_at(km: float, speed_kmh: float) -> float:
    return km / speed_kmh * 60


class StraightLineRouter:
    """Straight-line distance times a road factor, at an average speed: no service needed."""

    method = Method.STRAIGHT_LINE

    def __init__(self, *, road_factor: float, speed_kmh: float) -> None:
        self.road_factor = road_factor
        self.speed_kmh = speed_kmh

    def table(self, sources: list[Point], destinations: list[Point]) -> Table:
        km = [[haversine_km(a, b) * self.road_factor for b in destinations] for a in sources]
        minutes = [[minutes_at(value, self.speed_kmh) for value in row] for row in km]
        return Table(km=km, minutes=minutes, method=self.method)


class ServiceRouter:
    """Road distances from a routing service (``routingpy`` client with a ``matrix`` call).

    Answers are cached; when the service fails the straight line answers instead.
    """

    method = Method.ROUTING

    def __init__(self, client, *, profile: str, fallback: StraightLineRouter, name: str) -> None:
        self.client = client
        self.profile = profile
        self.fallback = fallback
        self.name = name

    def table(self, sources: list[Point], destinations: list[Point]) -> Table:
        if not sources or not destinations:
            return Table(
                km=[[] for _ in sources], minutes=[[] for _ in sources], method=self.method
            )
        key = self._cache_key(sources, destinations)
        cached = cache.get(key)
        if cached is not None:
            return cached
        try:
            table = self._ask(sources, destinations)
        except Exception:
            # Any failure of the service (network, quota, bad answer): the straight line.
            logger.warning(
                "Routing service %s failed; using straight lines", self.name, exc_info=True
            )
            return self.fallback.table(sources, destinations)
        cache.set(key, table, ROUTING_CACHE_SECONDS)
        return table

    def _ask(self, sources: list[Point], destinations: list[Point]) -> Table:
        locations = [[point.longitude, point.latitude] for point in (*sources, *destinations)]
        matrix = self.client.matrix(
            locations=locations,
            profile=self.profile,
            sources=list(range(len(sources))),
            destinations=list(range(len(sources), len(locations))),
            **self._metrics(),
        )
        km = [[(meters or 0) / 1000 for meters in row] for row in matrix.distances]
        if matrix.durations:
            minutes = [[(seconds or 0) / 60 for seconds in row] for row in matrix.durations]
        else:
            minutes = [[minutes_at(value, self.fallback.speed_kmh) for value in row] for row in km]
        return Table(km=km, minutes=minutes, method=self.method)

    def _metrics(self) -> dict:
        if self.name == "ors":
            return {"metrics": ["distance", "duration"]}
        return {"annotations": ["distance", "duration"]}

    def _cache_key(self, sources: list[Point], destinations: list[Point]) -> str:
        text = repr((self.name, self.profile, sources, destinations))
        return "visits:routing:" + hashlib.sha256(text.encode()).hexdigest()


def straight_line_router() -> StraightLineRouter:
    return StraightLineRouter(
        road_factor=settings.VISITS_ROAD_FACTOR, speed_kmh=settings.VISITS_AVERAGE_SPEED_KMH
    )


def configured_router() -> Router:
    """The routing service of the settings, else the straight line."""
    name = settings.VISITS_ROUTING.strip().lower()
    fallback = straight_line_router()
    if not name:
        return fallback
    user_agent = settings.VISITS_GEOCODER_USER_AGENT
    if name == "osrm":
        client = routingpy.OSRM(
            base_url=settings.VISITS_ROUTING_URL.rstrip("/"), user_agent=user_agent
        )
        return ServiceRouter(client, profile="driving", fallback=fallback, name=name)
    if name == "ors":
        options = {"api_key": settings.VISITS_ROUTING_API_KEY or None, "user_agent": user_agent}
        if settings.VISITS_ROUTING_URL:
            options["base_url"] = settings.VISITS_ROUTING_URL.rstrip("/")
        client = routingpy.ORS(**options)
        return ServiceRouter(client, profile="driving-car", fallback=fallback, name=name)
    raise ValueError(f"Unknown VISITS_ROUTING {name!r}: use '', 'osrm' or 'ors'.")


class GeopyGeocoder:
    """A geopy geocoder for Belgian addresses; an address it cannot find gives None."""

    def __init__(self, service, *, min_delay_seconds: float) -> None:
        # Public services ask for at most one request a second (Nominatim's usage policy).
        self.geocode = RateLimiter(
            service.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )

    def __call__(self, address: str) -> Point | None:
        try:
            location = self.geocode(address, exactly_one=True, timeout=10)
        except GeopyError:
            logger.warning("Geocoding failed for a workplace address", exc_info=True)
            return None
        if location is None:
            return None
        return Point(latitude=location.latitude, longitude=location.longitude)


def configured_geocoder() -> Geocoder | None:
    """The geocoder of the settings; None when ``VISITS_GEOCODER`` is empty."""
    name = settings.VISITS_GEOCODER.strip().lower()
    if not name:
        return None
    service_class = get_geocoder_for_service(name)
    service = service_class(user_agent=settings.VISITS_GEOCODER_USER_AGENT)
    return GeopyGeocoder(service, min_delay_seconds=1.0)
