"""The mentor confirms or corrects a past week's hours; staff correct a week with a reason.

Confirming in one tap copies the week's planned days; a correction stores the days as they were
worked (other hours or breaks, a day not worked, an unplanned day, force majeure for overtime,
5.1). A mentor acts once per week, through their link; afterwards the supervisor or coordinator
corrects it, always with a reason. Every change is in the history, and each one checks the
pupil's year again (``attendance.services.checks``).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from attendance.models import AttendanceDay, AttendanceWeek
from attendance.selectors.weeks import WeekRow, placement_week, same_hours, week_in_placement
from attendance.services.checks import attendance_check_placement
from compliance.engine.patterns import WorkDay, minutes_between, parse_breaks
from compliance.engine.volume import half_days
from core.principals import Capability, MentorLink, Principal, StaffMember, require_capability
from internships.models import Placement
from internships.services.audit import acting_as

Status = AttendanceWeek.Status


@dataclass(frozen=True)
class WorkedDay:
    """A day as it was worked; ``breaks`` as ``[["12:00", "12:30"], ...]``."""

    date: datetime.date
    start: datetime.time
    end: datetime.time
    breaks: tuple[tuple[str, str], ...] = ()
    force_majeure: bool = False
    note: str = ""

    def as_work_day(self) -> WorkDay:
        return WorkDay(
            start=self.start,
            end=self.end,
            breaks=parse_breaks(self.breaks),
            force_majeure=self.force_majeure,
        )


def _require_own_mentor(principal: Principal, placement: Placement) -> None:
    require_capability(principal, Capability.CONFIRM_HOURS)
    if not isinstance(principal, MentorLink) or principal.mentor_id != placement.mentor_id:
        raise PermissionDenied


def _open_week(placement: Placement, monday: datetime.date, today: datetime.date) -> WeekRow:
    if placement.status not in (Placement.Status.STARTED, Placement.Status.COMPLETED):
        raise ValidationError(_("De gewerkte uren worden bevestigd zodra de stage loopt."))
    if monday.weekday() != 0 or not week_in_placement(placement, monday):
        raise ValidationError(_("Deze week valt buiten de stage."))
    week = placement_week(placement, monday, today=today)
    if not week.is_past:
        raise ValidationError(
            _("Deze week is nog niet voorbij: bevestig de uren na de laatste stagedag.")
        )
    return week


@transaction.atomic
def attendance_week_confirm(
    *,
    placement: Placement,
    monday: datetime.date,
    principal: Principal,
    today: datetime.date | None = None,
) -> AttendanceWeek:
    """The mentor confirms that the week was worked as planned: its planned days are copied."""
    _require_own_mentor(principal, placement)
    week = _open_week(placement, monday, today or timezone.localdate())
    if week.record is not None:
        raise ValidationError(_("Deze week is al bevestigd; de school kan ze nog corrigeren."))
    if not week.planned:
        raise ValidationError(
            _("In deze week was geen stage gepland; geef de gewerkte dagen in met ‘corrigeren’.")
        )
    record = AttendanceWeek(
        placement=placement,
        monday=monday,
        status=Status.CONFIRMED,
        confirmed_at=timezone.now(),
        confirmed_by_mentor=placement.mentor,
        worked_half_days=sum(half_days(day) for day in week.planned.values()),
    )
    record.full_clean()
    acting_as(record, principal)
    record.save()
    for date, day in week.planned.items():
        worked = AttendanceDay(
            week=record,
            date=date,
            start_time=day.start,
            end_time=day.end,
            breaks=[[start.strftime("%H:%M"), end.strftime("%H:%M")] for start, end in day.breaks],
            force_majeure=day.force_majeure,
        )
        acting_as(worked, principal)
        worked.save()
    attendance_check_placement(placement=placement)
    return record


def _check_days(
    placement: Placement, monday: datetime.date, days: list[WorkedDay], today: datetime.date
) -> None:
    dates = [day.date for day in days]
    if len(dates) != len(set(dates)):
        raise ValidationError(_("Elke dag staat maar één keer in de week."))
    for day in sorted(days, key=lambda day: day.date):
        label = day.date.strftime("%d/%m/%Y")
        if not monday <= day.date <= monday + datetime.timedelta(days=6):
            raise ValidationError(_("%(day)s valt buiten deze week.") % {"day": label})
        if not placement.start_date <= day.date <= placement.end_date:
            raise ValidationError(
                _("%(day)s valt buiten de stage (%(start)s – %(end)s).")
                % {
                    "day": label,
                    "start": placement.start_date.strftime("%d/%m/%Y"),
                    "end": placement.end_date.strftime("%d/%m/%Y"),
                }
            )
        if day.date > today:
            raise ValidationError(_("%(day)s ligt nog in de toekomst.") % {"day": label})
        if day.start == day.end:
            raise ValidationError(
                _("%(day)s: begin- en eindtijd mogen niet gelijk zijn.") % {"day": label}
            )
        _check_breaks(day, label)
    by_date = {day.date: day for day in days}
    for day in days:
        following = by_date.get(day.date + datetime.timedelta(days=1))
        if following is None or day.end > day.start:
            continue
        # The day runs past midnight until its end time: the next day starts after that.
        if following.start < day.end:
            raise ValidationError(
                _("%(day)s loopt door tot na het begin van de volgende dag.")
                % {"day": day.date.strftime("%d/%m/%Y")}
            )


def _offset(start: datetime.time, moment: datetime.time) -> int:
    """Minutes from ``start`` to the next ``moment`` at or after it (a day may pass midnight)."""
    return minutes_between(start, moment) % (24 * 60)


def _check_breaks(day: WorkedDay, label: str) -> None:
    """Each break lies within the day's work time, and breaks do not overlap (5.2.1)."""
    duration = minutes_between(day.start, day.end)
    pauses = sorted(
        (_offset(day.start, start), _offset(day.start, end))
        for start, end in parse_breaks(day.breaks)
    )
    previous_end = 0
    for start, end in pauses:
        if not start < end <= duration:
            raise ValidationError(
                _("%(day)s: een pauze valt binnen de werktijd en eindigt na haar begin.")
                % {"day": label}
            )
        if start < previous_end:
            raise ValidationError(
                _("%(day)s: pauzes mogen elkaar niet overlappen.") % {"day": label}
            )
        previous_end = end


