"""Rest for minors (5.2.1, and 5.3 for the week with Sunday work).

Every gap between two work segments is a break, whether inside an entry or between two
entries; school counts as work.
"""

from collections.abc import Iterator, Sequence
from itertools import pairwise

from compliance.engine.i18n import MINUTES_PER_DAY, format_clock, format_duration, gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, violation
from compliance.engine.timeline import Segment

MAX_UNINTERRUPTED = 4 * 60 + 30
SHORT_BREAK_FROM = 4 * 60 + 30
LONG_BREAK_FROM = 6 * 60
SHORT_BREAK = 30
LONG_BREAK = 60
SINGLE_BREAK = 30
DAILY_REST = 12 * 60
SUNDAY_WORK_REST = 36 * 60

UNINTERRUPTED_WORK = gettext_noop(
    "%(worked)s arbeid zonder pauze (%(start)s–%(end)s); een minderjarige mag hoogstens "
    "4 u 30 min ononderbroken werken."
)
BREAK_TOO_SHORT_HALF_HOUR = gettext_noop(
    "%(worked)s arbeid met %(breaks)s pauze; bij meer dan 4 u 30 min arbeid heeft een "
    "minderjarige recht op minstens 30 min pauze."
)
BREAK_TOO_SHORT_HOUR = gettext_noop(
    "%(worked)s arbeid met %(breaks)s pauze; bij meer dan 6 u arbeid heeft een minderjarige "
    "recht op minstens 1 u pauze."
)
BREAK_TOO_SHORT_SINGLE = gettext_noop(
    "%(worked)s arbeid zonder een pauze van minstens 30 min aan één stuk (langste pauze: "
    "%(longest)s); bij meer dan 6 u arbeid moet een minderjarige een half uur pauze ineens "
    "krijgen."
)
DAILY_REST_TOO_SHORT = gettext_noop(
    "Tussen het einde van het werk van de vorige dag (%(end)s) en het begin op deze dag "
    "(%(start)s) ligt slechts %(rest)s rust; een minderjarige heeft recht op minstens 12 "
    "opeenvolgende uren rust."
)
WEEKLY_REST_SATURDAY_OR_MONDAY = gettext_noop(
    "Naast de zondag moet een minderjarige ook de zaterdag ervoor of de maandag erna volledig "
    "vrij hebben van stage en lessen, maar op beide dagen wordt gewerkt."
)
WEEKLY_REST_AFTER_SUNDAY_WORK = gettext_noop(
    "Er wordt op zondag gewerkt, maar deze week (maandag tot zondag) bevat geen rust van 36 "
    "opeenvolgende uren; de langste rust duurt %(longest)s."
)


def uninterrupted_work(context: Context) -> Iterator[Violation]:
    """``uninterrupted_work`` for every stretch of contiguous work longer than 4 h 30.

    A stretch may run across entries and midnight; it is reported on each internship day,
    for a minor, whose entries take part in it.
    """
    segments = context.timeline.segments
    run_from = 0
    # A stretch ends where the next segment does not start at the very minute this one ends.
    for index in range(1, len(segments) + 1):
        if index == len(segments) or segments[index].start != segments[index - 1].end:
            if segments[index - 1].end - segments[run_from].start > MAX_UNINTERRUPTED:
                yield from _long_run(context, segments[run_from:index])
            run_from = index


def _long_run(context: Context, run: Sequence[Segment]) -> Iterator[Violation]:
    for ordinal in sorted({segment.day for segment in run}):
        if context.timeline.day_by_ordinal[ordinal].has_internship and context.is_minor(ordinal):
            yield violation(
                Rule.UNINTERRUPTED_WORK,
                ordinal,
                UNINTERRUPTED_WORK,
                worked=format_duration(run[-1].end - run[0].start),
                start=format_clock(run[0].start),
                end=format_clock(run[-1].end),
            )


