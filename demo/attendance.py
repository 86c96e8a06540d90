"""The hours worked in the demo: past weeks confirmed by the mentors, most as planned, some
corrected — a shorter day, an hour of overtime in force majeure with its compensatory rest the
week after (5.1), a day not worked —, the last week or two still waiting, and a couple of
incidents (``demo.incidents``), each mentor through their own portal link.

The weeks, thousands at scale 10, are written in bulk as ``attendance_week_confirm`` and
``attendance_week_correct`` would store them, with the same history (``demo.bulk``); each pupil's
year is then checked once, by the service.
"""

import datetime
import random
from collections.abc import Iterator

from django.utils import timezone

from attendance.models import AttendanceDay, AttendanceWeek
from attendance.selectors.weeks import ATTENDANCE_STATUSES, WeekRow, same_hours, weeks_by_placement
from attendance.services.checks import attendance_check_placement
from attendance.services.weeks import WorkedDay
from compliance.engine.patterns import WorkDay
from compliance.engine.volume import half_days
from demo.bulk import Batch, link_reason
from demo.incidents import IncidentDesk
from demo.links import PortalLinks
from internships.models import AccessLink, Mentor, Placement, School, SchoolYear
from internships.selectors.schedules import school_year_holidays_keep

Status = AttendanceWeek.Status
WEEK = datetime.timedelta(days=7)
HOUR = datetime.timedelta(hours=1)
FORCE_MAJEURE, SHORTER, NOT_WORKED, AS_PLANNED = "force_majeure", "shorter", "not_worked", "planned"
# Each school shows every kind of correction once, then mostly weeks worked as planned.
SHOWN_FIRST = (FORCE_MAJEURE, SHORTER, NOT_WORKED)
LATER = (AS_PLANNED,) * 14 + (SHORTER, NOT_WORKED)
NOTES = {
    FORCE_MAJEURE: "Dringende herstelling aan de koelcel: een uur langer gebleven (overmacht).",
    SHORTER: "Een uur vroeger naar huis (afspraak bij de tandarts).",
    NOT_WORKED: "Ziek thuis gebleven.",
    "rest": "Een uur vroeger weg: inhaalrust voor het overwerk van vorige week.",
}
INCIDENTS = (
    ("near_miss", "Bijna uitgegleden op een natte vloer; de vloer was niet afgebakend."),
    ("work_accident", "Kleine snijwonde aan de hand; verzorgd door de EHBO-verantwoordelijke."),
    ("behaviour", "Twee keer te laat gekomen zonder te verwittigen; besproken met de leerling."),
    ("other", "De leerling voelde zich niet goed en is in overleg met de ouders naar huis."),
)


def _clock(moment: datetime.time) -> str:
    return moment.strftime("%H:%M")


def _shifted(moment: datetime.time, delta: datetime.timedelta) -> datetime.time | None:
    """``moment`` moved by ``delta`` on the same day; None when that leaves the day."""
    moved = datetime.datetime.combine(datetime.date.min, moment) + delta
    return moved.time() if moved.date() == datetime.date.min else None


def _worked(date: datetime.date, day: WorkDay, **changes) -> WorkedDay:
    values = {
        "date": date,
        "start": day.start,
        "end": day.end,
        "breaks": tuple((_clock(start), _clock(end)) for start, end in day.breaks),
        "force_majeure": day.force_majeure,
    }
    return WorkedDay(**{**values, **changes})


def _end_moved(date: datetime.date, day: WorkDay, delta: datetime.timedelta, **changes):
    """The day ending ``delta`` later (or earlier), keeping the breaks that still fit."""
    end = _shifted(day.end, delta)
    if end is None or day.end <= day.start or end <= day.start:
        return None
    breaks = tuple((_clock(start), _clock(stop)) for start, stop in day.breaks if stop <= end)
    return _worked(date, day, end=end, breaks=breaks, **changes)


def _corrected_days(week: WeekRow, kind: str) -> list[WorkedDay] | None:
    """The week's days with one of them changed as ``kind`` says; None when it cannot be."""
    planned = sorted(week.planned.items())
    days = [_worked(date, day) for date, day in planned]
    first_date, first_day = planned[0]
    if kind == NOT_WORKED:
        return days[1:] if len(days) > 1 else None
    if kind == SHORTER:
        changed = _end_moved(first_date, first_day, -HOUR, note=NOTES[SHORTER])
    elif kind == FORCE_MAJEURE:
        changed = _end_moved(
            first_date, first_day, HOUR, force_majeure=True, note=NOTES[FORCE_MAJEURE]
        )
    else:
        changed = _end_moved(first_date, first_day, -HOUR, note=NOTES["rest"])
    return None if changed is None else [changed, *days[1:]]


