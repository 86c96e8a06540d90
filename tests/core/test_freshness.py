"""The dashboards are cached under their school's generation, which every write moves on
(core.freshness): a second visit is served from the cache, and no write, whether a save, a bulk
update or a delete, is followed by a stale page."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import freshness
from core.tenancy import school_scope
from internships.models import Placement, SchoolYear, Student

pytestmark = pytest.mark.django_db

HOME = reverse("dashboards:home")


def visit(client) -> tuple[str, int]:
    """The dashboard's main content (the menu around it holds a new CSRF mask each time) and
    the number of queries it took."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(HOME)
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")], len(captured)


@pytest.mark.parametrize("role", ["coordinator", "supervisor"])
def test_a_second_visit_is_served_from_the_cache(school_a, client_for, role):
    client = client_for(getattr(school_a, role))
    first, built = visit(client)

    again, served = visit(client)

    assert again == first
    assert served <= 4 < built


def test_a_save_in_the_school_shows_on_the_next_visit(school_a, client_for):
    client = client_for(school_a.coordinator)
    visit(client)
    pupil = school_a.placement.student

    with school_scope(school_a.school.pk):
        pupil.last_name = "Vernieuwd"
        pupil.save()

    assert "Vernieuwd" in visit(client)[0]


def test_a_bulk_update_and_a_delete_show_on_the_next_visit(school_a, client_for):
    client = client_for(school_a.coordinator)
    pupil = school_a.placement.student
    before = visit(client)[0]
    assert pupil.last_name in before

    with school_scope(school_a.school.pk):
        Student.objects.filter(pk=pupil.pk).update(last_name="Bijgewerkt")
    assert "Bijgewerkt" in visit(client)[0]

    everyone_placed = "Alle leerlingen hebben een stage."
    assert everyone_placed in visit(client)[0]
    with school_scope(school_a.school.pk):
        school_a.placement.delete()
    assert everyone_placed not in visit(client)[0]


def test_a_write_in_another_school_keeps_this_schools_generation(school_a, school_b):
    mine = freshness.generation(school_a.school.pk)

    with school_scope(school_b.school.pk):
        Student.objects.filter(pk=school_b.pupil.pk).update(last_name="Bravo")

    assert freshness.generation(school_a.school.pk) == mine
    assert freshness.generation(school_b.school.pk) != freshness.generation(school_a.school.pk)


def test_a_write_outside_any_school_moves_every_schools_generation(school_a, school_b):
    """Tests run outside a scope, as support and the demo data do."""
    before = freshness.generation(school_a.school.pk), freshness.generation(school_b.school.pk)

    Student.objects.filter(pk=school_b.pupil.pk).update(last_name="Overal")

    after = freshness.generation(school_a.school.pk), freshness.generation(school_b.school.pk)
    assert after[0] != before[0] and after[1] != before[1]


def test_a_school_year_written_in_one_school_moves_every_schools_generation(school_a, school_b):
    """No school owns the school years: every school lists them."""
    theirs = freshness.generation(school_b.school.pk)

    with school_scope(school_a.school.pk):
        SchoolYear.objects.filter(pk=school_a.school_year.pk).update(start_year=F("start_year"))

    assert freshness.generation(school_b.school.pk) != theirs


def test_the_commit_moves_the_generation_once_more(school_a, django_capture_on_commit_callbacks):
    school = school_a.school.pk
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with school_scope(school):
            Student.objects.filter(pk=school_a.pupil.pk).update(last_name="Een")
            Student.objects.filter(pk=school_a.pupil.pk).update(last_name="Twee")
        after_the_writes = freshness.generation(school)

    assert len(callbacks) == 1
    assert freshness.generation(school) != after_the_writes


def test_a_session_written_leaves_the_generation(school_a):
    before = freshness.generation(school_a.school.pk)

    session = SessionStore()
    session["seen"] = True
    session.save()

    assert freshness.generation(school_a.school.pk) == before


def test_pupils_of_another_supervisor_stay_out_of_my_cached_week(school_a, client_for):
    """The cache is per person: the supervisor's week, once cached, is not another's."""
    placement = school_a.placement
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    placement.start_date, placement.end_date = monday, monday + datetime.timedelta(days=11)
    placement.status = Placement.Status.STARTED
    placement.save()
    pupil = str(placement.student)
    assert pupil in visit(client_for(school_a.supervisor))[0]

    assert pupil not in visit(client_for(school_a.other_supervisor))[0]


def test_the_other_language_is_cached_apart(school_a, client_for):
    client = client_for(school_a.coordinator)
    dutch = visit(client)[0]

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = visit(client)[0]

    assert "Geen achterstallige bezoeken." in dutch
    assert "Geen achterstallige bezoeken." not in english


@pytest.mark.usefixtures("uncached_pages")
def test_without_a_shared_cache_every_visit_builds_the_page(school_a, client_for):
    client = client_for(school_a.coordinator)
    built = visit(client)[1]

    assert not freshness.enabled()
    assert visit(client)[1] == built


@pytest.mark.parametrize(
    "name",
    [
        "dashboards:home",
        "dashboards:workload",
        "visits:plan",
        "internships:placement-detail",
        "internships:placement-list",
        "internships:student-list",
        "internships:host-list",
    ],
)
def test_every_cached_page_is_built_again_after_a_write(school_a, client_for, name):
    client = client_for(school_a.coordinator)
    args = [school_a.placement.pk] if name == "internships:placement-detail" else []
    url = reverse(name, args=args)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    built = queries()
    served = queries()
    with school_scope(school_a.school.pk):
        Student.objects.filter(pk=school_a.pupil.pk).update(first_name="Nieuw")

    assert served <= 4 < built
    assert queries() == built