def _replace_days(record: AttendanceWeek, days: list[WorkedDay], principal: Principal) -> None:
    """Updates, removes and adds the week's days, so the history shows each day's change."""
    existing = {day.date: day for day in record.days.all()}
    wanted = {day.date: day for day in days}
    for date, stored in existing.items():
        if date not in wanted:
            acting_as(stored, principal)
            stored.delete()
    for date, day in sorted(wanted.items()):
        stored = existing.get(date) or AttendanceDay(week=record, date=date)
        values = {
            "start_time": day.start,
            "end_time": day.end,
            "breaks": [list(pair) for pair in day.breaks],
            "force_majeure": day.force_majeure,
            "note": day.note,
        }
        if stored.pk and all(getattr(stored, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(stored, name, value)
        stored.full_clean(exclude=["week"])
        acting_as(stored, principal)
        stored.save()
    record.refresh_from_db(fields=["days"])  # the days read before the change are stale


@transaction.atomic
def attendance_week_correct(
    *,
    placement: Placement,
    monday: datetime.date,
    principal: Principal,
    days: list[WorkedDay],
    reason: str = "",
    today: datetime.date | None = None,
) -> AttendanceWeek:
    """Stores the week as it was worked: ``days`` are all the days worked that week.

    The mentor corrects a week that is not confirmed yet; staff (who see the placement) correct
    any past week, with a reason. The week is *confirmed as planned* when the days equal the
    plan, else *corrected*.
    """
    today = today or timezone.localdate()
    match principal:
        case MentorLink():
            _require_own_mentor(principal, placement)
        case StaffMember():
            if not reason.strip():
                raise ValidationError({"reason": [_("Geef de reden van de correctie.")]})
        case _:
            raise PermissionDenied
    week = _open_week(placement, monday, today)
    if isinstance(principal, MentorLink) and week.record is not None:
        raise ValidationError(
            _("Deze week is al bevestigd; vraag de stagebegeleider om ze te corrigeren.")
        )
    _check_days(placement, monday, days, today)
    as_planned = set(week.planned) == {day.date for day in days} and all(
        same_hours(week.planned[day.date], day.as_work_day()) for day in days
    )
    record = week.record or AttendanceWeek(placement=placement, monday=monday)
    record.status = Status.CONFIRMED if as_planned else Status.CORRECTED
    record.confirmed_at = timezone.now()
    if isinstance(principal, MentorLink):
        record.confirmed_by_mentor = placement.mentor
    else:
        record.confirmed_by = principal.user
        record.reason = reason.strip()
    record.worked_half_days = sum(half_days(day.as_work_day()) for day in days)
    record.full_clean()
    acting_as(record, principal)
    record.save()
    _replace_days(record, days, principal)
    attendance_check_placement(placement=placement)
    return record
