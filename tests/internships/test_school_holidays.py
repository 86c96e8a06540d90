"""The school's holidays: the Flemish school calendar built in, plus the school's own free days;
a block in a holiday reminds the school of the compensation it owes (section 4)."""

import datetime

import pytest
from django.urls import reverse

from compliance.engine.school_calendar import (
    carnival_holiday,
    christmas_holiday,
    school_holiday_dates,
)
from internships.models import MakeUpPlacement, PlacementPeriod
from internships.selectors.schedules import (
    holiday_dates,
    placement_holiday_internship,
    planned_days,
    school_holidays_of,
)
from tests.factories import (
    PlacementFactory,
    PlacementPeriodFactory,
    SchoolHolidayFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)
REMINDER = "Stage in de schoolvakantie"


def christmas_of(world) -> tuple[datetime.date, datetime.date]:
    holiday = christmas_holiday(world.school_year.start_year)
    return holiday.first_day, holiday.last_day


def placement_around_christmas(world, kind=PlacementPeriod.Kind.BLOCK, weekdays=(0, 1, 2, 3, 4)):
    """A pupil's placement from the week before the Christmas holiday into its first week."""
    first_day, _last = christmas_of(world)
    placement = PlacementFactory(
        student=StudentFactory(school=world.school, school_class=world.school_class),
        host=world.host,
        workplace=world.workplace,
        start_date=first_day - WEEK,
        end_date=first_day + 4 * DAY,
    )
    PlacementPeriodFactory(placement=placement, kind=kind, weekdays=list(weekdays))
    return placement


class TestTheSchoolsHolidays:
    def test_4_the_flemish_calendar_counts_without_any_row(self, school_a):
        _legal, school = holiday_dates(school_a.school_year, school_a.school.pk)

        assert school == set(school_holiday_dates(school_a.school_year.start_year))

    def test_4_the_schools_own_free_days_come_on_top(self, school_a):
        study_day = SchoolHolidayFactory(school=school_a.school, school_year=school_a.school_year)

        _legal, school = holiday_dates(school_a.school_year, school_a.school.pk)

        assert study_day.start_date in school
        assert school > set(school_holiday_dates(school_a.school_year.start_year))

    def test_4_another_schools_free_days_do_not_count(self, school_a, school_b):
        study_day = SchoolHolidayFactory(school=school_b.school, school_year=school_b.school_year)

        _legal, school = holiday_dates(school_a.school_year, school_a.school.pk)

        assert study_day.start_date not in school

    def test_4_the_list_marks_the_built_in_holidays(self, school_a):
        study_day = SchoolHolidayFactory(school=school_a.school, school_year=school_a.school_year)

        rows = school_holidays_of(school_a.school_year, school_a.school.pk)

        assert [row.name for row in rows if row.built_in] == [
            "Herfstvakantie",
            "Kerstvakantie",
            "Krokusvakantie",
            "Paasvakantie",
            "Vrijdag na Hemelvaart",
            "Zomervakantie",
        ]
        own = [row for row in rows if not row.built_in]
        assert [(row.name, row.first_day) for row in own] == [
            ("pedagogische studiedag", study_day.start_date)
        ]
        assert [row.first_day for row in rows] == sorted(row.first_day for row in rows)
        assert [row.name for row in rows if row.is_summer] == ["Zomervakantie"]

    def test_4_alternating_days_skip_the_built_in_holidays(self, school_a):
        placement = placement_around_christmas(
            school_a, kind=PlacementPeriod.Kind.ALTERNATING, weekdays=(0,)
        )
        first_day, _last = christmas_of(school_a)

        assert sorted(planned_days(placement)) == [first_day - WEEK]

    def test_4_a_block_runs_in_the_holiday(self, school_a):
        placement = placement_around_christmas(school_a)
        first_day, _last = christmas_of(school_a)

        assert first_day in planned_days(placement)


