"""Placements, periods, absences and make-ups: services, forms and views of ``placements``."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from internships.forms.placements import PeriodForm
from internships.models import Absence, MakeUpPlacement, Placement, PlacementPeriod
from internships.services import absences as absence_services
from internships.services import placements as services
from tests.factories import (
    AbsenceFactory,
    HostFactory,
    MentorFactory,
    PlacementFactory,
    StudentFactory,
    SupervisorFactory,
    WorkplaceFactory,
    absence_form_data,
    makeup_form_data,
    period_form_data,
    placement_form_data,
    startable,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
OVERLAP_MESSAGE = "Twee stages van één leerling mogen niet overlappen."


def placement_kwargs(world, **overrides) -> dict:
    """Keyword arguments for ``placement_create``: a new pupil of ``world`` at its host."""
    start = world.placement.start_date
    return {
        "school": world.school,
        "student": StudentFactory(school=world.school, school_class=world.school_class),
        "school_year": world.school_year,
        "host": world.host,
        "workplace": world.workplace,
        "mentor": world.mentor,
        "supervisor": world.supervisor,
        "kind": Placement.Kind.BLOCK,
        "start_date": start,
        "end_date": start + 4 * DAY,
        **overrides,
    }


def overlapping_kwargs(world, **overrides) -> dict:
    """A second placement of the world's pupil in the middle of its first one."""
    middle = world.placement.start_date + 7 * DAY
    return placement_kwargs(
        world, student=world.pupil, start_date=middle, end_date=middle + 4 * DAY, **overrides
    )


def errors_of(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


class TestPlacementCreateService:
    def test_it_creates_a_placement_with_the_pupils_class(self, school_a):
        placement = services.placement_create(**placement_kwargs(school_a))

        assert placement.pk is not None
        assert placement.status == Placement.Status.PREPARING
        assert placement.school_class == school_a.school_class

    def test_a_workplace_of_another_host_is_refused(self, school_a):
        foreign = WorkplaceFactory(host__school=school_a.school)

        with pytest.raises(ValidationError) as error:
            services.placement_create(**placement_kwargs(school_a, workplace=foreign))

        assert error.value.message_dict["workplace"] == [
            "Deze stageplaats hoort niet bij de gekozen stagegever."
        ]

    def test_a_mentor_of_another_host_is_refused(self, school_a):
        foreign = MentorFactory(host__school=school_a.school)

        with pytest.raises(ValidationError) as error:
            services.placement_create(**placement_kwargs(school_a, mentor=foreign))

        assert error.value.message_dict["mentor"] == [
            "Deze stagementor werkt niet bij de gekozen stagegever."
        ]

    def test_pupil_host_and_supervisor_of_another_school_are_refused(self, school_a):
        host = HostFactory()
        kwargs = placement_kwargs(
            school_a,
            student=StudentFactory(),
            host=host,
            workplace=WorkplaceFactory(host=host),
            mentor=None,
            supervisor=SupervisorFactory(),
        )

        with pytest.raises(ValidationError) as error:
            services.placement_create(**kwargs)

        assert error.value.message_dict == {
            "student": ["Deze leerling hoort niet bij je school."],
            "host": ["Deze stagegever hoort niet bij je school."],
            "supervisor": ["De stagebegeleider moet een personeelslid van je school zijn."],
        }

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            (lambda year: year.start_date - DAY, lambda year: year.start_date + 4 * DAY),
            (lambda year: year.end_date - DAY, lambda year: year.end_date + DAY),
        ],
        ids=["starts-before-1-september", "ends-after-31-august"],
    )
    def test_dates_outside_the_school_year_are_refused(self, school_a, start, end):
        year = school_a.school_year
        kwargs = placement_kwargs(school_a, start_date=start(year), end_date=end(year))

        with pytest.raises(ValidationError) as error:
            services.placement_create(**kwargs)

        assert error.value.message_dict["end_date"] == [
            f"Een stage valt binnen één schooljaar: van 01/09/{year.start_year} tot en met "
            f"31/08/{year.start_year + 1} (4)."
        ]

    def test_an_end_before_the_start_is_refused_in_dutch(self, school_a):
        start = school_a.placement.start_date
        kwargs = placement_kwargs(school_a, start_date=start, end_date=start - DAY)

        with pytest.raises(ValidationError) as error:
            services.placement_create(**kwargs)

        assert error.value.message_dict["end_date"] == ["De einddatum ligt voor de begindatum."]

    def test_an_overlapping_placement_of_the_pupil_is_refused(self, school_a):
        count = Placement.objects.count()

        with pytest.raises(ValidationError) as error:
            services.placement_create(**overlapping_kwargs(school_a))

        message = error.value.message_dict["start_date"][0]
        assert message.startswith(f"Deze leerling loopt dan al stage bij {school_a.host}")
        assert message.endswith(OVERLAP_MESSAGE)
        assert Placement.objects.count() == count

    def test_adjacent_placements_do_not_overlap(self, school_a):
        day_after = school_a.placement.end_date + DAY
        kwargs = placement_kwargs(
            school_a, student=school_a.pupil, start_date=day_after, end_date=day_after + 4 * DAY
        )

        assert services.placement_create(**kwargs).pk is not None

    def test_a_cancelled_placement_does_not_block_a_new_one(self, school_a):
        services.placement_transition(
            placement=school_a.placement, status=Placement.Status.CANCELLED
        )

        placement = services.placement_create(**overlapping_kwargs(school_a))

        assert placement.pk is not None

    def test_a_race_past_the_check_gets_the_databases_dutch_message(self, school_a, monkeypatch):
        monkeypatch.setattr(services, "_validate_placement", lambda placement: None)

        with pytest.raises(ValidationError) as error:
            services.placement_create(**overlapping_kwargs(school_a))

        assert error.value.messages == ["Deze leerling heeft in die periode al een andere stage."]


