"""``manage.py geocode_workplaces``: coordinates through the configured geocoder, never the
network in a test (a fake geocoder with geocoded Flemish addresses)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import WorkplaceFactory
from tests.visits.fixtures import ADDRESSES, FakeGeocoder, split
from visits import providers
from visits.models import SchoolLocation

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("geocode_workplaces", *args, stdout=out)
    return out.getvalue()


def test_without_a_geocoder_it_says_so_and_changes_nothing(school_a, settings):
    settings.VISITS_GEOCODER = ""

    output = run()

    assert "Er is geen geocoder ingesteld" in output
    school_a.workplace.refresh_from_db()
    assert school_a.workplace.latitude is None
    assert not SchoolLocation.objects.exists()


def test_it_geocodes_the_school_and_the_workplaces_without_coordinates(
    school_a, school_b, monkeypatch
):
    geocoder = FakeGeocoder()
    monkeypatch.setattr(providers, "configured_geocoder", lambda: geocoder)
    for school in (school_a.school, school_b.school):
        for field, value in split("Leopoldlaan 18, 9300 Aalst, België").items():
            setattr(school, field, value)
        school.save()
    lede = WorkplaceFactory(host=school_a.host, **split("Markt 10, 9340 Lede, België"))
    nowhere = WorkplaceFactory(host=school_a.host, name="Nergens", street="Onbekende straat 1")

    output = run("--school", school_a.school.institution_number)

    lede.refresh_from_db()
    point = ADDRESSES["Markt 10, 9340 Lede, België"]
    assert (float(lede.latitude), float(lede.longitude)) == (point.latitude, point.longitude)
    assert SchoolLocation.objects.filter(school=school_a.school).exists()
    assert not SchoolLocation.objects.filter(school=school_b.school).exists()
    assert f"Niet gevonden: Nergens, {nowhere.address}" in output
    assert "De ligging van de school is bewaard." in output
    assert lede.history.first().history_type == "~"

    geocoder.asked.clear()
    run("--school", school_a.school.institution_number)
    assert "Markt 10, 9340 Lede, België" not in geocoder.asked  # found before, not asked again


def test_an_unknown_school_is_refused_in_dutch(db, monkeypatch):
    monkeypatch.setattr(providers, "configured_geocoder", FakeGeocoder)

    with pytest.raises(CommandError, match="Geen school met instellingsnummer 999999"):
        run("--school", "999999")


def test_an_unknown_geocoder_is_refused_in_dutch(db, settings):
    settings.VISITS_GEOCODER = "geen-echte-dienst"

    with pytest.raises(CommandError, match="VISITS_GEOCODER kent geen geocoder"):
        run()