class AttendanceDesk:
    """Confirms the weeks of one demo school as its mentors would."""

    def __init__(self, school: School, today: datetime.date, rng: random.Random) -> None:
        self.school = school
        self.today = today
        self.rng = rng

        self.still_to_show = list(SHOWN_FIRST)
        self.batch = Batch()
        self.links = PortalLinks(school, self.batch)

    def mentor(self, mentor: Mentor) -> AccessLink:
        """The mentor's portal link (one per mentor: a new link stops the earlier one)."""
        return self.links.of(mentor=mentor)

    def placements(self) -> list[Placement]:
        """The placements that started, without confirmed weeks yet (a second run adds none).
        Those of one school year share one school year object, which keeps the school's
        holidays: the checks of its pupils read them from there, not each from the database."""
        placements = list(
            Placement.objects.filter(
                school=self.school,
                status__in=ATTENDANCE_STATUSES,
                mentor__isnull=False,
                start_date__lt=self.today,
            )
            .exclude(pk__in=AttendanceWeek.objects.values("placement_id"))
            .select_related("student", "mentor", "host", "supervisor", "school_year")
            .order_by("start_date", "pk")
        )
        years: dict[int, SchoolYear] = {}
        for placement in placements:
            placement.school_year = years.setdefault(
                placement.school_year_id, placement.school_year
            )
        for school_year in years.values():
            school_year_holidays_keep(school_year, self.school.pk)
        return placements

    def weeks_to_confirm(self, weeks: list[WeekRow]) -> list[WeekRow]:
        """The past weeks, except those of the last week or two."""
        waiting = self.rng.choice((1, 2))
        cutoff = self.today - waiting * WEEK
        return [week for week in weeks if week.awaits_confirmation and week.sunday < cutoff]

    def kinds(self, weeks: list[WeekRow]) -> Iterator[tuple[WeekRow, str]]:
        """Each week with what happened in it; overtime only when the next week gives the rest."""
        index = 0
        while index < len(weeks):
            week = weeks[index]
            follows = index + 1 < len(weeks) and weeks[index + 1].monday == week.monday + WEEK
            wanted = [kind for kind in self.still_to_show if kind != FORCE_MAJEURE or follows]
            kind = wanted[0] if wanted else self.rng.choice(LATER)
            if kind == FORCE_MAJEURE:
                yield week, FORCE_MAJEURE
                yield weeks[index + 1], "rest"
                index += 2
            else:
                yield week, kind
                index += 1
            if kind in self.still_to_show:
                self.still_to_show.remove(kind)

    def confirm(self, placement: Placement, week: WeekRow, kind: str) -> None:
        """The mentor confirms the week as planned or corrects it, as ``attendance_week_confirm``
        and ``attendance_week_correct`` would store it."""
        link = self.mentor(placement.mentor)
        days = None if kind == AS_PLANNED else _corrected_days(week, kind)
        record = AttendanceWeek(
            placement=placement,
            monday=week.monday,
            confirmed_at=timezone.now(),
            confirmed_by_mentor=placement.mentor,
        )
        if days is None:
            record.status = Status.CONFIRMED
            worked = [
                AttendanceDay(
                    week=record,
                    date=date,
                    start_time=day.start,
                    end_time=day.end,
                    breaks=[[_clock(start), _clock(end)] for start, end in day.breaks],
                    force_majeure=day.force_majeure,
                )
                for date, day in week.planned.items()
            ]
        else:
            as_planned = set(week.planned) == {day.date for day in days} and all(
                same_hours(week.planned[day.date], day.as_work_day()) for day in days
            )
            record.status = Status.CONFIRMED if as_planned else Status.CORRECTED
            worked = [
                AttendanceDay(
                    week=record,
                    date=day.date,
                    start_time=day.start,
                    end_time=day.end,
                    breaks=[list(pause) for pause in day.breaks],
                    force_majeure=day.force_majeure,
                    note=day.note,
                )
                for day in sorted(days, key=lambda day: day.date)
            ]
        record.worked_half_days = sum(half_days(day.as_work_day()) for day in worked)
        reason = link_reason(link)
        self.batch.add(record, reason=reason)
        for day in worked:
            self.batch.add(day, reason=reason)

    def incidents(self, worked: list[tuple[Placement, WeekRow]]) -> None:
        """A couple of incidents, reported by the mentors on a day that was worked."""
        desk = IncidentDesk(self.school, self.batch)
        count = min(len(worked), max(2, len(worked) // 20))
        for number, (placement, week) in enumerate(self.rng.sample(worked, count)):
            kind, description = INCIDENTS[number % len(INCIDENTS)]
            link = self.mentor(placement.mentor)
            day = self.rng.choice(sorted(week.planned))
            desk.report(placement, link, date=day, kind=kind, text=description)
        desk.write()
        self.batch.write()

    def run(self) -> None:
        """Confirms the weeks, reports the incidents, then checks each pupil-year with confirmed
        weeks once, in the order they came (as ``attendance_checks_deferred`` would)."""
        placements = self.placements()
        weeks = weeks_by_placement(placements, today=self.today)
        worked = []
        pupil_years: dict[tuple[int, int], Placement] = {}
        for placement in placements:
            for week, kind in self.kinds(self.weeks_to_confirm(weeks[placement.pk])):
                self.confirm(placement, week, kind)
                worked.append((placement, week))
                pupil_years.setdefault((placement.student_id, placement.school_year_id), placement)
        self.batch.write()
        self.incidents(worked)
        for placement in pupil_years.values():
            attendance_check_placement(placement=placement)


def attendance_seed(*, school: School, today: datetime.date, rng: random.Random) -> None:
    """Confirms the demo school's past weeks as of ``today`` and reports a couple of incidents;
    a second run changes nothing."""
    AttendanceDesk(school, today, rng).run()
