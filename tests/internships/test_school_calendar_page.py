"""The school calendar page (section 4): the Flemish school holidays and the legal holidays
shown read-only, the school's own free days added, changed and removed by the coordinator and
the school admin, with the validation of each day."""

import pytest
from django.urls import reverse

from compliance.engine.school_calendar import christmas_holiday
from internships.models import SchoolHoliday, SchoolYear
from tests.factories import SchoolHolidayFactory
from tests.factories.principals import (
    link_client,
    mentor_link,
    pupil_link,
)
from tests.internships.school_calendar_helpers import (
    CALENDAR,
    CREATE,
    DAY,
    FIXED,
    delete_url,
    form_data,
    form_errors,
    lesson_wednesday,
    study_day,
    update_url,
)

pytestmark = pytest.mark.django_db


class TestTheCalendar:
    def test_4_the_coordinator_sees_fixed_legal_and_own_days(self, school_a, client_for):
        own = study_day(school_a)

        response = client_for(school_a.coordinator).get(CALENDAR)

        assert response.status_code == 200
        page = response.content.decode()
        kinds = [entry.kind for entry in response.context["entries"]]
        assert {"built_in", "legal", "own"} <= set(kinds)
        for name in ("Herfstvakantie", "Kerstvakantie", "Zomervakantie", "Wapenstilstand"):
            assert name in page
        assert FIXED in page
        assert own.name in page
        assert update_url(own) in page and delete_url(own) in page

    def test_4_the_calendar_runs_in_date_order_within_the_school_year(self, school_a, client_for):
        study_day(school_a)

        entries = client_for(school_a.coordinator).get(CALENDAR).context["entries"]

        firsts = [entry.first_day for entry in entries]
        assert firsts == sorted(firsts)
        assert all(entry.first_day in school_a.school_year for entry in entries)

    def test_4_the_page_is_a_table_with_caption_and_labelled_buttons(self, school_a, client_for):
        own = study_day(school_a)

        page = client_for(school_a.coordinator).get(CALENDAR).content.decode()

        assert "<caption" in page and 'scope="col"' in page and 'scope="row"' in page
        assert f'aria-label="‘{own.name}’ bewerken"' in page
        assert f'aria-label="‘{own.name}’ verwijderen"' in page

    def test_4_only_own_days_get_edit_buttons(self, school_a, client_for):
        """The fixed and legal holidays are read-only: without own days, nothing to edit."""
        page = client_for(school_a.coordinator).get(CALENDAR).content.decode()

        assert FIXED in page
        assert "/bewerken/" not in page and "/verwijderen/" not in page

    def test_4_the_school_year_switch_chooses_the_calendar(self, school_a, client_for):
        next_year = SchoolYear.objects.create(start_year=school_a.school_year.start_year + 1)
        this_years = study_day(school_a)
        client = client_for(school_a.coordinator)
        client.post(reverse("internships:school-year-switch"), {"school_year": next_year.pk})

        response = client.get(CALENDAR)

        christmas = christmas_holiday(next_year.start_year)
        assert response.context["school_year"] == next_year
        assert this_years.name not in response.content.decode()
        assert any(entry.first_day == christmas.first_day for entry in response.context["entries"])

        day = lesson_wednesday(next_year)
        client.post(CREATE, form_data("Lokale vrije dag", day))
        assert SchoolHoliday.objects.get(name="Lokale vrije dag").school_year == next_year

    def test_the_navbar_links_the_page_for_whole_school_roles_only(self, school_a, client_for):
        home = reverse("dashboards:home")

        for user in (school_a.coordinator, school_a.school_admin):
            assert CALENDAR in client_for(user).get(home).content.decode()
        assert CALENDAR not in client_for(school_a.supervisor).get(home).content.decode()

    def test_the_page_runs_the_same_queries_for_more_own_days(
        self, school_a, client_for, django_assert_max_num_queries
    ):
        client = client_for(school_a.coordinator)
        year = school_a.school_year
        start = lesson_wednesday(year)
        for week in range(2):
            SchoolHolidayFactory(
                school=school_a.school,
                school_year=year,
                start_date=start + week * 7 * DAY,
                end_date=start + week * 7 * DAY,
            )
        client.get(CALENDAR)

        with django_assert_max_num_queries(10) as few:
            client.get(CALENDAR)
        for week in range(2, 6):
            SchoolHolidayFactory(
                school=school_a.school,
                school_year=year,
                start_date=start + week * 7 * DAY,
                end_date=start + week * 7 * DAY,
            )
        with django_assert_max_num_queries(10) as many:
            response = client.get(CALENDAR)

        assert sum(entry.kind == "own" for entry in response.context["entries"]) == 6
        assert len(many.captured_queries) == len(few.captured_queries)


