"""Writes for placements and their periods."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import (
    Host,
    Mentor,
    Placement,
    PlacementPeriod,
    School,
    SchoolClass,
    SchoolYear,
    Student,
    User,
    Workplace,
)
from internships.selectors.gate import placement_start_blockers
from internships.services.agreements import (
    agreement_follow_placement,
    placement_cancel_needs_reason,
)
from internships.services.common import model_update
from internships.signals import placement_schedule_changed

PLACEMENT_FIELDS = [
    "host",
    "workplace",
    "mentor",
    "supervisor",
    "kind",
    "start_date",
    "end_date",
    "notes",
]
PERIOD_FIELDS = [
    "kind",
    "start_date",
    "end_date",
    "weekdays",
    "every_n_weeks",
    "start_time",
    "end_time",
    "breaks",
]

ALLOWED_TRANSITIONS = {
    Placement.Status.PREPARING: {Placement.Status.STARTED, Placement.Status.CANCELLED},
    Placement.Status.STARTED: {Placement.Status.COMPLETED, Placement.Status.CANCELLED},
    Placement.Status.COMPLETED: set(),
    Placement.Status.CANCELLED: set(),
}


def _validate_placement(placement: Placement) -> None:
    """The rules that span several objects; single fields are validated by the model."""
    errors: dict[str, list[str]] = {}
    school_id = placement.school_id
    if placement.student.school_id != school_id:
        errors.setdefault("student", []).append(_("Deze leerling hoort niet bij je school."))
    if placement.host.school_id != school_id:
        errors.setdefault("host", []).append(_("Deze stagegever hoort niet bij je school."))
    if placement.workplace.host_id != placement.host_id:
        errors.setdefault("workplace", []).append(
            _("Deze stageplaats hoort niet bij de gekozen stagegever.")
        )
    if placement.mentor is not None and placement.mentor.host_id != placement.host_id:
        errors.setdefault("mentor", []).append(
            _("Deze stagementor werkt niet bij de gekozen stagegever.")
        )
    if placement.supervisor is not None and placement.supervisor.school_id != school_id:
        errors.setdefault("supervisor", []).append(
            _("De stagebegeleider moet een personeelslid van je school zijn.")
        )
    school_year = placement.school_year
    if placement.start_date and placement.end_date:
        if placement.end_date < placement.start_date:
            errors.setdefault("end_date", []).append(_("De einddatum ligt voor de begindatum."))
        elif placement.start_date not in school_year or placement.end_date not in school_year:
            errors.setdefault("end_date", []).append(
                _("Een stage valt binnen één schooljaar: van %(start)s tot en met %(end)s (4).")
                % {
                    "start": school_year.start_date.strftime("%d/%m/%Y"),
                    "end": school_year.end_date.strftime("%d/%m/%Y"),
                }
            )
        else:
            overlapping = (
                Placement.objects.active()
                .filter(
                    student_id=placement.student_id,
                    start_date__lte=placement.end_date,
                    end_date__gte=placement.start_date,
                )
                .exclude(pk=placement.pk)
                .select_related("host")
                .first()
            )
            if overlapping is not None and placement.status != Placement.Status.CANCELLED:
                errors.setdefault("start_date", []).append(
                    _(
                        "Deze leerling loopt dan al stage bij %(host)s (%(start)s – %(end)s). "
                        "Twee stages van één leerling mogen niet overlappen."
                    )
                    % {
                        "host": overlapping.host,
                        "start": overlapping.start_date.strftime("%d/%m/%Y"),
                        "end": overlapping.end_date.strftime("%d/%m/%Y"),
                    }
                )
    if placement.pk:
        outside = [
            period
            for period in placement.periods.all()
            if period.start_date < placement.start_date or period.end_date > placement.end_date
        ]
        if outside:
            errors.setdefault("start_date", []).append(
                _("Er liggen stageperiodes buiten deze data; pas eerst de periodes aan.")
            )
    if errors:
        raise ValidationError(errors)


def _save(placement: Placement, **save_kwargs: Any) -> None:
    """Saves, turning the database's overlap refusal (a race past the check) into a message."""
    try:
        with transaction.atomic():
            placement.save(**save_kwargs)
    except IntegrityError as error:
        if "placement_no_overlap" in str(error):
            raise ValidationError(
                _("Deze leerling heeft in die periode al een andere stage.")
            ) from error
        raise


