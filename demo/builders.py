"""Builds one demo school: its board, school years, programmes, classes, staff and pupils.

Pupils and guardians are written in bulk as their services would store them, with the same
history (``demo.bulk``). What has no service (boards, schools, school years, programmes,
classes, timetables and staff accounts, which the UI invites by e-mail) is created on the
models.
"""

import datetime
import math
import random
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from demo.bulk import Batch
from demo.calendar import CALENDARS, CURRENT_YEAR, PAST_YEAR
from demo.identifiers import NumberSource
from demo.names import (
    BUSINESS_STREETS,
    EMAIL_PROVIDERS,
    NAME_GROUPS,
    STREETS,
    Municipality,
    NameGroup,
)
from demo.specs import ProgrammeSpec, SchoolSpec
from internships.models import (
    Guardian,
    Host,
    Mentor,
    Programme,
    School,
    SchoolBoard,
    SchoolClass,
    SchoolHoliday,
    SchoolYear,
    Student,
    TimetableSlot,
    User,
    Workplace,
)
from internships.selectors.schedules import school_year_holidays_keep

PUPILS_PER_CLASS = 20
# 50-minute lessons from 08:25, a break 10:05–10:20 and lunch 12:00–12:50.
LESSONS = (
    ("08:25", "09:15"),
    ("09:15", "10:05"),
    ("10:20", "11:10"),
    ("11:10", "12:00"),
    ("12:50", "13:40"),
    ("13:40", "14:30"),
    ("14:30", "15:20"),
    ("15:20", "16:10"),
)


class DemoDataError(Exception):
    """The database holds something that stops the demo data from being created."""


@dataclass
class HostBundle:
    host: Host
    sector: str
    workplaces: list[Workplace]
    mentors: list[Mentor]


@dataclass
class Pupil:
    student: Student
    programme: ProgrammeSpec
    class_year: int  # the school year of the pupil's class: the last one at this school
    female: bool


@dataclass
class DemoSchool:
    """One school being built, with what the placements need."""

    spec: SchoolSpec
    scale: int
    rng: random.Random
    numbers: NumberSource
    school: School | None = None
    years: dict[int, SchoolYear] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)  # by programme code
    staff: dict[str, User] = field(default_factory=dict)
    hosts: dict[str, list[HostBundle]] = field(default_factory=dict)
    pupils: list[Pupil] = field(default_factory=list)
    emails: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)  # documents written to the private storage

    @property
    def coordinator(self) -> User:
        """The first coordinator: who prepares the agreements and uploads documents."""
        return next(
            self.staff[member.username]
            for member in self.spec.staff
            if member.role == User.Role.COORDINATOR
        )

    def email(self, first_name: str, last_name: str, domain: str) -> str:
        """A distinct ``first.last@domain``, numbered when the name is already taken."""
        local = f"{ascii_slug(first_name)}.{ascii_slug(last_name)}"
        address, number = f"{local}@{domain}", 1
        while address in self.emails:
            number += 1
            address = f"{local}{number}@{domain}"
        self.emails.add(address)
        return address

    def _pairs(self, count: int) -> str:
        return " ".join(f"{self.rng.randint(10, 99)}" for _number in range(count))

    def mobile(self) -> str:
        """A Belgian mobile number: 04xx xx xx xx."""
        return f"04{self.rng.randint(70, 99)} {self._pairs(3)}"

    def landline(self, zone: str) -> str:
        """A fixed line in ``zone``: 053 xx xx xx, or 09 xxx xx xx in a two-digit zone."""
        if len(zone) == 2:
            return f"{zone} {self.rng.randint(200, 399)} {self._pairs(2)}"
        return f"{zone} {self._pairs(3)}"

    def municipality(self) -> Municipality:
        """Most people live close to the school: the region's first towns weigh more."""
        region = self.spec.region
        weights = [max(1, 8 - 2 * index) for index in range(len(region))]
        return self.rng.choices(region, weights=weights)[0]

    def name_group(self) -> NameGroup:
        return self.rng.choices(NAME_GROUPS, weights=[group.weight for group in NAME_GROUPS])[0]

    def person(
        self, *, female: bool, adult: bool = True, group: NameGroup | None = None
    ) -> tuple[str, str]:
        """A first and a family name that belong together."""
        group = group or self.name_group()
        first_name = self.rng.choice(group.first_names(female=female, adult=adult))
        return first_name, self.rng.choice(group.family_names)

    def street(self, *, business: bool = False) -> str:
        streets = BUSINESS_STREETS if business else STREETS
        return f"{self.rng.choice(streets)} {self.rng.randint(1, 180)}"


