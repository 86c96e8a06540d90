"""factory_boy factories for every model of the internships app.

The factories build consistent objects: a placement's student, host and supervisor belong to
its school, its workplace and mentor to its host, and its dates lie inside its school year. By
default every placement gets a pupil of its own; a pupil given explicitly gets a different week
for each placement (a sequence), so placements made by the factory never overlap.
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from stdnum.be import nn, vat

from internships.models import (
    Absence,
    Guardian,
    Host,
    MakeUpPlacement,
    Mentor,
    Placement,
    PlacementPeriod,
    Programme,
    School,
    SchoolBoard,
    SchoolClass,
    SchoolHoliday,
    SchoolYear,
    Student,
    TimetableSlot,
    User,
    Visit,
    Workplace,
)

TEST_PASSWORD = "test-wachtwoord-2026"

# Postal codes and their municipalities, so an address is always valid and plausible.
PLACES = [
    ("9000", "Gent"),
    ("2000", "Antwerpen"),
    ("3000", "Leuven"),
    ("8000", "Brugge"),
    ("3500", "Hasselt"),
    ("2800", "Mechelen"),
    ("9300", "Aalst"),
    ("8500", "Kortrijk"),
]


def national_number_for(birth_date: datetime.date, serial: int) -> str:
    """A valid rijksregisternummer for ``birth_date``: YYMMDD, a serial, and the check digits.

    For people born from 2000 on, the checksum is computed over the number prefixed with 2.
    """
    base = f"{birth_date:%y%m%d}{serial:03d}"
    checked = int(("2" if birth_date.year >= 2000 else "") + base)
    number = f"{base}{97 - checked % 97:02d}"
    assert nn.is_valid(number), number
    return number


def enterprise_number_for(serial: int) -> str:
    """A valid enterprise number (KBO): 0 plus seven digits, then 97 minus the rest modulo 97."""
    base = f"0{(1_000_000 + serial) % 10_000_000:07d}"
    number = f"{base}{97 - int(base) % 97:02d}"
    assert vat.is_valid(number), number
    return number


def current_school_year() -> SchoolYear:
    """The school year of today: the one the application shows when none is chosen."""
    return SchoolYear.objects.for_date(timezone.localdate())


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    class Params:
        place = factory.Iterator(PLACES)

    street = factory.Faker("street_address", locale="nl_BE")
    postal_code = factory.LazyAttribute(lambda o: o.place[0])
    city = factory.LazyAttribute(lambda o: o.place[1])


class SchoolBoardFactory(AddressFactory):
    class Meta:
        model = SchoolBoard

    name = factory.Sequence(lambda n: f"Scholengroep {n}")
    enterprise_number = factory.Sequence(lambda n: enterprise_number_for(500_000 + n))
    insurer = "Ethias"
    policy_number = factory.Sequence(lambda n: f"POL-{n:06d}")


class SchoolFactory(AddressFactory):
    class Meta:
        model = School

    board = factory.SubFactory(SchoolBoardFactory)
    name = factory.Sequence(lambda n: f"Sint-Jozefsinstituut {n}")
    institution_number = factory.Sequence(lambda n: f"{100_000 + n}")
    head_name = factory.Faker("name", locale="nl_BE")
    email = factory.Sequence(lambda n: f"secretariaat{n}@school.example")
    phone = "09 123 45 67"


class SchoolYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolYear
        django_get_or_create = ("start_year",)

    start_year = factory.LazyFunction(lambda: current_school_year().start_year)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Verzorging {n}")
    grade = Programme.Grade.THIRD
    year_in_grade = 1
    finality = Programme.Finality.LABOUR_MARKET
    requires_workplace_learning = True
    internship_lesson_hours = 8


class SchoolClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolClass

    school = factory.SubFactory(SchoolFactory)
    school_year = factory.LazyFunction(current_school_year)
    programme = factory.SubFactory(ProgrammeFactory, school=factory.SelfAttribute("..school"))
    name = factory.Sequence(lambda n: f"5VZ{n}")


def _first_wednesday_of_december(start_year: int) -> datetime.date:
    first = datetime.date(start_year, 12, 1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7)


class SchoolHolidayFactory(factory.django.DjangoModelFactory):
    """One of the school's own free days, on top of the Flemish school calendar: a pedagogical
    study day on the first Wednesday of December."""

    class Meta:
        model = SchoolHoliday

    school = factory.SubFactory(SchoolFactory)
    school_year = factory.LazyFunction(current_school_year)
    name = "pedagogische studiedag"
    start_date = factory.LazyAttribute(
        lambda o: _first_wednesday_of_december(o.school_year.start_year)
    )
    end_date = factory.LazyAttribute(lambda o: o.start_date)


class TimetableSlotFactory(factory.django.DjangoModelFactory):
    """Lesson hours of 50 minutes, walking through the week from Monday 8:00."""

    class Meta:
        model = TimetableSlot

    school_class = factory.SubFactory(SchoolClassFactory)
    weekday = factory.Sequence(lambda n: n % 5)
    start_time = factory.Sequence(lambda n: datetime.time(8 + (n // 5) % 9, 0))
    end_time = factory.LazyAttribute(lambda o: o.start_time.replace(minute=50))


class UserFactory(factory.django.DjangoModelFactory):
    """An account without a school or role, such as a support superuser."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.LazyAttribute(lambda o: f"{o.username}@school.example")
    password = factory.django.Password(TEST_PASSWORD)


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"support{n}")
    is_staff = True
    is_superuser = True


class SupervisorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"begeleider{n}")
    school = factory.SubFactory(SchoolFactory)
    role = User.Role.SUPERVISOR


class CoordinatorFactory(SupervisorFactory):
    username = factory.Sequence(lambda n: f"coordinator{n}")
    role = User.Role.COORDINATOR


class SchoolAdminFactory(SupervisorFactory):
    username = factory.Sequence(lambda n: f"schoolbeheerder{n}")
    role = User.Role.SCHOOL_ADMIN


class StudentFactory(AddressFactory):
    """A pupil aged 16 to 17 in a class of the current school year, with a national number.

    ``StudentFactory(national_number="")`` makes a pupil without one.
    """

    class Meta:
        model = Student

    class Params:
        serial = factory.Sequence(lambda n: n % 997 + 1)

    school = factory.SubFactory(SchoolFactory)
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    birth_date = factory.Faker("date_of_birth", minimum_age=16, maximum_age=17)
    national_number = factory.LazyAttribute(lambda o: national_number_for(o.birth_date, o.serial))
    email = factory.Sequence(lambda n: f"leerling{n}@leerling.example")
    phone = "0470 12 34 56"
    school_class = factory.SubFactory(SchoolClassFactory, school=factory.SelfAttribute("..school"))


class GuardianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guardian

    student = factory.SubFactory(StudentFactory)
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.SelfAttribute("student.last_name")
    relationship = Guardian.Relationship.MOTHER
    email = factory.Sequence(lambda n: f"ouder{n}@thuis.example")
    phone = "0475 98 76 54"
    may_sign = True


class HostFactory(AddressFactory):
    class Meta:
        model = Host

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Woonzorgcentrum De Linde {n}")
    enterprise_number = factory.Sequence(enterprise_number_for)
    joint_committee = "330.01"
    employs_staff = True
    representative_name = factory.Faker("name", locale="nl_BE")
    representative_title = "directeur"
    email = factory.Sequence(lambda n: f"info{n}@stagegever.example")
    phone = "09 222 33 44"


class WorkplaceFactory(AddressFactory):
    class Meta:
        model = Workplace

    host = factory.SubFactory(HostFactory)
    name = factory.Sequence(lambda n: f"Afdeling {n}")


class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentor

    host = factory.SubFactory(HostFactory)
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    job_title = "hoofdverpleegkundige"
    email = factory.Sequence(lambda n: f"mentor{n}@stagegever.example")
    phone = "09 222 33 45"


