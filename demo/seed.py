"""Seeds the demo schools; the command only parses options and reports."""

import random
from collections.abc import Iterator
from contextlib import contextmanager

from celery import current_app
from django.db import models, transaction
from django.test.utils import override_settings
from django.utils.translation import ngettext

from attendance.models import AttendanceWeek, Incident
from core.storage import private_storage
from demo.agreements import AgreementDesk
from demo.attendance import attendance_seed
from demo.builders import (
    DemoSchool,
    classes_create,
    pupils_create,
    school_create,
    staff_create,
)
from demo.calendar import REFERENCE_DATE
from demo.evaluations import evaluations_seed
from demo.hosts import hosts_create
from demo.identifiers import NumberSource
from demo.lifecycle import placements_prepare_and_run
from demo.logbook import logbook_seed
from demo.placements import placements_create
from demo.schools import SCHOOLS
from demo.specs import SEED, SchoolSpec
from demo.surveys import surveys_seed
from demo.travel import travel_seed
from evaluations.models import Criterion, Evaluation
from internships.models import (
    Absence,
    Activity,
    ActivityList,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    Guardian,
    HealthAssessment,
    Host,
    MakeUpPlacement,
    Mentor,
    Notification,
    Placement,
    PlacementPeriod,
    Programme,
    ProgrammeActivity,
    RiskAssessment,
    School,
    SchoolClass,
    SchoolHoliday,
    SchoolYear,
    Signature,
    Student,
    TimetableSlot,
    User,
    Visit,
    Workplace,
    WorkstationSheet,
)
from logbook.models import LogbookEntry
from surveys.models import SurveyResponse

DEMO_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@contextmanager
def demo_mailbox() -> Iterator[None]:
    """The demo's e-mails are sent at once, in this process, to an in-memory mailbox, also when
    a broker is configured: the outbox shows them as sent and nobody receives them."""
    celery = current_app.conf
    eager = celery.task_always_eager
    celery.task_always_eager = True
    try:
        with override_settings(EMAIL_BACKEND=DEMO_EMAIL_BACKEND):
            yield
    finally:
        celery.task_always_eager = eager


COUNTED: tuple[type[models.Model], ...] = (
    School,
    SchoolYear,
    Programme,
    SchoolClass,
    SchoolHoliday,
    TimetableSlot,
    User,
    Student,
    Guardian,
    Host,
    Workplace,
    Mentor,
    Placement,
    PlacementPeriod,
    Absence,
    MakeUpPlacement,
    Visit,
    ProgrammeActivity,
    ActivityList,
    Activity,
    RiskAssessment,
    WorkstationSheet,
    HealthAssessment,
    GroupAgreement,
    Agreement,
    AgreementVersion,
    Signature,
    Criterion,
    Evaluation,
    AttendanceWeek,
    Incident,
    LogbookEntry,
    SurveyResponse,
    Notification,
)


def model_counts() -> dict[type[models.Model], int]:
    return {model: model.objects.count() for model in COUNTED}


def count_label(model: type[models.Model], count: int) -> str:
    """``12 leerlingen``, ``1 inhaalstage``: a count with the model's Dutch name."""
    if model is TimetableSlot:
        return ngettext(
            "%(count)d lesuur in de lessenroosters", "%(count)d lesuren in de lessenroosters", count
        ) % {"count": count}
    if model is User:
        return ngettext("%(count)d personeelslid", "%(count)d personeelsleden", count) % {
            "count": count
        }
    meta = model._meta
    return f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}"


def missing_schools() -> list[SchoolSpec]:
    """The demo schools not in the database yet, recognised by their institution number."""
    present = set(
        School.objects.filter(
            institution_number__in=[spec.institution_number for spec in SCHOOLS]
        ).values_list("institution_number", flat=True)
    )
    return [spec for spec in SCHOOLS if spec.institution_number not in present]


def demo_school_seed(
    spec: SchoolSpec, *, scale: int, password_hash: str, files: list[str] | None = None
) -> School:
    """Creates one demo school with everything in it, reproducibly for a given scale.

    The placements and their periods are created first, and each pupil's year checked once at
    the end of that step; only then are they prepared, signed and started, so the gate before
    each start reads checked schedules. ``files`` collects the documents written to storage.
    """
    rng = random.Random(f"{SEED}-{spec.institution_number}-{scale}")
    board_numbers = {other.board.enterprise_number for other in SCHOOLS}
    demo = DemoSchool(spec=spec, scale=scale, rng=rng, numbers=NumberSource(rng, board_numbers))
    if files is not None:
        demo.files = files
    with transaction.atomic():
        school = school_create(demo)
        staff_create(demo, password_hash=password_hash)
        classes = classes_create(demo)
        hosts_create(demo)
        pupils_create(demo, classes)
        desk = AgreementDesk(demo, demo.coordinator)
        intents = placements_create(demo, desk)
        placements_prepare_and_run(demo, intents, desk)
        follow_up_seed(school, rng)
    return school


def follow_up_seed(school: School, rng: random.Random) -> None:
    """What happened during and after the internships: the apps of the follow-up each add
    theirs through their own services, as of the demo's reference date."""
    travel_seed(school=school, today=REFERENCE_DATE, rng=rng)
    attendance_seed(school=school, today=REFERENCE_DATE, rng=rng)
    evaluations_seed(school=school, today=REFERENCE_DATE, rng=rng)
    logbook_seed(school=school, today=REFERENCE_DATE, rng=rng)
    surveys_seed(school=school, today=REFERENCE_DATE, rng=rng)


def demo_data_seed(specs: list[SchoolSpec], *, scale: int, password_hash: str) -> None:
    """The demo schools in one transaction. When it fails the database is left unchanged, and
    the documents already written are removed again. The e-mails the demo's story sends go to
    an in-memory mailbox: they are in the outbox as sent, and nobody receives them."""
    files: list[str] = []
    try:
        with demo_mailbox(), transaction.atomic():
            for spec in specs:
                demo_school_seed(spec, scale=scale, password_hash=password_hash, files=files)
    except BaseException:
        storage = private_storage()
        for name in files:
            storage.delete(name)
        raise
