"""The factories build valid, consistent objects (the other tests rely on it)."""

import datetime
import itertools

import pytest
from stdnum.be import nn, vat

from internships.models import User
from tests import factories

pytestmark = pytest.mark.django_db

MODEL_FACTORIES = [
    factories.SchoolBoardFactory,
    factories.SchoolFactory,
    factories.SchoolYearFactory,
    factories.SchoolHolidayFactory,
    factories.ProgrammeFactory,
    factories.SchoolClassFactory,
    factories.TimetableSlotFactory,
    factories.UserFactory,
    factories.SuperuserFactory,
    factories.SupervisorFactory,
    factories.CoordinatorFactory,
    factories.SchoolAdminFactory,
    factories.StudentFactory,
    factories.GuardianFactory,
    factories.HostFactory,
    factories.WorkplaceFactory,
    factories.MentorFactory,
    factories.PlacementFactory,
    factories.PlacementPeriodFactory,
    factories.AbsenceFactory,
    factories.MakeUpPlacementFactory,
    factories.VisitFactory,
]


@pytest.mark.parametrize("factory", MODEL_FACTORIES, ids=lambda f: f.__name__)
def test_factory_builds_an_object_the_model_accepts(factory):
    instance = factory()

    instance.full_clean()
    assert instance.pk is not None


def test_user_factories_give_each_role_its_school():
    assert factories.SupervisorFactory().role == User.Role.SUPERVISOR
    assert factories.CoordinatorFactory().sees_whole_school
    assert factories.SchoolAdminFactory().manages_users
    support = factories.SuperuserFactory()
    assert (support.school, support.role, support.is_superuser) == (None, "", True)
    assert support.check_password(factories.TEST_PASSWORD)


@pytest.mark.parametrize(
    "birth_date",
    [datetime.date(1999, 12, 31), datetime.date(2000, 1, 1), datetime.date(2009, 2, 28)],
)
def test_national_number_encodes_the_birth_date(birth_date):
    number = factories.national_number_for(birth_date, 997)

    assert nn.is_valid(number)
    assert nn.get_birth_date(number) == birth_date


def test_student_factory_national_number_matches_birth_date_or_is_blank():
    student = factories.StudentFactory()
    without = factories.StudentFactory(national_number="")

    assert nn.get_birth_date(student.national_number) == student.birth_date
    assert without.national_number == ""


def test_enterprise_numbers_are_valid_and_distinct():
    hosts = factories.HostFactory.create_batch(3)

    numbers = {host.enterprise_number for host in hosts}
    assert len(numbers) == 3
    assert all(vat.is_valid(number) for number in numbers)


def test_placement_factory_is_consistent():
    placement = factories.PlacementFactory()

    school = placement.school
    assert placement.student.school == school
    assert placement.host.school == school
    assert placement.supervisor.school == school
    assert placement.workplace.host == placement.host
    assert placement.mentor.host == placement.host
    assert placement.school_class == placement.student.school_class
    assert placement.start_date in placement.school_year
    assert placement.end_date in placement.school_year
    assert placement.start_date.weekday() == 0


def test_placements_of_one_pupil_never_overlap():
    student = factories.StudentFactory()

    placements = factories.PlacementFactory.create_batch(5, student=student)

    spans = sorted((p.start_date, p.end_date) for p in placements)
    for (_start, end), (next_start, _end) in itertools.pairwise(spans):
        assert end < next_start


def test_placement_of_a_given_host_uses_its_workplace_and_mentor():
    host = factories.HostFactory()

    placement = factories.PlacementFactory(host=host, student__school=host.school)

    assert placement.school == host.school
    assert placement.supervisor.school == host.school
    assert placement.workplace.host == host
    assert placement.mentor.host == host


def test_make_up_factory_plans_a_day_inside_its_placement():
    make_up = factories.MakeUpPlacementFactory()

    assert make_up.period.placement == make_up.placement
    assert make_up.period.dates() == [make_up.placement.end_date]
