"""The school calendar's services (section 4): they check who acts again, keep the history,
change nothing on an error, and have the pupils' schedules checked again after each change of
days (5)."""

import pytest
from django.core.exceptions import PermissionDenied

from compliance.models import ComplianceCheck
from compliance.services import compliance_check_placement
from internships.models import PlacementPeriod, SchoolHoliday
from internships.services import holidays as holiday_services
from internships.signals import schedule_changed
from internships.tasks import recheck_school_year
from tests.factories import PlacementFactory, StudentFactory
from tests.factories.principals import (
    principal_of,
    pupil_link,
    staff,
)
from tests.internships.school_calendar_helpers import (
    CREATE,
    DAY,
    delete_url,
    form_data,
    lesson_wednesday,
    study_day,
    update_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded_changes():
    """The pupil-years that ``schedule_changed`` announced during the test."""
    seen: list[tuple[int, int]] = []

    def record(sender, *, student, school_year, **kwargs):
        seen.append((student.pk, school_year.pk))

    schedule_changed.connect(record, dispatch_uid="test-school-calendar")
    yield seen
    schedule_changed.disconnect(dispatch_uid="test-school-calendar")


class TestTheServiceChecksAgain:
    """The services refuse what the views refuse, for callers other than the pages."""

    def test_a_supervisor_or_a_link_cannot_add_a_day(self, school_a):
        day = lesson_wednesday(school_a.school_year)
        link = pupil_link(school_a.pupil)

        for principal in (staff(school_a.supervisor), principal_of(link)):
            with pytest.raises(PermissionDenied):
                holiday_services.school_holiday_create(
                    principal=principal,
                    school_year=school_a.school_year,
                    name="Studiedag",
                    start_date=day,
                    end_date=day,
                )
        assert not SchoolHoliday.objects.exists()

    def test_another_schools_coordinator_cannot_change_or_delete_a_day(self, school_a, school_b):
        own = study_day(school_a)
        outsider = staff(school_b.coordinator)

        with pytest.raises(PermissionDenied):
            holiday_services.school_holiday_update(
                principal=outsider, holiday=own, data={"name": "Overgenomen"}
            )
        with pytest.raises(PermissionDenied):
            holiday_services.school_holiday_delete(principal=outsider, holiday=own)
        own.refresh_from_db()
        assert own.name == "Studiedag Alfa"


class TestHistoryAndAtomicity:
    def test_every_change_is_in_the_history_with_who_made_it(self, school_a, client_for):
        client = client_for(school_a.coordinator)
        day = lesson_wednesday(school_a.school_year)
        client.post(CREATE, form_data("Studiedag", day))
        holiday = SchoolHoliday.objects.get()
        client.post(update_url(holiday), form_data("Studiedag", day, day + DAY))
        client.post(delete_url(holiday))

        entries = SchoolHoliday.history.filter(id=holiday.pk).order_by("history_date")

        assert [(e.history_type, e.history_user) for e in entries] == [
            ("+", school_a.coordinator),
            ("~", school_a.coordinator),
            ("-", school_a.coordinator),
        ]
        assert entries[1].end_date == day + DAY

    def test_an_unchanged_day_gets_no_empty_history_entry(self, school_a, client_for):
        own = study_day(school_a)

        client_for(school_a.coordinator).post(update_url(own), form_data(own.name, own.start_date))

        assert not SchoolHoliday.history.filter(id=own.pk, history_type="~").exists()

    def test_a_failure_after_the_save_leaves_neither_day_nor_history(
        self, school_a, client_for, monkeypatch
    ):
        def fail(holiday):
            raise RuntimeError("queue unavailable")

        monkeypatch.setattr(holiday_services, "_recheck_after_commit", fail)
        day = lesson_wednesday(school_a.school_year)

        with pytest.raises(RuntimeError):
            client_for(school_a.coordinator).post(CREATE, form_data("Studiedag", day))

        assert not SchoolHoliday.objects.exists()
        assert not SchoolHoliday.history.exists()


class TestSchedulesAreCheckedAgain:
    def test_5_adding_a_day_rechecks_every_pupil_of_the_school_year(
        self, school_a, school_b, client_for, recorded_changes, django_capture_on_commit_callbacks
    ):
        cancelled = PlacementFactory(
            student=StudentFactory(school=school_a.school),
            host=school_a.host,
            workplace=school_a.workplace,
            status="cancelled",
        )
        day = lesson_wednesday(school_a.school_year)

        with django_capture_on_commit_callbacks(execute=True):
            client_for(school_a.coordinator).post(CREATE, form_data("Studiedag", day))

        year = school_a.school_year.pk
        assert sorted(recorded_changes) == sorted(
            [(school_a.pupil.pk, year), (school_a.other_pupil.pk, year)]
        )
        assert (cancelled.student_id, year) not in recorded_changes
        assert (school_b.pupil.pk, year) not in recorded_changes

    def test_5_moving_and_deleting_recheck_renaming_does_not(
        self, school_a, client_for, recorded_changes, django_capture_on_commit_callbacks
    ):
        own = study_day(school_a)
        client = client_for(school_a.coordinator)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(update_url(own), form_data("Alleen een nieuwe naam", own.start_date))
        assert recorded_changes == []

        with django_capture_on_commit_callbacks(execute=True):
            client.post(update_url(own), form_data("Verplaatst", own.start_date + DAY))
        assert len(recorded_changes) == 2

        with django_capture_on_commit_callbacks(execute=True):
            client.post(delete_url(own))
        assert len(recorded_changes) == 4

    def test_5_the_task_counts_the_pupils_it_rechecked(self, school_a, school_b):
        rechecked = recheck_school_year.delay(
            school_a.school_year.pk, school_id=school_a.school.pk
        ).get()

        assert rechecked == 2

    def test_4_a_free_day_takes_an_alternating_days_hours_off_the_check(
        self, school_a, client_for, django_capture_on_commit_callbacks
    ):
        """An alternating pattern skips the free day (a block would run through it): the
        compliance check stored for the placement no longer counts its hours."""
        placement = school_a.placement
        PlacementPeriod.objects.filter(pk=school_a.period.pk).update(
            kind=PlacementPeriod.Kind.ALTERNATING, weekdays=[2]
        )
        compliance_check_placement(placement=placement)
        before = ComplianceCheck.objects.get(placement=placement).totals["internship_hours"]
        day = placement.start_date + 9 * DAY  # the Wednesday of the second week

        with django_capture_on_commit_callbacks(execute=True):
            client_for(school_a.coordinator).post(CREATE, form_data("Lokale vrije dag", day))

        after = ComplianceCheck.objects.get(placement=placement).totals["internship_hours"]
        assert after == before - 7.5