def _monday_of_week(placement) -> datetime.date:
    """The Monday of the ``week``-th week of the school year; 51 weeks fit before 31 August."""
    september = placement.school_year.start_date
    first_monday = september + datetime.timedelta(days=(7 - september.weekday()) % 7)
    return first_monday + datetime.timedelta(weeks=placement.week % 51)


class PlacementFactory(factory.django.DjangoModelFactory):
    """A block placement of one working week (Monday to Friday) in the current school year.

    The pupil decides the school; the host (with its workplace and mentor) and the supervisor
    are made in that school. Giving a host of your own? Give a pupil of its school too:
    ``PlacementFactory(host=host, student__school=host.school)``.
    """

    class Meta:
        model = Placement

    class Params:
        week = factory.Sequence(lambda n: n)

    student = factory.SubFactory(StudentFactory)
    school = factory.SelfAttribute("student.school")
    school_year = factory.LazyFunction(current_school_year)
    school_class = factory.LazyAttribute(
        lambda o: (
            o.student.school_class
            if o.student.school_class and o.student.school_class.school_year_id == o.school_year.pk
            else None
        )
    )
    host = factory.SubFactory(HostFactory, school=factory.SelfAttribute("..school"))
    workplace = factory.SubFactory(WorkplaceFactory, host=factory.SelfAttribute("..host"))
    mentor = factory.SubFactory(MentorFactory, host=factory.SelfAttribute("..host"))
    supervisor = factory.SubFactory(SupervisorFactory, school=factory.SelfAttribute("..school"))
    kind = Placement.Kind.BLOCK
    status = Placement.Status.PREPARING
    start_date = factory.LazyAttribute(_monday_of_week)
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=4))


class PlacementPeriodFactory(factory.django.DjangoModelFactory):
    """The whole placement, weekdays 8:30–16:30 with half an hour's lunch break."""

    class Meta:
        model = PlacementPeriod

    placement = factory.SubFactory(PlacementFactory)
    kind = PlacementPeriod.Kind.BLOCK
    start_date = factory.SelfAttribute("placement.start_date")
    end_date = factory.SelfAttribute("placement.end_date")
    weekdays = factory.LazyFunction(lambda: [0, 1, 2, 3, 4])
    every_n_weeks = 1
    start_time = datetime.time(8, 30)
    end_time = datetime.time(16, 30)
    breaks = factory.LazyFunction(lambda: [["12:00", "12:30"]])


class AbsenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Absence

    placement = factory.SubFactory(PlacementFactory)
    date = factory.SelfAttribute("placement.start_date")
    hours = Decimal("7.50")
    justification = Absence.Justification.JUSTIFIED
    reason = "ziek (doktersattest)"
    recorded_by = factory.SelfAttribute("placement.supervisor")


class MakeUpPlacementFactory(factory.django.DjangoModelFactory):
    """A make-up of one day, the last day of the placement."""

    class Meta:
        model = MakeUpPlacement

    placement = factory.SubFactory(PlacementFactory)
    period = factory.SubFactory(
        PlacementPeriodFactory,
        placement=factory.SelfAttribute("..placement"),
        start_date=factory.SelfAttribute("placement.end_date"),
        end_date=factory.SelfAttribute("placement.end_date"),
    )
    reason = "inhalen van een dag ziekte"
    decided_on = factory.SelfAttribute("placement.start_date")


class VisitFactory(factory.django.DjangoModelFactory):
    """A visit at the workplace on the placement's second day, with the mentor: done once that
    day has passed, planned before."""

    class Meta:
        model = Visit

    placement = factory.SubFactory(PlacementFactory)
    date = factory.LazyAttribute(lambda o: o.placement.start_date + datetime.timedelta(days=1))
    kind = Visit.Kind.ON_SITE
    status = factory.LazyAttribute(
        lambda o: Visit.Status.DONE if o.date <= timezone.localdate() else Visit.Status.PLANNED
    )
    visited_by = factory.SelfAttribute("placement.supervisor")
    mentor_present = True
    findings = "Werkt zorgvuldig en vraagt hulp wanneer nodig; het team is tevreden."
    follow_up = "Volgende week de ochtendzorg bij twee bewoners zelfstandig opnemen."