class TestOverlapInTheDatabase:
    """Migration 0002: an SQLite trigger or a PostgreSQL exclusion constraint."""

    def overlapping_row(self, world, **overrides) -> Placement:
        kwargs = overlapping_kwargs(world, **overrides)
        return Placement(**kwargs)

    def test_inserting_an_overlapping_placement_raises(self, school_a):
        with pytest.raises(IntegrityError), transaction.atomic():
            self.overlapping_row(school_a).save()

    def test_moving_a_placement_onto_another_raises(self, school_a):
        later = PlacementFactory(
            student=school_a.pupil,
            host=school_a.host,
            start_date=school_a.placement.end_date + 7 * DAY,
            end_date=school_a.placement.end_date + 11 * DAY,
        )

        with pytest.raises(IntegrityError), transaction.atomic():
            Placement.objects.filter(pk=later.pk).update(start_date=school_a.placement.end_date)

    def test_a_cancelled_placement_may_overlap(self, school_a):
        cancelled = self.overlapping_row(school_a, status=Placement.Status.CANCELLED)
        cancelled.save()

        assert cancelled.pk is not None

    def test_another_pupil_may_have_the_same_dates(self, school_a):
        placement = PlacementFactory(
            student__school=school_a.school,
            start_date=school_a.placement.start_date,
            end_date=school_a.placement.end_date,
        )

        assert placement.pk is not None

    def test_an_end_before_the_start_raises(self, school_a):
        with pytest.raises(IntegrityError), transaction.atomic():
            PlacementFactory(
                end_date=school_a.placement.start_date - DAY,
                start_date=school_a.placement.start_date,
            )


class TestPlacementUpdateService:
    def test_it_saves_a_change_with_history(self, school_a):
        placement = school_a.placement
        other_supervisor = school_a.other_supervisor

        services.placement_update(placement=placement, data={"supervisor": other_supervisor})

        placement.refresh_from_db()
        assert placement.supervisor == other_supervisor
        assert placement.history.count() == 2

    def test_it_refuses_dates_that_leave_a_period_outside(self, school_a):
        placement = school_a.placement

        with pytest.raises(ValidationError) as error:
            services.placement_update(
                placement=placement, data={"end_date": placement.end_date - 7 * DAY}
            )

        assert "Er liggen stageperiodes buiten deze data" in errors_of(error)

    def test_it_refuses_to_move_onto_another_placement_of_the_pupil(self, school_a):
        later = services.placement_create(
            **placement_kwargs(
                school_a,
                student=school_a.pupil,
                start_date=school_a.placement.end_date + 3 * DAY,
                end_date=school_a.placement.end_date + 7 * DAY,
            )
        )

        with pytest.raises(ValidationError) as error:
            services.placement_update(
                placement=later, data={"start_date": school_a.placement.end_date}
            )

        assert OVERLAP_MESSAGE in errors_of(error)


