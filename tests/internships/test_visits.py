"""The supervisor's visits (8.2.2): services, views and the placement page of ``visits``."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from internships.models import Placement, Visit
from internships.services import visits as services
from tests.factories import PlacementFactory, VisitFactory, visit_form_data

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def outside_message(placement: Placement) -> str:
    first_day, last_day = placement.start_date - 30 * DAY, placement.end_date + 30 * DAY
    return (
        "Een stagebezoek valt tussen 30 dagen voor de begindatum van de stage (het "
        "kennismakingsbezoek, bijlage 3) en 30 dagen na de einddatum: "
        f"van {first_day:%d/%m/%Y} tot {last_day:%d/%m/%Y}."
    )


FUTURE_MESSAGE = "Een bezoek in de toekomst kan nog niet afgelegd zijn."


@pytest.fixture
def running(school_a) -> Placement:
    """A placement of school A that started today, supervised by the world's supervisor."""
    today = timezone.localdate()
    return PlacementFactory(
        student__school=school_a.school,
        supervisor=school_a.supervisor,
        status=Placement.Status.STARTED,
        start_date=today,
        end_date=today + 4 * DAY,
    )


def create_kwargs(placement: Placement, **overrides) -> dict:
    return {
        "placement": placement,
        "date": placement.start_date + DAY,
        "kind": Visit.Kind.ON_SITE,
        "status": Visit.Status.DONE,
        "visited_by": placement.supervisor,
        "mentor_present": True,
        "findings": "  Werkt zelfstandig aan de ochtendzorg.  ",
        "follow_up": "Volgende keer de overdracht bijwonen.",
        **overrides,
    }


class TestServices:
    def test_visit_create_records_the_visit_and_its_history(self, school_a):
        visit = services.visit_create(**create_kwargs(school_a.placement))

        visit.refresh_from_db()
        assert visit.placement == school_a.placement
        assert visit.visited_by == school_a.supervisor
        assert visit.is_done and visit.mentor_present
        assert visit.findings == "Werkt zelfstandig aan de ochtendzorg."
        assert [record.history_type for record in visit.history.all()] == ["+"]

    @pytest.mark.parametrize("days", [0, 30], ids=["first-day", "a-month-after-the-end"])
    def test_the_first_day_and_a_month_after_the_end_are_accepted(self, school_a, days):
        placement = school_a.placement
        date = placement.start_date if days == 0 else placement.end_date + days * DAY
        status = Visit.Status.DONE if date <= timezone.localdate() else Visit.Status.PLANNED

        visit = services.visit_create(**create_kwargs(placement, date=date, status=status))

        assert visit.pk is not None

    @pytest.mark.parametrize("status", [Visit.Status.DONE, Visit.Status.PLANNED])
    def test_the_intake_visit_up_to_30_days_before_the_start_is_accepted(self, school_a, status):
        """Annex 3: before the internship the supervisor visits the workplace."""
        placement = school_a.placement

        visit = services.visit_create(
            **create_kwargs(placement, date=placement.start_date - 30 * DAY, status=status)
        )

        visit.refresh_from_db()
        assert visit.date == placement.start_date - 30 * DAY
        assert visit.status == status

    def test_time_and_kilometres_are_recorded(self, school_a):
        visit = services.visit_create(
            **create_kwargs(
                school_a.placement, time=datetime.time(10, 30), distance_km=Decimal("23.4")
            )
        )

        visit.refresh_from_db()
        assert (visit.time, visit.distance_km) == (datetime.time(10, 30), Decimal("23.4"))

    @pytest.mark.parametrize(
        ("offset", "field"),
        [("before-start", "date"), ("too-late", "date"), ("done-in-future", "status")],
    )
    def test_an_invalid_visit_is_refused_in_dutch_and_nothing_is_saved(
        self, school_a, running, offset, field
    ):
        placement = school_a.placement if offset != "done-in-future" else running
        date = {
            "before-start": placement.start_date - 31 * DAY,
            "too-late": placement.end_date + 31 * DAY,
            "done-in-future": timezone.localdate() + DAY,
        }[offset]
        message = FUTURE_MESSAGE if field == "status" else outside_message(placement)
        counts = Visit.objects.count(), Visit.history.count()

        with pytest.raises(ValidationError) as error:
            services.visit_create(**create_kwargs(placement, date=date))

        assert error.value.message_dict == {field: [message]}
        assert (Visit.objects.count(), Visit.history.count()) == counts

    def test_a_planned_visit_may_lie_in_the_future(self, running):
        date = timezone.localdate() + 3 * DAY

        visit = services.visit_create(
            **create_kwargs(running, date=date, status=Visit.Status.PLANNED, findings="")
        )

        assert visit.status == Visit.Status.PLANNED

    def test_visit_update_records_what_was_found(self, school_a):
        visit = school_a.visit

        services.visit_update(
            visit=visit, data={"findings": "Nieuwe vaststellingen. ", "mentor_present": False}
        )

        visit.refresh_from_db()
        assert visit.findings == "Nieuwe vaststellingen."
        assert not visit.mentor_present
        assert visit.history.first().history_type == "~"

    def test_visit_update_without_a_change_adds_no_history(self, school_a):
        visit = school_a.visit
        count = visit.history.count()

        services.visit_update(visit=visit, data={"findings": visit.findings})

        assert visit.history.count() == count

    def test_visit_update_refuses_to_mark_a_future_visit_done(self, running):
        visit = VisitFactory(placement=running, date=timezone.localdate() + 2 * DAY)
        assert visit.status == Visit.Status.PLANNED

        with pytest.raises(ValidationError) as error:
            services.visit_update(visit=visit, data={"status": Visit.Status.DONE})

        assert error.value.message_dict == {"status": [FUTURE_MESSAGE]}
        visit.refresh_from_db()
        assert visit.status == Visit.Status.PLANNED

    def test_visit_update_refuses_a_date_outside_the_placement(self, school_a):
        visit = school_a.visit
        date = visit.date

        with pytest.raises(ValidationError) as error:
            services.visit_update(visit=visit, data={"date": visit.placement.start_date - 31 * DAY})

        assert error.value.message_dict == {"date": [outside_message(visit.placement)]}
        visit.refresh_from_db()
        assert visit.date == date

    def test_visit_delete_removes_it_and_keeps_its_history(self, school_a):
        pk = school_a.visit.pk

        services.visit_delete(visit=school_a.visit)

        assert not Visit.objects.filter(pk=pk).exists()
        assert Visit.history.filter(id=pk).first().history_type == "-"