class TestWhoMayChangeOwnDays:
    @pytest.mark.parametrize("role", ["coordinator", "school_admin"])
    def test_4_whole_school_roles_add_change_and_delete(self, school_a, client_for, role):
        client = client_for(getattr(school_a, role))
        day = lesson_wednesday(school_a.school_year)

        response = client.post(CREATE, form_data("Pedagogische studiedag", day))
        assert response.status_code == 302
        holiday = SchoolHoliday.objects.get(school=school_a.school)
        assert (holiday.name, holiday.start_date, holiday.end_date) == (
            "Pedagogische studiedag",
            day,
            day,
        )
        assert holiday.school_year == school_a.school_year
        page = client.get(CALENDAR).content.decode()
        assert "Eigen vrije dag ‘Pedagogische studiedag’ bewaard" in page

        response = client.post(update_url(holiday), form_data("Studiedag", day, day + DAY))
        assert response.status_code == 302
        holiday.refresh_from_db()
        assert (holiday.name, holiday.end_date) == ("Studiedag", day + DAY)

        response = client.post(delete_url(holiday))
        assert response.status_code == 302
        assert not SchoolHoliday.objects.filter(pk=holiday.pk).exists()

    def test_4_the_edit_page_shows_the_calendar_beside_the_form(self, school_a, client_for):
        own = study_day(school_a)

        response = client_for(school_a.coordinator).get(update_url(own))

        assert response.status_code == 200
        assert response.context["form"].initial["name"] == own.name
        assert FIXED in response.content.decode()

    @pytest.mark.parametrize("person", ["supervisor", "other_supervisor"])
    def test_supervisors_get_403_and_change_nothing(self, school_a, client_for, person):
        """School set-up, like the programmes: supervisors do not open it."""
        own = study_day(school_a)
        client = client_for(getattr(school_a, person))
        day = lesson_wednesday(school_a.school_year) + 7 * DAY

        assert client.get(CALENDAR).status_code == 403
        assert client.get(CREATE).status_code == 403
        assert client.post(CREATE, form_data("Eigen dag", day)).status_code == 403
        assert client.post(update_url(own), form_data("Gewijzigd", day)).status_code == 403
        assert client.post(delete_url(own)).status_code == 403

        own.refresh_from_db()
        assert own.name == "Studiedag Alfa"
        assert SchoolHoliday.objects.count() == 1

    def test_it_rejects_other_school(self, school_a, school_b, client_for):
        """Another school's coordinator gets 404 for school A's day and never sees it."""
        own = study_day(school_a)
        client = client_for(school_b.coordinator)
        day = lesson_wednesday(school_a.school_year)

        assert client.get(update_url(own)).status_code == 404
        assert client.post(update_url(own), form_data("Overgenomen", day)).status_code == 404
        assert client.post(delete_url(own)).status_code == 404
        assert own.name not in client.get(CALENDAR).content.decode()

        own.refresh_from_db()
        assert own.name == "Studiedag Alfa"

    def test_link_holders_get_nothing(self, school_a, client_for):
        own = study_day(school_a)
        day = lesson_wednesday(school_a.school_year) + 7 * DAY
        tokens = {"mentor": "kalender-mentor-" + "m" * 30, "pupil": "kalender-leerling-" + "p" * 30}
        mentor_link(school_a.mentor, token=tokens["mentor"])
        pupil_link(school_a.pupil, token=tokens["pupil"])
        clients = [link_client(token) for token in tokens.values()]

        for client in clients:
            assert client.get(CALENDAR).status_code == 403
            assert client.post(CREATE, form_data("Van een link", day)).status_code == 403
            assert client.post(update_url(own), form_data("Van een link", day)).status_code == 403
            assert client.post(delete_url(own)).status_code == 403
        assert list(SchoolHoliday.objects.values_list("name", flat=True)) == ["Studiedag Alfa"]

    def test_anonymous_visitors_go_to_the_login_page(self, client_for):
        response = client_for(None).get(CALENDAR)

        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


