"""The attendance app's models belong to a school: scoped managers, and no query outside a scope
(the same checks as ``tests/test_tenancy.py``)."""

import pytest
from django_scopes import scope

from attendance.models import AttendanceCheck, AttendanceDay, AttendanceWeek, Incident
from core.tenancy import ScopeError, school_scope
from tests.attendance.factories import AttendanceDayFactory, AttendanceWeekFactory, IncidentFactory

MODELS = [AttendanceWeek, AttendanceDay, AttendanceCheck, Incident]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_is_scoped_and_refuses_unscoped_queries(db, model):
    assert model._default_manager.school_paths
    with scope(), pytest.raises(ScopeError):
        list(model.objects.all())
    with scope(), pytest.raises(ScopeError):
        model.objects.exists()


def test_a_scope_shows_only_its_schools_rows(school_a, school_b):
    for world in (school_a, school_b):
        AttendanceDayFactory(week=AttendanceWeekFactory(placement=world.placement))
        IncidentFactory(placement=world.placement)

    with school_scope(school_a.school.pk):
        assert {week.placement for week in AttendanceWeek.objects.all()} == {school_a.placement}
        assert {day.week.placement for day in AttendanceDay.objects.all()} == {school_a.placement}
        assert {incident.placement for incident in Incident.objects.all()} == {school_a.placement}