def url(name: str, placement: Placement, visit: Visit | None = None) -> str:
    args = [placement.pk] if visit is None else [placement.pk, visit.pk]
    return reverse(f"internships:{name}", args=args)


class TestViews:
    def test_the_form_starts_with_the_placements_supervisor(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(url("visit-create", school_a.placement))

        form = response.context["form"]
        assert response.status_code == 200
        assert form.initial["visited_by"] == school_a.supervisor
        assert set(form.fields["visited_by"].queryset.values_list("school", flat=True)) == {
            school_a.school.pk
        }

    def test_coordinator_records_a_visit(self, school_a, client_for):
        placement = school_a.placement
        day = placement.start_date + 3 * DAY
        data = visit_form_data(date=day, visited_by=school_a.supervisor)

        response = client_for(school_a.coordinator).post(url("visit-create", placement), data)

        assert response.status_code == 302
        assert response["Location"] == reverse("internships:placement-detail", args=[placement.pk])
        visit = placement.visits.get(date=day)
        assert visit.visited_by == school_a.supervisor
        assert visit.findings == data["findings"]
        messages = [str(message) for message in get_messages(response.wsgi_request)]
        assert messages == ["Stagebezoek bewaard."]

    def test_the_supervisor_of_the_placement_edits_a_visit(self, school_a, client_for):
        visit = school_a.visit
        data = visit_form_data(
            date=visit.date, status=visit.status, findings="Zelfstandiger dan vorige week."
        )

        response = client_for(school_a.supervisor).post(
            url("visit-update", school_a.placement, visit), data
        )

        assert response.status_code == 302
        visit.refresh_from_db()
        assert visit.findings == "Zelfstandiger dan vorige week."

    def test_the_form_shows_the_dutch_message(self, school_a, client_for):
        """31 days before the start is one day too early, even for the intake visit."""
        placement = school_a.placement
        count = Visit.objects.count()

        response = client_for(school_a.supervisor).post(
            url("visit-create", placement), visit_form_data(date=placement.start_date - 31 * DAY)
        )

        assert response.status_code == 200
        assert response.context["form"].errors["date"] == [outside_message(placement)]
        assert outside_message(placement) in response.content.decode()
        assert Visit.objects.count() == count

    def test_the_form_records_the_intake_visit_with_its_time_and_kilometres(
        self, school_a, client_for
    ):
        placement = school_a.placement
        day = placement.start_date - 30 * DAY
        data = visit_form_data(date=day, time="09:30", distance_km="18.5")

        response = client_for(school_a.supervisor).post(url("visit-create", placement), data)

        assert response.status_code == 302
        visit = placement.visits.get(date=day)
        assert (visit.time, visit.distance_km) == (datetime.time(9, 30), Decimal("18.5"))

    def test_the_form_explains_the_intake_visit_and_asks_time_and_kilometres(
        self, school_a, client_for
    ):
        placement = school_a.placement

        response = client_for(school_a.supervisor).get(url("visit-create", placement))

        form = response.context["form"]
        first_day = placement.start_date - 30 * DAY
        assert {"time", "distance_km"} <= set(form.fields)
        assert "kennismakingsbezoek (bijlage 3)" in form.fields["date"].help_text
        assert f"{first_day:%d/%m/%Y}" in form.fields["date"].help_text
        assert "kennismakingsbezoek" in response.content.decode()

    def test_a_proposed_date_starts_the_form(self, school_a, client_for):
        placement = school_a.placement
        day = placement.start_date + 7 * DAY

        response = client_for(school_a.supervisor).get(
            url("visit-create", placement) + f"?datum={day.isoformat()}"
        )

        assert response.context["form"].initial["date"] == day

    def test_the_supervisor_deletes_a_visit(self, school_a, client_for):
        pk = school_a.visit.pk

        response = client_for(school_a.supervisor).post(
            url("visit-delete", school_a.placement, school_a.visit)
        )

        assert response.status_code == 302
        assert not Visit.objects.filter(pk=pk).exists()

    @pytest.mark.parametrize("name", ["visit-update", "visit-delete"])
    def test_a_visit_of_another_placement_is_not_found(self, school_a, client_for, name):
        foreign = VisitFactory(placement=school_a.other_placement)

        response = client_for(school_a.coordinator).post(
            url(name, school_a.placement, foreign),
            visit_form_data(date=foreign.date, status=foreign.status, findings="Gewijzigd."),
        )

        assert response.status_code == 404
        foreign.refresh_from_db()
        assert foreign.findings != "Gewijzigd."

    @pytest.mark.parametrize("user", ["other_supervisor", "outsider"])
    def test_it_rejects_who_does_not_follow_the_placement(
        self, school_a, school_b, client_for, user
    ):
        person = school_a.other_supervisor if user == "other_supervisor" else school_b.coordinator
        client = client_for(person)

        edit = client.post(
            url("visit-update", school_a.placement, school_a.visit),
            visit_form_data(date=school_a.visit.date, findings="Gewijzigd."),
        )
        delete = client.post(url("visit-delete", school_a.placement, school_a.visit))

        assert (edit.status_code, delete.status_code) == (404, 404)
        school_a.visit.refresh_from_db()
        assert school_a.visit.findings != "Gewijzigd."


class TestPlacementPage:
    def test_it_lists_the_visits_with_their_buttons(self, school_a, client_for):
        placement, visit = school_a.placement, school_a.visit
        planned = VisitFactory(
            placement=placement,
            date=placement.end_date + 7 * DAY,
            kind=Visit.Kind.PHONE,
            status=Visit.Status.PLANNED,
            findings="",
        )

        response = client_for(school_a.supervisor).get(
            reverse("internships:placement-detail", args=[placement.pk])
        )

        content = response.content.decode()
        assert list(response.context["visits"]) == [visit, planned]
        assert "Bezoeken" in content
        assert visit.findings in content
        assert "op de stageplaats" in content and "afgelegd" in content
        assert "telefonisch" in content and "gepland" in content
        assert "Begeleider Alfa" in content
        assert url("visit-create", placement) in content
        for each in (visit, planned):
            assert url("visit-update", placement, each) in content
            assert url("visit-delete", placement, each) in content

    def test_without_visits_it_says_so(self, school_a, client_for):
        response = client_for(school_a.coordinator).get(
            reverse("internships:placement-detail", args=[school_a.other_placement.pk])
        )

        assert "Nog geen stagebezoeken." in response.content.decode()