class TestTransitions:
    @pytest.mark.parametrize(
        "path",
        [
            ["started", "completed"],
            ["cancelled"],
            ["started", "cancelled"],
        ],
    )
    def test_legal_moves(self, school_a, path):
        placement = startable(school_a.placement)

        for status in path:
            services.placement_transition(placement=placement, status=status, reason="ziekte")

        placement.refresh_from_db()
        assert placement.status == path[-1]

    @pytest.mark.parametrize(
        ("path", "refused", "message"),
        [
            ([], "completed", "Een stage met status ‘in voorbereiding’ kan niet naar ‘afgerond’."),
            ([], "preparing", "Een stage met status ‘in voorbereiding’ kan niet naar"),
            (["started", "completed"], "started", "met status ‘afgerond’ kan niet naar ‘lopend’"),
            (["cancelled"], "started", "met status ‘geannuleerd’ kan niet naar ‘lopend’"),
            (["started"], "preparing", "met status ‘lopend’ kan niet naar ‘in voorbereiding’"),
        ],
    )
    def test_illegal_moves_are_refused(self, school_a, path, refused, message):
        placement = startable(school_a.placement)
        for status in path:
            services.placement_transition(placement=placement, status=status, reason="ziekte")

        with pytest.raises(ValidationError) as error:
            services.placement_transition(placement=placement, status=refused)

        assert message in errors_of(error)
        placement.refresh_from_db()
        assert placement.status == (path[-1] if path else "preparing")

    def test_the_view_moves_the_status_and_says_so(self, school_a, client_for):
        startable(school_a.placement)

        response = client_for(school_a.supervisor).post(
            reverse("internships:placement-transition", args=[school_a.placement.pk]),
            {"status": "started"},
        )

        school_a.placement.refresh_from_db()
        assert response.status_code == 302
        assert school_a.placement.status == "started"
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            "Status gewijzigd naar ‘lopend’."
        ]

    def test_the_view_shows_why_a_move_is_refused(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:placement-transition", args=[school_a.placement.pk]),
            {"status": "completed"},
        )

        school_a.placement.refresh_from_db()
        assert school_a.placement.status == "preparing"
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            "Een stage met status ‘in voorbereiding’ kan niet naar ‘afgerond’."
        ]