class TestTheCompensationReminder:
    def test_4_a_block_in_a_holiday_is_listed_per_holiday(self, school_a):
        placement = placement_around_christmas(school_a)
        first_day, _last = christmas_of(school_a)

        (found,) = placement_holiday_internship(placement)

        assert found.holiday.name == "Kerstvakantie"
        assert found.holiday.built_in
        # Christmas Day itself is a legal holiday: no internship planned on it (5.3).
        christmas = datetime.date(school_a.school_year.start_year, 12, 25)
        expected = [first_day + offset * DAY for offset in range(5)]
        assert list(found.days) == [day for day in expected if day != christmas]

    def test_4_an_alternating_placement_needs_no_reminder(self, school_a):
        placement = placement_around_christmas(
            school_a, kind=PlacementPeriod.Kind.ALTERNATING, weekdays=(0, 1, 2)
        )

        assert placement_holiday_internship(placement) == []

    def test_4_a_block_on_the_schools_own_free_day_is_listed_too(self, school_a):
        study_day = SchoolHolidayFactory(
            school=school_a.school,
            school_year=school_a.school_year,
            start_date=school_a.placement.start_date + DAY,
            end_date=school_a.placement.start_date + DAY,
        )

        (found,) = placement_holiday_internship(school_a.placement)

        assert (found.holiday.name, found.holiday.built_in) == (study_day.name, False)
        assert found.days == (study_day.start_date,)

    def test_4_a_make_up_internship_in_a_holiday_owes_no_compensation(self, school_a):
        """Section 4: the compensation does not apply to an individual pupil's make-up."""
        placement = placement_around_christmas(school_a)
        MakeUpPlacement.objects.create(
            placement=placement,
            period=placement.periods.get(),
            reason="Inhalen na ziekte",
            decided_on=placement.start_date - WEEK,
        )

        assert placement_holiday_internship(placement) == []


class TestThePlacementPage:
    def test_4_the_page_reminds_of_the_compensation(self, school_a, client_for):
        placement = placement_around_christmas(school_a)

        response = client_for(school_a.coordinator).get(
            reverse("internships:placement-detail", args=[placement.pk])
        )

        content = response.content.decode()
        assert REMINDER in content
        assert "evenwichtige compensatie" in content
        assert "Kerstvakantie" in content
        assert "vast, volgens de Vlaamse schoolkalender" in content
        assert "vier aaneensluitende weken" not in content

    def test_4_no_reminder_without_days_in_a_holiday(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(
            reverse("internships:placement-detail", args=[school_a.placement.pk])
        )

        assert REMINDER not in response.content.decode()

    def test_4_a_summer_block_recalls_the_four_weeks_of_holiday(self, school_a, client_for):
        year = school_a.school_year.start_year + 1
        placement = PlacementFactory(
            student=StudentFactory(school=school_a.school, school_class=school_a.school_class),
            host=school_a.host,
            workplace=school_a.workplace,
            start_date=datetime.date(year, 7, 6),
            end_date=datetime.date(year, 7, 10),
        )
        PlacementPeriodFactory(placement=placement)

        response = client_for(school_a.coordinator).get(
            reverse("internships:placement-detail", args=[placement.pk])
        )

        content = response.content.decode()
        assert "Zomervakantie" in content
        assert "vier aaneensluitende weken" in content

    @pytest.mark.usefixtures("uncached_pages")
    def test_4_the_reminder_costs_no_query_per_holiday(
        self, school_a, client_for, django_assert_max_num_queries
    ):
        placement = placement_around_christmas(school_a)
        client = client_for(school_a.coordinator)
        path = reverse("internships:placement-detail", args=[placement.pk])
        client.get(path)
        with django_assert_max_num_queries(100) as few:
            client.get(path)

        carnival = carnival_holiday(school_a.school_year.start_year)
        placement.end_date = carnival.last_day
        placement.save()
        PlacementPeriodFactory(
            placement=placement, start_date=carnival.first_day, end_date=carnival.first_day + DAY
        )
        SchoolHolidayFactory(
            school=school_a.school,
            school_year=school_a.school_year,
            start_date=placement.start_date,
            end_date=placement.start_date,
        )
        with django_assert_max_num_queries(100) as many:
            response = client.get(path)

        assert len(response.context["holiday_internship"]) == 3
        assert len(many.captured_queries) == len(few.captured_queries)
