"""Models, their database constraints, and the validators of ``core/validators.py``."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core import validators
from internships.models import Placement, Programme, SchoolYear, Student, User
from tests.factories import (
    AbsenceFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    ProgrammeFactory,
    SchoolFactory,
    StudentFactory,
    TimetableSlotFactory,
    UserFactory,
    national_number_for,
)

DAY = datetime.timedelta(days=1)


class TestValidators:
    def test_a_valid_national_number_passes(self):
        validators.validate_national_number(national_number_for(datetime.date(2008, 7, 30), 33))

    def test_a_bis_number_passes(self):
        # A BIS number adds 40 to the month when the birth date is known.
        validators.validate_national_number("08473003378")

    def test_an_invalid_national_number_gets_a_dutch_message(self):
        with pytest.raises(ValidationError) as error:
            validators.validate_national_number("08073003399")

        assert error.value.messages == ["08073003399 is geen geldig rijksregisternummer."]

    def test_national_number_is_normalised_and_formatted(self):
        number = national_number_for(datetime.date(2008, 7, 30), 33)
        typed = f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"

        assert validators.normalize_national_number(typed) == number
        assert validators.format_national_number(number) == typed
        assert validators.normalize_national_number("") == ""

    def test_enterprise_number_is_normalised_and_formatted(self):
        assert validators.normalize_enterprise_number("BE 0403.170.701") == "0403170701"
        assert validators.format_enterprise_number("0403170701") == "0403.170.701"
        validators.validate_enterprise_number("0403170701")

    def test_an_invalid_enterprise_number_gets_a_dutch_message(self):
        with pytest.raises(ValidationError) as error:
            validators.validate_enterprise_number("0403170702")

        assert error.value.messages == ["0403170702 is geen geldig ondernemingsnummer (KBO)."]

    @pytest.mark.parametrize("value", ["0999", "123", "12345", "abcd"])
    def test_an_invalid_postal_code_is_refused(self, value):
        with pytest.raises(ValidationError) as error:
            validators.validate_postal_code(value)

        assert error.value.messages == ["Een Belgische postcode bestaat uit vier cijfers."]

    @pytest.mark.parametrize(("value", "valid"), [("118", True), ("330.01", True), ("1180", False)])
    def test_joint_committee(self, value, valid):
        if valid:
            validators.validate_joint_committee(value)
        else:
            with pytest.raises(ValidationError):
                validators.validate_joint_committee(value)

    @pytest.mark.parametrize(
        ("value", "valid"), [("12345", True), ("123456", True), ("1234", False)]
    )
    def test_institution_number(self, value, valid):
        if valid:
            validators.validate_institution_number(value)
        else:
            with pytest.raises(ValidationError):
                validators.validate_institution_number(value)


class TestSchoolYear:
    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("day", "start_year"),
        [
            (datetime.date(2026, 9, 1), 2026),
            (datetime.date(2027, 8, 31), 2026),
            (datetime.date(2026, 8, 31), 2025),
        ],
    )
    def test_for_date_finds_or_makes_the_year_holding_the_day(self, day, start_year):
        school_year = SchoolYear.objects.for_date(day)

        assert school_year.start_year == start_year
        assert day in school_year
        assert SchoolYear.objects.for_date(day) == school_year

    def test_it_runs_from_1_september_to_31_august(self):
        school_year = SchoolYear(start_year=2026)

        assert (school_year.start_date, school_year.end_date) == (
            datetime.date(2026, 9, 1),
            datetime.date(2027, 8, 31),
        )
        assert str(school_year) == "2026–2027"
        assert datetime.date(2027, 9, 1) not in school_year


class TestStudent:
    def test_birthday_of_someone_born_on_29_february(self):
        student = Student(birth_date=datetime.date(2008, 2, 29))

        assert student.birthday(18) == datetime.date(2026, 3, 1)
        assert student.birthday(16) == datetime.date(2024, 2, 29)

    def test_minor_until_the_eighteenth_birthday(self):
        student = Student(birth_date=datetime.date(2008, 10, 15))

        assert student.is_minor_on(datetime.date(2026, 10, 14))
        assert not student.is_minor_on(datetime.date(2026, 10, 15))

    @pytest.mark.django_db
    def test_national_number_is_unique_per_school_but_may_be_blank_often(self):
        school = SchoolFactory()
        StudentFactory.create_batch(2, school=school, national_number="")
        existing = StudentFactory(school=school)

        with pytest.raises(IntegrityError), transaction.atomic():
            StudentFactory(school=school, national_number=existing.national_number)


class TestProgramme:
    @pytest.mark.parametrize(
        ("grade", "finality", "required"),
        [
            (3, "labour_market", True),
            (3, "double", True),
            (3, "transition", False),
            (2, "labour_market", False),
        ],
    )
    def test_workplace_learning_required_by_law(self, grade, finality, required):
        assert Programme.workplace_learning_required_by_law(grade, finality) is required

    @pytest.mark.django_db
    def test_a_seventh_year_exists_only_in_the_third_grade(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            ProgrammeFactory(grade=2, year_in_grade=3)


class TestPlacementPeriod:
    def period(self, **kwargs):
        monday = datetime.date(2026, 10, 5)
        defaults = {
            "start_date": monday,
            "end_date": monday + 13 * DAY,
            "weekdays": [0, 1, 2, 3, 4],
            "start_time": datetime.time(8, 30),
            "end_time": datetime.time(16, 30),
            "breaks": [["12:00", "12:30"]],
        }
        return PlacementPeriodFactory.build(placement=None, **{**defaults, **kwargs})

    def test_a_block_runs_on_its_weekdays_every_week(self):
        period = self.period()

        assert len(period.dates()) == 10
        assert period.daily_minutes == 450

    def test_an_alternating_pattern_skips_every_other_week(self):
        period = self.period(kind="alternating", weekdays=[2], every_n_weeks=2)

        assert period.dates() == [datetime.date(2026, 10, 7)]

    def test_a_night_shift_runs_past_midnight(self):
        period = self.period(start_time=datetime.time(22, 0), end_time=datetime.time(6, 0))

        assert period.daily_minutes == 8 * 60 - 30

    def test_weekday_names_are_dutch(self):
        assert self.period(weekdays=[4, 0]).weekday_names == ["maandag", "vrijdag"]


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_a_period_ends_after_it_starts(self):
        placement = PlacementFactory()

        with pytest.raises(IntegrityError), transaction.atomic():
            PlacementPeriodFactory(
                placement=placement,
                start_date=placement.end_date,
                end_date=placement.start_date,
            )

    def test_a_period_lasts(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            PlacementPeriodFactory(start_time=datetime.time(8), end_time=datetime.time(8))

    @pytest.mark.parametrize("hours", ["0", "24.50"])
    def test_absence_hours_lie_between_0_and_24(self, hours):
        with pytest.raises(IntegrityError), transaction.atomic():
            AbsenceFactory(hours=hours)

    def test_a_lesson_ends_after_it_starts(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            TimetableSlotFactory(start_time=datetime.time(10), end_time=datetime.time(9))

    def test_a_staff_role_needs_a_school(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            UserFactory(role=User.Role.COORDINATOR)


@pytest.mark.django_db
class TestPlacementQuerySet:
    def test_active_starting_between_and_missing_people(self):
        first = PlacementFactory(mentor=None)
        cancelled = PlacementFactory(
            status=Placement.Status.CANCELLED,
            supervisor=None,
            start_date=first.start_date,
            end_date=first.end_date,
        )
        later = PlacementFactory(
            start_date=first.start_date + 7 * DAY, end_date=first.end_date + 7 * DAY
        )

        assert set(Placement.objects.active()) == {first, later}
        assert list(Placement.objects.starting_between(first.start_date, first.end_date)) == [first]
        assert list(Placement.objects.missing_people()) == [first]
        assert cancelled not in Placement.objects.missing_people()