@transaction.atomic
def placement_create(
    *,
    school: School,
    student: Student,
    school_year: SchoolYear,
    host: Host,
    workplace: Workplace,
    kind: str,
    start_date: datetime.date,
    end_date: datetime.date,
    mentor: Mentor | None = None,
    supervisor: User | None = None,
    notes: str = "",
    school_class: SchoolClass | None = None,
) -> Placement:
    """Creates a placement; without ``school_class`` the pupil's current class is used when it
    belongs to the placement's school year (its timetable counts as work, 5.1)."""
    if school_class is None:
        school_class = student.school_class
        if school_class is not None and school_class.school_year_id != school_year.pk:
            school_class = None
    elif school_class.school_id != school.pk or school_class.school_year_id != school_year.pk:
        raise ValidationError(
            {"school_class": [_("Kies een klas van je school in het schooljaar van de stage.")]}
        )
    placement = Placement(
        school=school,
        student=student,
        school_year=school_year,
        school_class=school_class,
        host=host,
        workplace=workplace,
        mentor=mentor,
        supervisor=supervisor,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        notes=notes,
    )
    # The rules first: their messages say more than the model's constraint names.
    _validate_placement(placement)
    placement.full_clean(exclude=["school", "student", "school_year"])
    _save(placement)
    placement_schedule_changed(placement)
    return placement


@transaction.atomic
def placement_update(*, placement: Placement, data: dict[str, Any]) -> Placement:
    changed = model_update(
        instance=placement,
        fields=PLACEMENT_FIELDS,
        data=data,
        validate=_validate_placement,
        save=_save,
    )
    if changed:
        placement_schedule_changed(placement)
    return placement


@transaction.atomic
def placement_transition(
    *,
    placement: Placement,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
) -> Placement:
    """Moves a placement along its lifecycle; an illegal move is refused.

    A placement starts only when nothing blocks it (:func:`placement_start_blockers`); its
    agreement follows: active when it starts, ended when it is completed, terminated on
    ``on`` (today by default) for ``reason`` when it is cancelled.
    """
    if status not in ALLOWED_TRANSITIONS[placement.status]:
        raise ValidationError(
            _("Een stage met status ‘%(current)s’ kan niet naar ‘%(new)s’.")
            % {
                "current": placement.get_status_display(),
                "new": Placement.Status(status).label,
            }
        )
    if status == Placement.Status.STARTED:
        blockers = placement_start_blockers(placement)
        if blockers:
            raise ValidationError(blockers)
    if (
        status == Placement.Status.CANCELLED
        and not reason.strip()
        and placement_cancel_needs_reason(placement)
    ):
        raise ValidationError(
            {"reason": [_("Geef de reden: de overeenkomst van deze stage wordt stopgezet.")]}
        )
    placement.status = status
    _save(placement, update_fields=["status", "updated_at"])
    agreement_follow_placement(
        placement=placement, on=on or timezone.localdate(), reason=reason.strip()
    )
    placement_schedule_changed(placement)
    return placement


def _validate_period(period: PlacementPeriod) -> None:
    placement = period.placement
    errors: dict[str, list[str]] = {}
    if period.start_date < placement.start_date or period.end_date > placement.end_date:
        errors["start_date"] = [
            _("Een periode valt binnen de stage: van %(start)s tot en met %(end)s.")
            % {
                "start": placement.start_date.strftime("%d/%m/%Y"),
                "end": placement.end_date.strftime("%d/%m/%Y"),
            }
        ]
    if period.start_time and period.end_time and period.daily_minutes <= 0:
        errors["end_time"] = [_("De pauzes beslaan de hele dag.")]
    if not period.weekdays:
        errors["weekdays"] = [_("Kies minstens één weekdag.")]
    elif not period.dates():
        errors["weekdays"] = [_("Tussen deze data valt geen enkele gekozen weekdag.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def period_create(
    *,
    placement: Placement,
    kind: str,
    start_date: datetime.date,
    end_date: datetime.date,
    weekdays: list[int],
    start_time: datetime.time,
    end_time: datetime.time,
    breaks: list[list[str]] | None = None,
    every_n_weeks: int = 1,
) -> PlacementPeriod:
    period = PlacementPeriod(
        placement=placement,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        weekdays=sorted(weekdays),
        every_n_weeks=every_n_weeks,
        start_time=start_time,
        end_time=end_time,
        breaks=breaks or [],
    )
    period.full_clean()
    _validate_period(period)
    period.save()
    placement_schedule_changed(placement)
    return period


@transaction.atomic
def period_update(*, period: PlacementPeriod, data: dict[str, Any]) -> PlacementPeriod:
    if "weekdays" in data:
        data = {**data, "weekdays": sorted(data["weekdays"])}
    if model_update(instance=period, fields=PERIOD_FIELDS, data=data, validate=_validate_period):
        placement_schedule_changed(period.placement)
    return period


@transaction.atomic
def period_delete(*, period: PlacementPeriod) -> None:
    placement = period.placement
    period.delete()
    placement_schedule_changed(placement)
