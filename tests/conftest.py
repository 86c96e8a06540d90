"""Personas shared by the tests: two schools, each with its staff, a pupil and a placement.

School A ("Alfa") is the school under test; school B ("Bravo") is the outsider's school. Every
name carries its school's label, so a test can assert that no "Alfa" text reaches a page of
school B.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client

from core.tenancy import all_schools
from internships.models import (
    Absence,
    Guardian,
    Host,
    Mentor,
    Placement,
    PlacementPeriod,
    School,
    SchoolClass,
    SchoolYear,
    Student,
    User,
    Visit,
    Workplace,
)
from tests.factories import (
    AbsenceFactory,
    CoordinatorFactory,
    GuardianFactory,
    HostFactory,
    MentorFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    ProgrammeFactory,
    SchoolAdminFactory,
    SchoolClassFactory,
    SchoolFactory,
    StudentFactory,
    SupervisorFactory,
    VisitFactory,
    WorkplaceFactory,
    current_school_year,
)


@dataclass(frozen=True)
class SchoolWorld:
    """One school with the people and objects a test needs.

    ``supervisor`` supervises ``placement`` (of ``pupil``) and made its ``visit``;
    ``other_supervisor`` supervises nothing; ``other_placement`` (of ``other_pupil``) is
    supervised by the coordinator.
    """

    label: str
    school: School
    school_year: SchoolYear
    school_class: SchoolClass
    coordinator: User
    supervisor: User
    other_supervisor: User
    school_admin: User
    host: Host
    workplace: Workplace
    mentor: Mentor
    pupil: Student
    guardian: Guardian
    placement: Placement
    period: PlacementPeriod
    absence: Absence
    visit: Visit
    other_pupil: Student
    other_placement: Placement


def first_monday_of_october(school_year: SchoolYear) -> datetime.date:
    october = datetime.date(school_year.start_year, 10, 1)
    return october + datetime.timedelta(days=(7 - october.weekday()) % 7)


def build_school(label: str) -> SchoolWorld:
    slug = label.lower()
    school = SchoolFactory(name=f"Atheneum {label}")
    school_year = current_school_year()
    programme = ProgrammeFactory(school=school, name=f"Verzorging {label}")
    school_class = SchoolClassFactory(
        school=school, school_year=school_year, programme=programme, name=f"6VZ {label}"
    )

    def staff(factory, username: str, role_name: str) -> User:
        return factory(
            school=school,
            username=f"{username}-{slug}",
            first_name=role_name,
            last_name=label,
        )

    coordinator = staff(CoordinatorFactory, "coordinator", "Coördinator")
    supervisor = staff(SupervisorFactory, "supervisor", "Begeleider")
    other_supervisor = staff(SupervisorFactory, "other-supervisor", "Collega")
    school_admin = staff(SchoolAdminFactory, "schooladmin", "Beheerder")

    host = HostFactory(school=school, name=f"Woonzorgcentrum {label}")
    workplace = WorkplaceFactory(host=host, name=f"Afdeling {label}")
    mentor = MentorFactory(host=host, first_name="Mentor", last_name=label)

    start = first_monday_of_october(school_year)
    end = start + datetime.timedelta(days=18)
    pupil = StudentFactory(
        school=school, school_class=school_class, first_name="Lotte", last_name=f"Leerling {label}"
    )
    guardian = GuardianFactory(student=pupil, first_name="Ouder", last_name=label)
    placement = PlacementFactory(
        student=pupil,
        host=host,
        workplace=workplace,
        mentor=mentor,
        supervisor=supervisor,
        start_date=start,
        end_date=end,
    )
    period = PlacementPeriodFactory(placement=placement)
    absence = AbsenceFactory(placement=placement, date=start, recorded_by=supervisor)
    visit = VisitFactory(
        placement=placement, date=start + datetime.timedelta(days=2), visited_by=supervisor
    )

    other_pupil = StudentFactory(
        school=school, school_class=school_class, first_name="Milan", last_name=f"Andere {label}"
    )
    other_placement = PlacementFactory(
        student=other_pupil,
        host=host,
        workplace=workplace,
        mentor=mentor,
        supervisor=coordinator,
        start_date=start,
        end_date=end,
    )
    return SchoolWorld(
        label=label,
        school=school,
        school_year=school_year,
        school_class=school_class,
        coordinator=coordinator,
        supervisor=supervisor,
        other_supervisor=other_supervisor,
        school_admin=school_admin,
        host=host,
        workplace=workplace,
        mentor=mentor,
        pupil=pupil,
        guardian=guardian,
        placement=placement,
        period=period,
        absence=absence,
        visit=visit,
        other_pupil=other_pupil,
        other_placement=other_placement,
    )


@pytest.fixture(scope="session", autouse=True)
def tenancy_off_outside_requests():
    """Tests build and inspect several schools' data from outside any request, as support
    would: scoping is off there. Every request, task and command inside a test opens its own
    scope exactly as in production (``core.tenancy``), so views, tasks and commands run scoped;
    ``tests/test_tenancy.py`` proves that a query outside a scope raises."""
    with all_schools():
        yield


@pytest.fixture
def school_a(db) -> SchoolWorld:
    return build_school("Alfa")


@pytest.fixture
def school_b(db) -> SchoolWorld:
    return build_school("Bravo")


@pytest.fixture(scope="module")
def shared_schools(django_db_setup, django_db_blocker) -> tuple[SchoolWorld, SchoolWorld]:
    """Schools A and B built once for a whole test module, for read-mostly tests.

    The rows live in a transaction that is rolled back when the module is done; each test runs
    in a savepoint inside it (the ``db`` fixture), so what a test writes is undone after it.
    The Python objects are shared: a test that changes one must not leave it changed in memory.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        schools = build_school("Alfa"), build_school("Bravo")
    yield schools
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def coordinator(school_a: SchoolWorld) -> User:
    return school_a.coordinator


@pytest.fixture
def supervisor(school_a: SchoolWorld) -> User:
    """Supervises ``school_a.placement``."""
    return school_a.supervisor


@pytest.fixture
def other_supervisor(school_a: SchoolWorld) -> User:
    """A supervisor of school A who supervises none of its placements."""
    return school_a.other_supervisor


@pytest.fixture
def school_admin(school_a: SchoolWorld) -> User:
    return school_a.school_admin


@pytest.fixture
def mentor(school_a: SchoolWorld) -> Mentor:
    return school_a.mentor


@pytest.fixture
def pupil(school_a: SchoolWorld) -> Student:
    return school_a.pupil


@pytest.fixture
def placement(school_a: SchoolWorld) -> Placement:
    return school_a.placement


@pytest.fixture
def outsider(school_b: SchoolWorld) -> User:
    """The coordinator of school B: sees all of school B and nothing of school A."""
    return school_b.coordinator


@pytest.fixture
def uncached_pages(settings) -> None:
    """Pages built on every request: for tests that count the queries of building a page the
    dashboards would otherwise serve from the fragment cache (core.freshness)."""
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def client_for(db) -> Callable[[User | None], Client]:
    """A test client signed in as ``user`` (anonymous for None).

    ``force_login`` skips authentication, which django-axes would refuse without a request.
    """

    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