class TestPlacementViews:
    def test_coordinator_creates_a_placement_and_lands_on_it(self, school_a, client_for):
        student = StudentFactory(school=school_a.school, school_class=school_a.school_class)
        start = school_a.placement.start_date
        data = placement_form_data(
            placement=school_a.placement,
            student=student,
            start_date=start,
            end_date=start + 4 * DAY,
        )

        response = client_for(school_a.coordinator).post(
            reverse("internships:placement-create"), data
        )

        placement = Placement.objects.get(student=student)
        assert response.status_code == 302
        assert response["Location"] == reverse("internships:placement-detail", args=[placement.pk])
        assert placement.school == school_a.school
        assert placement.history.get().history_user == school_a.coordinator

    def test_the_form_starts_with_the_pupil_from_the_url(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(
            reverse("internships:placement-create"), {"student": school_a.other_pupil.pk}
        )

        assert response.context["form"].initial["student"] == school_a.other_pupil

    @pytest.mark.parametrize("field", ["workplace", "mentor"])
    def test_a_workplace_or_mentor_of_another_host_is_refused(self, school_a, client_for, field):
        other_host = HostFactory(school=school_a.school)
        foreign = {"workplace": WorkplaceFactory, "mentor": MentorFactory}[field](host=other_host)
        data = placement_form_data(
            placement=school_a.placement, student=school_a.other_pupil, **{field: foreign}
        )
        data["start_date"] = data["end_date"] = (school_a.placement.end_date + 7 * DAY).isoformat()
        count = Placement.objects.count()

        response = client_for(school_a.coordinator).post(
            reverse("internships:placement-create"), data
        )

        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert Placement.objects.count() == count

    def test_an_overlapping_placement_is_refused_with_the_dutch_message(self, school_a, client_for):
        data = placement_form_data(placement=school_a.placement)

        response = client_for(school_a.coordinator).post(
            reverse("internships:placement-create"), data
        )

        assert response.status_code == 200
        assert OVERLAP_MESSAGE in response.content.decode()
        assert Placement.objects.filter(student=school_a.pupil).count() == 1

    def test_an_end_before_the_start_is_refused_in_dutch(self, school_a, client_for):
        placement = school_a.placement
        data = placement_form_data(placement=placement, end_date=placement.start_date - DAY)

        response = client_for(school_a.coordinator).post(
            reverse("internships:placement-update", args=[placement.pk]), data
        )

        assert response.status_code == 200
        assert response.context["form"].errors["end_date"] == [
            "De einddatum ligt voor de begindatum."
        ]

    def test_its_supervisor_edits_the_placement(self, school_a, client_for):
        placement = school_a.placement
        data = placement_form_data(placement=placement, notes="Werkkledij meebrengen.")

        response = client_for(school_a.supervisor).post(
            reverse("internships:placement-update", args=[placement.pk]), data
        )

        placement.refresh_from_db()
        assert response.status_code == 302
        assert placement.notes == "Werkkledij meebrengen."
        latest = placement.history.first()
        assert (latest.history_type, latest.history_user) == ("~", school_a.supervisor)

    def test_pupil_and_school_year_cannot_be_changed_by_editing(self, school_a, client_for):
        placement = school_a.placement
        data = placement_form_data(placement=placement, student=school_a.other_pupil)

        client_for(school_a.coordinator).post(
            reverse("internships:placement-update", args=[placement.pk]), data
        )

        placement.refresh_from_db()
        assert placement.student == school_a.pupil

    def test_detail_shows_periods_absences_and_history(self, school_a, client_for):
        response = client_for(school_a.supervisor).get(
            reverse("internships:placement-detail", args=[school_a.placement.pk])
        )

        assert [row["period"] for row in response.context["period_rows"]] == [school_a.period]
        assert list(response.context["absences"]) == [school_a.absence]
        assert len(response.context["history"]) == 1
        assert set(response.context["transitions"]) == {"started", "cancelled"}


class TestPeriods:
    def test_period_create_service(self, school_a):
        placement = school_a.placement

        period = services.period_create(
            placement=placement,
            kind="alternating",
            start_date=placement.start_date,
            end_date=placement.end_date,
            weekdays=[3, 1],
            every_n_weeks=2,
            start_time=datetime.time(8, 0),
            end_time=datetime.time(12, 0),
        )

        assert period.weekdays == [1, 3]
        assert [day.weekday() for day in period.dates()] == [1, 3, 1, 3]

    def test_a_period_outside_the_placement_is_refused(self, school_a):
        placement = school_a.placement

        with pytest.raises(ValidationError) as error:
            services.period_create(
                placement=placement,
                kind="block",
                start_date=placement.start_date,
                end_date=placement.end_date + DAY,
                weekdays=[0],
                start_time=datetime.time(8, 0),
                end_time=datetime.time(12, 0),
            )

        start, end = placement.start_date, placement.end_date
        assert error.value.message_dict["start_date"] == [
            f"Een periode valt binnen de stage: van {start:%d/%m/%Y} tot en met {end:%d/%m/%Y}."
        ]

    def test_a_period_without_any_of_its_weekdays_is_refused(self, school_a):
        monday = school_a.placement.start_date

        with pytest.raises(ValidationError) as error:
            services.period_create(
                placement=school_a.placement,
                kind="block",
                start_date=monday,
                end_date=monday + DAY,
                weekdays=[4],
                start_time=datetime.time(8, 0),
                end_time=datetime.time(12, 0),
            )

        assert error.value.message_dict["weekdays"] == [
            "Tussen deze data valt geen enkele gekozen weekdag."
        ]

    def test_coordinator_adds_a_period_in_the_browser(self, school_a, client_for):
        placement = school_a.placement
        data = period_form_data(start_date=placement.start_date, end_date=placement.end_date)

        response = client_for(school_a.coordinator).post(
            reverse("internships:period-create", args=[placement.pk]), data
        )

        assert response.status_code == 302
        assert response["Location"] == reverse("internships:placement-detail", args=[placement.pk])
        period = placement.periods.latest("pk")
        assert period.breaks == [["12:00", "12:30"]]
        assert period.daily_minutes == 7 * 60 + 30

    def test_the_form_refuses_a_period_outside_the_placement(self, school_a, client_for):
        placement = school_a.placement
        data = period_form_data(start_date=placement.start_date - DAY, end_date=placement.end_date)

        response = client_for(school_a.supervisor).post(
            reverse("internships:period-create", args=[placement.pk]), data
        )

        assert response.status_code == 200
        assert "Een periode valt binnen de stage" in response.content.decode()
        assert placement.periods.count() == 1

    def test_the_form_refuses_an_end_before_the_start_in_dutch(self, school_a, client_for):
        placement = school_a.placement
        data = period_form_data(start_date=placement.end_date, end_date=placement.start_date)

        response = client_for(school_a.supervisor).post(
            reverse("internships:period-create", args=[placement.pk]), data
        )

        assert response.context["form"].errors["end_date"] == [
            "De einddatum ligt voor de begindatum."
        ]

    def test_supervisor_edits_and_deletes_a_period(self, school_a, client_for):
        placement, period = school_a.placement, school_a.period
        client = client_for(school_a.supervisor)
        data = period_form_data(
            start_date=placement.start_date, end_date=placement.end_date, end_time="15:00"
        )

        edited = client.post(
            reverse("internships:period-update", args=[placement.pk, period.pk]), data
        )
        period.refresh_from_db()
        assert edited.status_code == 302
        assert period.end_time == datetime.time(15, 0)

        deleted = client.post(reverse("internships:period-delete", args=[placement.pk, period.pk]))
        assert deleted.status_code == 302
        assert not PlacementPeriod.objects.filter(pk=period.pk).exists()

    def test_a_period_of_another_placement_answers_404(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse(
                "internships:period-delete",
                args=[school_a.other_placement.pk, school_a.period.pk],
            )
        )

        assert response.status_code == 404
        assert PlacementPeriod.objects.filter(pk=school_a.period.pk).exists()


class TestPeriodFormBreaks:
    def form(self, breaks, **overrides) -> PeriodForm:
        monday = datetime.date(2026, 10, 5)
        data = period_form_data(
            start_date=monday, end_date=monday + 4 * DAY, breaks=breaks, **overrides
        )
        return PeriodForm(data)

    def test_breaks_are_cleaned_into_sorted_pairs(self):
        form = self.form([("15:00", "15:15"), ("10:00", "10:15"), ("12:00", "12:30")])

        assert form.is_valid(), form.errors
        assert form.period_data()["breaks"] == [
            ["10:00", "10:15"],
            ["12:00", "12:30"],
            ["15:00", "15:15"],
        ]

    def test_no_breaks_is_fine(self):
        form = self.form([])

        assert form.is_valid(), form.errors
        assert form.period_data()["breaks"] == []

    @pytest.mark.parametrize(
        ("breaks", "field", "message"),
        [
            ([("12:00", "")], "break_0_end", "Geef van een pauze begin en einde."),
            ([("", "12:30")], "break_0_end", "Geef van een pauze begin en einde."),
            ([("12:30", "12:00")], "break_0_end", "Een pauze eindigt na haar begin."),
            ([("07:30", "08:45")], "break_0_start", "Een pauze valt binnen de werktijd."),
            ([("16:00", "17:00")], "break_0_start", "Een pauze valt binnen de werktijd."),
            (
                [("12:00", "12:30"), ("12:15", "12:45")],
                "__all__",
                "Pauzes mogen elkaar niet overlappen.",
            ),
        ],
    )
    def test_invalid_breaks_are_refused(self, breaks, field, message):
        form = self.form(breaks)

        assert not form.is_valid()
        assert form.errors[field] == [message]

    def test_a_night_shift_may_have_its_break_after_midnight(self):
        form = self.form([("00:30", "01:00")], start_time="22:00", end_time="06:00")

        assert form.is_valid(), form.errors

    def test_the_break_fields_show_the_breaks_of_the_period(self, school_a):
        form = PeriodForm(instance=school_a.period)

        assert form.fields["break_0_start"].initial == "12:00"
        assert form.fields["break_1_start"].initial is None


class TestAbsences:
    def test_supervisor_records_an_absence_in_the_browser(self, school_a, client_for):
        placement = school_a.placement
        day = placement.start_date + DAY

        response = client_for(school_a.supervisor).post(
            reverse("internships:absence-create", args=[placement.pk]),
            absence_form_data(date=day),
        )

        absence = placement.absences.get(date=day)
        assert response.status_code == 302
        assert absence.recorded_by == school_a.supervisor
        assert str(absence.hours) == "3.50"

    @pytest.mark.parametrize(
        ("offset", "message"),
        [
            (-1, "Deze dag valt buiten de stage."),
            (0, "Voor deze dag is al een afwezigheid geregistreerd."),
        ],
        ids=["outside-the-placement", "same-day-twice"],
    )
    def test_an_absence_is_refused(self, school_a, client_for, offset, message):
        placement = school_a.placement
        count = Absence.objects.count()

        response = client_for(school_a.supervisor).post(
            reverse("internships:absence-create", args=[placement.pk]),
            absence_form_data(date=placement.start_date + offset * DAY),
        )

        assert response.status_code == 200
        assert response.context["form"].errors["date"] == [message]
        assert Absence.objects.count() == count

    def test_the_database_allows_one_absence_per_day(self, school_a):
        with pytest.raises(IntegrityError), transaction.atomic():
            AbsenceFactory(placement=school_a.placement, date=school_a.absence.date)


class TestMakeUps:
    def test_coordinator_plans_a_make_up_after_the_placement(self, school_a, client_for):
        placement = school_a.placement
        monday = placement.end_date + 3 * DAY
        data = makeup_form_data(
            start_date=monday, end_date=monday + DAY, absences=[school_a.absence.pk]
        )

        response = client_for(school_a.coordinator).post(
            reverse("internships:makeup-create", args=[placement.pk]), data
        )

        assert response.status_code == 302
        make_up = MakeUpPlacement.objects.get(placement=placement)
        assert list(make_up.absences.all()) == [school_a.absence]
        assert (make_up.period.start_date, make_up.period.end_date) == (monday, monday + DAY)
        placement.refresh_from_db()
        assert placement.end_date == monday + DAY, "the placement grows to hold the make-up"

    def test_a_make_up_after_31_august_is_refused(self, school_a, client_for):
        placement = school_a.placement
        end_of_year = school_a.school_year.end_date
        data = makeup_form_data(start_date=end_of_year, end_date=end_of_year + 2 * DAY)

        response = client_for(school_a.coordinator).post(
            reverse("internships:makeup-create", args=[placement.pk]), data
        )

        assert response.status_code == 200
        assert response.context["form"].errors["end_date"] == [
            "Een inhaalstage valt binnen hetzelfde schooljaar (ten laatste 31 augustus)."
        ]
        assert not MakeUpPlacement.objects.exists()

    def test_absences_of_another_placement_are_refused(self, school_a):
        placement = school_a.placement
        foreign = AbsenceFactory(placement=school_a.other_placement)
        day = placement.end_date

        with pytest.raises(ValidationError) as error:
            absence_services.make_up_create(
                placement=placement,
                reason="inhalen",
                decided_on=day,
                start_date=day,
                end_date=day,
                weekdays=[day.weekday()],
                start_time=datetime.time(8, 0),
                end_time=datetime.time(12, 0),
                absences=[foreign],
            )

        assert error.value.message_dict["absences"] == ["Kies afwezigheden van deze stage."]