class TestValidation:
    def post(self, world, client_for, data, holiday=None):
        url = update_url(holiday) if holiday else CREATE
        return client_for(world.coordinator).post(url, data)

    def test_the_end_may_not_lie_before_the_start(self, school_a, client_for):
        day = lesson_wednesday(school_a.school_year)

        response = self.post(school_a, client_for, form_data("Studiedag", day, day - DAY))

        assert response.status_code == 200
        assert response.context["form"].errors["end_date"] == [
            "De einddatum ligt voor de begindatum."
        ]
        assert form_errors(response).count("De einddatum ligt voor de begindatum.") == 1
        assert not SchoolHoliday.objects.exists()

    def test_4_a_free_day_lies_within_the_school_year(self, school_a, client_for):
        year = school_a.school_year
        day = lesson_wednesday(year)

        response = self.post(school_a, client_for, form_data("Te laat", day, year.end_date + DAY))

        assert response.status_code == 200
        assert response.context["form"].errors["end_date"] == [
            f"Een eigen vrije dag valt binnen het schooljaar {year}: van "
            f"{year.start_date:%d/%m/%Y} tot en met {year.end_date:%d/%m/%Y}."
        ]
        assert not SchoolHoliday.objects.exists()

    def test_4_own_free_days_do_not_overlap(self, school_a, client_for):
        own = study_day(school_a, end_date=lesson_wednesday(school_a.school_year) + DAY)

        response = self.post(school_a, client_for, form_data("Tweede", own.end_date))

        assert response.status_code == 200
        [message] = form_errors(response)
        assert message.startswith("Deze dagen overlappen met de eigen vrije dag ‘Studiedag Alfa’")
        assert SchoolHoliday.objects.count() == 1

    def test_4_a_day_may_be_moved_onto_its_own_dates(self, school_a, client_for):
        own = study_day(school_a)

        response = self.post(
            school_a, client_for, form_data("Hernoemd", own.start_date), holiday=own
        )

        assert response.status_code == 302

    def test_4_another_schools_free_days_do_not_overlap(self, school_a, school_b, client_for):
        other = study_day(school_b)

        response = self.post(school_a, client_for, form_data("Zelfde dag", other.start_date))

        assert response.status_code == 302

    def test_4_a_day_wholly_inside_a_fixed_holiday_is_refused(self, school_a, client_for):
        christmas = christmas_holiday(school_a.school_year.start_year)

        response = self.post(
            school_a, client_for, form_data("Extra", christmas.first_day, christmas.first_day + DAY)
        )

        assert response.status_code == 200
        [message] = form_errors(response)
        assert message == (
            f"Deze dagen vallen volledig in de kerstvakantie ({christmas.first_day:%d/%m/%Y} – "
            f"{christmas.last_day:%d/%m/%Y}), die vastligt volgens de Vlaamse schoolkalender: "
            "daar zijn al geen lessen. Kies dagen waarop er anders les is."
        )
        assert not SchoolHoliday.objects.exists()

    def test_4_a_day_that_lengthens_a_fixed_holiday_is_accepted(self, school_a, client_for):
        christmas = christmas_holiday(school_a.school_year.start_year)

        response = self.post(
            school_a,
            client_for,
            form_data("Verlengd", christmas.first_day - 3 * DAY, christmas.first_day),
        )

        assert response.status_code == 302

    def test_a_move_is_validated_too(self, school_a, client_for):
        own = study_day(school_a)
        christmas = christmas_holiday(school_a.school_year.start_year)

        response = self.post(
            school_a, client_for, form_data(own.name, christmas.first_day), holiday=own
        )

        assert response.status_code == 200
        own.refresh_from_db()
        assert own.start_date == lesson_wednesday(school_a.school_year)
