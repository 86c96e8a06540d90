"""The planned volume on the placement page and the trial page: the pupil's year against the
programme's timetable hours, a shortfall as a warning with what it amounts to (3, 4.1.1)."""

import datetime

from django.urls import reverse

from compliance.models import ComplianceCheck
from compliance.services import compliance_check_placement
from internships.models import PlacementPeriod
from tests.factories import PlacementFactory

SHORTFALL = "lesuren stage te weinig tegenover de lessentabel"
SUCCESS = "voldoet aan de arbeidsregels"


def placement_page(world, client_for, placement=None) -> str:
    placement = placement or world.placement
    compliance_check_placement(placement=placement)
    response = client_for(world.coordinator).get(
        reverse("internships:placement-detail", args=[placement.pk])
    )
    assert response.status_code == 200
    return response.content.decode()


def test_4_1_1_a_block_short_of_the_timetable_hours_is_a_warning_not_green(school_a, client_for):
    # The personas' placement is a block of three weeks; the programme asks 8 lesson hours.
    page = placement_page(school_a, client_for)

    assert "5 " + SHORTFALL in page
    assert "De lessentabel vraagt 8 lesuren stage; gepland is ≈ 3 lesuren." in page
    assert "Er ontbreken 5 schoolweken blokstage" in page
    assert "alternerend 1,25 halve dag per week" in page
    assert "Geen overtredingen, wel aandachtspunten." in page or "overtreedt" in page
    assert SUCCESS not in page


def test_4_1_1_a_plan_that_reaches_the_timetable_hours_shows_no_shortfall(school_a, client_for):
    programme = school_a.school_class.programme
    programme.internship_lesson_hours = 3
    programme.save()

    page = placement_page(school_a, client_for)

    assert SHORTFALL not in page
    assert "Lessentabel: 3 lesuren stage; gepland ≈ 3 lesuren (4.1.1)" in page


def test_4_1_1_the_volume_is_the_pupils_year_over_all_placements(school_a, client_for):
    first = school_a.placement
    second = PlacementFactory(
        student=school_a.pupil,
        host=school_a.host,
        workplace=school_a.workplace,
        start_date=first.end_date + datetime.timedelta(days=38),
    )
    PlacementPeriod.objects.create(
        placement=second,
        kind=PlacementPeriod.Kind.BLOCK,
        start_date=second.start_date,
        end_date=second.end_date,
        weekdays=[0, 1, 2, 3, 4],
        start_time=datetime.time(8, 30),
        end_time=datetime.time(12, 30),
    )

    page = placement_page(school_a, client_for, second)

    totals = ComplianceCheck.objects.get(placement=second).totals
    assert totals["volume"]["block_days"] == 20
    assert totals["volume"]["lesson_hours"] == 4.0
    assert totals["own_volume"]["lesson_hours"] == 1.0
    assert "4 " + SHORTFALL in page
    assert "waarvan deze stage: 5 halve dagen" in page


TRY = {
    "birth_date": "2009-03-10",
    "kind": "block",
    "weekdays": ["0"],
    "every_n_weeks": "1",
    "start_time": "08:00",
    "end_time": "12:00",
}


def try_page(world, client_for, **extra) -> str:
    """The trial of one Monday morning block day in February."""
    first_of_february = datetime.date(world.school_year.start_year + 1, 2, 1)
    monday = first_of_february + datetime.timedelta(days=-first_of_february.weekday() % 7)
    data = {
        **TRY,
        "school_year": world.school_year.pk,
        "start_date": monday.isoformat(),
        "end_date": monday.isoformat(),
        **extra,
    }
    response = client_for(world.coordinator).post(
        reverse("compliance:try"), data, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    return response.content.decode()


def test_4_1_1_the_trial_page_warns_of_a_shortfall_against_the_class_programme(
    school_a, client_for
):
    page = try_page(school_a, client_for, school_class=school_a.school_class.pk)

    # One block day is a fifth of a school week: 7.8 of the programme's 8 lesson hours lack.
    assert "7,8 " + SHORTFALL in page
    assert "Er ontbreken 7,8 schoolweken blokstage" in page
    assert SUCCESS not in page


def test_4_1_1_the_trial_page_without_a_class_knows_no_timetable_hours(school_a, client_for):
    page = try_page(school_a, client_for)

    assert SHORTFALL not in page
    assert SUCCESS in page