def break_too_short(context: Context) -> Iterator[Violation]:
    """``break_too_short`` on each internship day of a minor with too little break.

    More than 4 h 30 of work needs 30 minutes of breaks in total; more than 6 h needs an
    hour, of which one break lasts at least 30 minutes.
    """
    for day in context.timeline.days:
        if (
            day.work <= SHORT_BREAK_FROM
            or not day.has_internship
            or not context.is_minor(day.ordinal)
        ):
            continue
        # The day's segments are disjoint and sorted: everything between them is break.
        total = day.last_end - day.first_start - day.work
        if day.work <= LONG_BREAK_FROM:
            if total < SHORT_BREAK:
                yield violation(
                    Rule.BREAK_TOO_SHORT,
                    day.ordinal,
                    BREAK_TOO_SHORT_HALF_HOUR,
                    worked=format_duration(day.work),
                    breaks=format_duration(total),
                )
        elif total < LONG_BREAK:
            yield violation(
                Rule.BREAK_TOO_SHORT,
                day.ordinal,
                BREAK_TOO_SHORT_HOUR,
                worked=format_duration(day.work),
                breaks=format_duration(total),
            )
        else:
            longest = max(after.start - before.end for before, after in pairwise(day.segments))
            if longest < SINGLE_BREAK:
                yield violation(
                    Rule.BREAK_TOO_SHORT,
                    day.ordinal,
                    BREAK_TOO_SHORT_SINGLE,
                    worked=format_duration(day.work),
                    longest=format_duration(longest),
                )


def daily_rest(context: Context) -> Iterator[Violation]:
    """``daily_rest`` on the later of two consecutive work days with less than 12 h between
    them, when the pupil is a minor on that day and either day has internship.
    """
    for before, after in pairwise(context.timeline.days):
        if (
            after.ordinal != before.ordinal + 1
            or not (before.has_internship or after.has_internship)
            or not context.is_minor(after.ordinal)
        ):
            continue
        rest = after.first_start - before.last_end
        if rest < DAILY_REST:
            yield violation(
                Rule.DAILY_REST,
                after.ordinal,
                DAILY_REST_TOO_SHORT,
                end=format_clock(before.last_end),
                start=format_clock(after.first_start),
                rest=format_duration(rest),
            )


def weekly_rest(context: Context) -> Iterator[Violation]:
    """``weekly_rest`` on the Sunday of an internship week of a minor without enough rest.

    Without work on Sunday the Saturday before or the Monday after must be free of all work
    (5.2.1). With work on Sunday the week, Monday 00:00 to Monday 00:00, must instead hold a
    rest of 36 consecutive hours (5.3). "On a day" means by the clock, school included.
    """
    timeline = context.timeline
    for week in context.weeks:
        sunday = week.sunday
        if not week.has_internship or not context.is_minor(sunday):
            continue
        sunday_start = sunday * MINUTES_PER_DAY
        if not timeline.is_busy(sunday_start, sunday_start + MINUTES_PER_DAY):
            saturday_busy = timeline.is_busy(sunday_start - MINUTES_PER_DAY, sunday_start)
            monday_start = sunday_start + MINUTES_PER_DAY
            monday_busy = timeline.is_busy(monday_start, monday_start + MINUTES_PER_DAY)
            if saturday_busy and monday_busy:
                yield violation(Rule.WEEKLY_REST, sunday, WEEKLY_REST_SATURDAY_OR_MONDAY)
            continue
        week_start = week.monday * MINUTES_PER_DAY
        week_end = week_start + 7 * MINUTES_PER_DAY
        longest = _longest_rest(timeline.overlapping(week_start, week_end), week_start, week_end)
        if longest < SUNDAY_WORK_REST:
            yield violation(
                Rule.WEEKLY_REST,
                sunday,
                WEEKLY_REST_AFTER_SUNDAY_WORK,
                source="5.3",
                longest=format_duration(longest),
            )


def _longest_rest(segments: Sequence[Segment], start: int, end: int) -> int:
    """The longest time without work in ``[start, end)``, given the segments overlapping it."""
    longest = 0
    free_from = start
    for segment in segments:
        longest = max(longest, segment.start - free_from)
        free_from = max(free_from, segment.end)
    return max(longest, end - free_from)