def ascii_slug(text: str) -> str:
    """``Zoë`` → ``zoe``, ``Van den Bossche`` → ``vandenbossche``: for e-mail addresses."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in flat.lower() if char.isalnum())


def school_years_get() -> dict[int, SchoolYear]:
    return {
        start_year: SchoolYear.objects.get_or_create(start_year=start_year)[0]
        for start_year in (PAST_YEAR, CURRENT_YEAR)
    }


def school_create(demo: DemoSchool) -> School:
    spec = demo.spec
    board_spec = spec.board
    board = SchoolBoard.objects.filter(enterprise_number=board_spec.enterprise_number).first()
    if board is None:
        board = SchoolBoard(
            name=board_spec.name,
            enterprise_number=board_spec.enterprise_number,
            street=board_spec.street,
            postal_code=board_spec.municipality.postal_code,
            city=board_spec.municipality.city,
            insurer=board_spec.insurer,
            policy_number=board_spec.policy_number,
        )
        board.full_clean()
        board.save()
    school = School(
        board=board,
        name=spec.name,
        institution_number=spec.institution_number,
        street=spec.street,
        postal_code=spec.municipality.postal_code,
        city=spec.municipality.city,
        head_name=spec.head_name,
        email=f"info@{spec.domain}",
        phone=spec.phone,
    )
    school.full_clean()
    school.save()
    demo.school = school
    demo.years = school_years_get()
    SchoolHoliday.objects.bulk_create(
        SchoolHoliday(
            school=school,
            school_year=demo.years[start_year],
            name=holiday.name,
            start_date=holiday.start,
            end_date=holiday.end,
        )
        for start_year, calendar in CALENDARS.items()
        for holiday in calendar.free_days
    )
    # The demo adds no free days after these: every check and agreement of the story reads the
    # school's holidays from its school years instead of asking the database each time.
    for school_year in demo.years.values():
        school_year_holidays_keep(school_year, school.pk)
    return school


def staff_create(demo: DemoSchool, *, password_hash: str) -> None:
    """The staff accounts, all with the demo password (hashed once: hashing is slow on purpose)."""
    for member in demo.spec.staff:
        if User.objects.filter(username__iexact=member.username).exists():
            raise DemoDataError(
                _(
                    "De gebruikersnaam ‘%(username)s’ is al in gebruik; laad de demogegevens "
                    "in een lege database."
                )
                % {"username": member.username}
            )
        user = User(
            school=demo.school,
            username=member.username,
            first_name=member.first_name,
            last_name=member.last_name,
            email=demo.email(member.first_name, member.last_name, demo.spec.domain),
            phone=demo.mobile(),
            role=member.role,
            password=password_hash,
        )
        user.full_clean()
        user.save()
        demo.staff[member.username] = user


def _timetable(demo: DemoSchool, school_class: SchoolClass) -> list[TimetableSlot]:
    """Monday to Friday, Wednesday afternoon free; 32 to 35 lessons a week."""
    lessons_per_day = [
        demo.rng.choice((7, 8)),
        8,
        4,
        demo.rng.choice((7, 8)),
        demo.rng.choice((6, 7)),
    ]
    return [
        TimetableSlot(
            school_class=school_class,
            weekday=weekday,
            start_time=datetime.time.fromisoformat(start),
            end_time=datetime.time.fromisoformat(end),
        )
        for weekday, count in enumerate(lessons_per_day)
        for start, end in LESSONS[:count]
    ]


def classes_create(demo: DemoSchool) -> dict[tuple[str, int], list[SchoolClass]]:
    """The programmes, and per school year enough parallel classes for their pupils."""
    classes: dict[tuple[str, int], list[SchoolClass]] = {}
    slots: list[TimetableSlot] = []
    for spec in demo.spec.programmes:
        programme = Programme(
            school=demo.school,
            name=spec.name,
            grade=spec.grade,
            year_in_grade=spec.year_in_grade,
            finality=spec.finality,
            requires_workplace_learning=Programme.workplace_learning_required_by_law(
                spec.grade, spec.finality
            ),
            internship_lesson_hours=spec.lesson_hours,
        )
        programme.full_clean()
        programme.save()
        demo.programmes[spec.code] = programme
        for index, start_year in enumerate((PAST_YEAR, CURRENT_YEAR)):
            pupils = spec.pupils[index] * demo.scale
            count = max(1, math.ceil(pupils / PUPILS_PER_CLASS))
            suffixes = [""] if count == 1 else [chr(ord("a") + n) for n in range(count)]
            classes[spec.code, start_year] = []
            for suffix in suffixes:
                school_class = SchoolClass.objects.create(
                    school=demo.school,
                    school_year=demo.years[start_year],
                    programme=programme,
                    name=f"{spec.school_year_number} {spec.code}{suffix}",
                )
                classes[spec.code, start_year].append(school_class)
                slots.extend(_timetable(demo, school_class))
    TimetableSlot.objects.bulk_create(slots)
    return classes


def _birth_date(demo: DemoSchool, spec: ProgrammeSpec, class_year: int) -> datetime.date:
    """Born in the year that fits the grade; some pupils are a year or two behind."""
    behind = demo.rng.choices((0, 1, 2), weights=(78, 17, 5))[0]
    year = class_year - 11 - spec.school_year_number - behind
    return datetime.date(year, 1, 1) + datetime.timedelta(days=demo.rng.randrange(365))


def pupils_create(demo: DemoSchool, classes: dict[tuple[str, int], list[SchoolClass]]) -> None:
    """The pupils of every class, each with one or two parents or guardians, written in bulk
    as ``student_create`` and ``guardian_create`` would store them."""
    batch = Batch()
    for spec in demo.spec.programmes:
        for index, class_year in enumerate((PAST_YEAR, CURRENT_YEAR)):
            groups = classes[spec.code, class_year]
            for number in range(spec.pupils[index] * demo.scale):
                female = demo.rng.random() < (0.8 if "zorg" in spec.name.lower() else 0.45)
                group = demo.name_group()
                student = _pupil_create(
                    demo, spec, class_year, groups[number % len(groups)], female, group
                )
                batch.add(student)
                demo.pupils.append(Pupil(student, spec, class_year, female))
                _guardians_create(demo, batch, student, group)
    batch.write()


def _pupil_create(
    demo: DemoSchool,
    spec: ProgrammeSpec,
    class_year: int,
    school_class: SchoolClass,
    female: bool,
    group: NameGroup,
) -> Student:
    first_name, last_name = demo.person(female=female, adult=False, group=group)
    birth_date = _birth_date(demo, spec, class_year)
    home = demo.municipality()
    return Student(
        school=demo.school,
        first_name=first_name,
        last_name=last_name,
        birth_date=birth_date,
        national_number=demo.numbers.national_number(birth_date, female=female),
        street=demo.street(),
        postal_code=home.postal_code,
        city=home.city,
        email=demo.email(first_name, last_name, f"leerling.{demo.spec.domain}"),
        phone=demo.mobile(),
        school_class=school_class,
    )


def _guardians_create(demo: DemoSchool, batch: Batch, student: Student, group: NameGroup) -> None:
    """Usually both parents; sometimes only the mother, or a guardian.

    The pupil carries the father's name; the mother kept her own. The first guardian may always
    sign; a second one sometimes may not (no parental authority, or living abroad).
    """
    rng = demo.rng
    roll = rng.random()
    relationship = Guardian.Relationship
    mother = (relationship.MOTHER, True, rng.choice(group.family_names))
    if roll < 0.04:
        people = [(relationship.GUARDIAN, rng.random() < 0.5, rng.choice(group.family_names))]
    elif roll < 0.3:
        people = [mother]
    else:
        people = [mother, (relationship.FATHER, False, student.last_name)]
        if rng.random() < 0.5:
            people.reverse()
    for position, (kind, female, last_name) in enumerate(people):
        first_name = rng.choice(group.first_names(female=female, adult=True))
        guardian = Guardian(
            student=student,
            first_name=first_name,
            last_name=last_name,
            relationship=kind,
            email=demo.email(first_name, last_name, rng.choice(EMAIL_PROVIDERS)),
            phone=demo.mobile(),
            may_sign=position == 0 or rng.random() > 0.2,
        )
        batch.add(guardian)
