"""Rules that tie absences, make-ups and the working school year to the plan."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from internships.models import Absence, Placement, SchoolYear
from internships.selectors.school import selected_school_year
from internships.services.absences import absence_record, make_up_create


def test_an_absence_needs_a_planned_internship_day(school_a):
    placement = school_a.placement
    saturday = placement.start_date + datetime.timedelta(days=5)
    with pytest.raises(ValidationError, match="geen stage gepland"):
        absence_record(
            placement=placement,
            date=saturday,
            hours=Decimal("4"),
            justification=Absence.Justification.JUSTIFIED,
            recorded_by=school_a.supervisor,
        )


def test_an_absence_cannot_exceed_the_hours_of_the_day(school_a):
    placement = school_a.placement
    tuesday = placement.start_date + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="maar 7,5 uren stage gepland"):
        absence_record(
            placement=placement,
            date=tuesday,
            hours=Decimal("8"),
            justification=Absence.Justification.JUSTIFIED,
            recorded_by=school_a.supervisor,
        )


def test_a_make_up_needs_a_placement_that_is_not_over(school_a):
    placement = school_a.placement
    placement.status = Placement.Status.COMPLETED
    placement.save()
    with pytest.raises(ValidationError, match="in voorbereiding of een lopende stage"):
        make_up_create(
            placement=placement,
            reason="ziekte",
            decided_on=placement.end_date,
            start_date=placement.end_date + datetime.timedelta(days=3),
            end_date=placement.end_date + datetime.timedelta(days=3),
            weekdays=[0, 1, 2, 3, 4],
            start_time=datetime.time(9),
            end_time=datetime.time(12),
        )
    assert not placement.make_ups.exists()


def test_choosing_the_working_school_year_writes_nothing(db):
    SchoolYear.objects.create(start_year=2019)
    request = RequestFactory().get("/")
    request.session = {}
    before = SchoolYear.objects.count()
    assert selected_school_year(request).start_year == 2019
    assert SchoolYear.objects.count() == before
