"""Rest: for minors (5.2.1, and 5.3 after Sunday work), for adults the Arbeidswet (5.2.2).

Every gap between two work segments is a break, whether inside an entry or between two
entries; school counts as work. Adults (18 and over on the day) fall under the rest rules of
regular workers in the Arbeidswet of 16 March 1971: 11 consecutive hours between two working
days (art. 38ter) and a break of at least a quarter of an hour in a working day of more than
6 hours (art. 38quater); the weekly rest rules of minors do not apply to them.
"""

from collections.abc import Iterator
from itertools import pairwise

from compliance.engine.i18n import MINUTES_PER_DAY, format_clock, format_duration, gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, violation
from compliance.engine.timeline import Day, Segment, Timeline

MAX_UNINTERRUPTED = 4 * 60 + 30
SHORT_BREAK_FROM = 4 * 60 + 30
LONG_BREAK_FROM = 6 * 60
SHORT_BREAK = 30
LONG_BREAK = 60
SINGLE_BREAK = 30
DAILY_REST = 12 * 60
SUNDAY_WORK_REST = 36 * 60
SUNDAY_REST_DAYS = 6
ADULT_BREAK_FROM = 6 * 60
ADULT_BREAK = 15
ADULT_DAILY_REST = 11 * 60

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
BREAK_TOO_SHORT_ADULT = gettext_noop(
    "%(worked)s arbeid zonder een pauze van minstens 15 min aan één stuk (langste pauze: "
    "%(breaks)s); bij meer dan 6 u arbeid heeft een meerderjarige recht op een pauze van "
    "minstens een kwartier (Arbeidswet, art. 38quater)."
)
DAILY_REST_TOO_SHORT = gettext_noop(
    "Tussen het einde van het werk van de vorige dag (%(end)s) en het begin op deze dag "
    "(%(start)s) ligt slechts %(rest)s rust; een minderjarige heeft recht op minstens 12 "
    "opeenvolgende uren rust."
)
DAILY_REST_TOO_SHORT_ADULT = gettext_noop(
    "Tussen het einde van het werk van de vorige dag (%(end)s) en het begin op deze dag "
    "(%(start)s) ligt slechts %(rest)s rust; een meerderjarige heeft recht op minstens 11 "
    "opeenvolgende uren rust (Arbeidswet, art. 38ter)."
)
WEEKLY_REST_SATURDAY_OR_MONDAY = gettext_noop(
    "Naast de zondag moet een minderjarige ook de zaterdag ervoor of de maandag erna volledig "
    "vrij hebben van stage en lessen, maar op beide dagen wordt gewerkt."
)
WEEKLY_REST_NO_FREE_DAY_AFTER_SUNDAY = gettext_noop(
    "Er wordt op zondag gewerkt, maar geen van de zes dagen erna (maandag tot en met "
    "zaterdag) is volledig vrij van stage en lessen; de inhaalrust is een vrije dag met een "
    "rust van minstens 36 opeenvolgende uren."
)
WEEKLY_REST_AFTER_SUNDAY_WORK = gettext_noop(
    "Er wordt op zondag gewerkt, maar geen van de zes dagen erna (maandag tot en met "
    "zaterdag) is een vrije dag met een rust van 36 opeenvolgende uren; de langste rust duurt "
    "%(longest)s."
)


def uninterrupted_work(context: Context) -> Iterator[Violation]:
    """``uninterrupted_work`` for every stretch of contiguous work longer than 4 h 30.

    A stretch may run across entries and midnight; contiguous work is one shift in the
    timeline, so the stretch belongs to the day its first segment does and is reported there
    when that is an internship day of a minor.
    """
    first: Segment | None = None
    end = -1
    for segment in context.timeline.segments:
        # A stretch ends where the next segment does not start at the very minute it ends.
        if segment.start != end:
            if first is not None and end - first.start > MAX_UNINTERRUPTED:
                yield from _long_run(context, first, end)
            first = segment
        end = segment.end
    if first is not None and end - first.start > MAX_UNINTERRUPTED:
        yield from _long_run(context, first, end)


def _long_run(context: Context, first: Segment, end: int) -> Iterator[Violation]:
    """The violation of the stretch from segment ``first`` to minute ``end``, if it counts."""
    ordinal = first.day
    if context.timeline.day_by_ordinal[ordinal].has_internship and context.is_minor(ordinal):
        yield violation(
            Rule.UNINTERRUPTED_WORK,
            ordinal,
            UNINTERRUPTED_WORK,
            worked=format_duration(end - first.start),
            start=format_clock(first.start),
            end=format_clock(end),
        )


def break_too_short(context: Context) -> Iterator[Violation]:
    """``break_too_short`` on each internship day with too little break for the pupil's age.

    A minor (5.2.1): more than 4 h 30 of work needs 30 minutes of breaks in total; more than
    6 h needs an hour, of which one break lasts at least 30 minutes. An adult (5.2.2,
    Arbeidswet art. 38quater): more than 6 h of work needs one break of at least 15 minutes
    at once; several shorter breaks do not add up to it.
    """
    for day in context.timeline.days:
        # Up to 4 h 30 of work needs no break at any age.
        if not day.has_internship or day.work <= SHORT_BREAK_FROM:
            continue
        if context.is_minor(day.ordinal):
            found = _minor_break_violation(day)
        elif day.work > ADULT_BREAK_FROM:
            longest = _longest_break(day)
            found = (
                violation(
                    Rule.BREAK_TOO_SHORT,
                    day.ordinal,
                    BREAK_TOO_SHORT_ADULT,
                    source="5.2.2",
                    worked=format_duration(day.work),
                    breaks=format_duration(longest),
                )
                if longest < ADULT_BREAK
                else None
            )
        else:
            found = None
        if found is not None:
            yield found


def _minor_break_violation(day: Day) -> Violation | None:
    """The 5.2.1 violation of a minor's internship day of more than 4 h 30, or ``None``."""
    # The day's segments are disjoint and sorted: everything between them is break.
    total = day.last_end - day.first_start - day.work
    if day.work <= LONG_BREAK_FROM:
        if total >= SHORT_BREAK:
            return None
        return violation(
            Rule.BREAK_TOO_SHORT,
            day.ordinal,
            BREAK_TOO_SHORT_HALF_HOUR,
            worked=format_duration(day.work),
            breaks=format_duration(total),
        )
    if total < LONG_BREAK:
        return violation(
            Rule.BREAK_TOO_SHORT,
            day.ordinal,
            BREAK_TOO_SHORT_HOUR,
            worked=format_duration(day.work),
            breaks=format_duration(total),
        )
    longest = _longest_break(day)
    if longest >= SINGLE_BREAK:
        return None
    return violation(
        Rule.BREAK_TOO_SHORT,
        day.ordinal,
        BREAK_TOO_SHORT_SINGLE,
        worked=format_duration(day.work),
        longest=format_duration(longest),
    )


def _longest_break(day: Day) -> int:
    """The longest gap between two of the day's segments; 0 without any."""
    longest = 0
    for before, after in pairwise(day.segments):
        gap = after.start - before.end
        if gap > longest:
            longest = gap
    return longest


def daily_rest(context: Context) -> Iterator[Violation]:
    """``daily_rest`` on the later of two working days with too little rest between them,
    when either day has internship: 12 consecutive hours for a minor (5.2.1), 11 for an adult
    (5.2.2, Arbeidswet art. 38ter), by the pupil's age on the later day.

    Working days are the timeline's days, so a shift across midnight is one day; any two
    that follow each other are compared, which only matters when a shift reaches far into the
    day after its own.
    """
    for before, after in pairwise(context.timeline.days):
        if not (before.has_internship or after.has_internship):
            continue
        rest = after.first_start - before.last_end
        # Twelve hours are enough at any age.
        if rest >= DAILY_REST:
            continue
        minor = context.is_minor(after.ordinal)
        if rest >= (DAILY_REST if minor else ADULT_DAILY_REST):
            continue
        yield violation(
            Rule.DAILY_REST,
            after.ordinal,
            DAILY_REST_TOO_SHORT if minor else DAILY_REST_TOO_SHORT_ADULT,
            source=None if minor else "5.2.2",
            end=format_clock(before.last_end),
            start=format_clock(after.first_start),
            rest=format_duration(rest),
        )


def weekly_rest(context: Context) -> Iterator[Violation]:
    """``weekly_rest`` on the Sunday of an internship week of a minor without enough rest.

    Without work on Sunday the Saturday before or the Monday after must be free of all work
    (5.2.1). With work on Sunday the minor is owed compensatory rest in the six days after
    it (5.3): one of them, Monday to Saturday, must be a day free of all work that brings a
    rest of at least 36 consecutive hours, counted from the end of the work before it to the
    start of the work after it (so it may begin on the Sunday or run into the next one).
    Rest in the week before the Sunday does not compensate it. "On a day" means by the
    clock, school included.
    """
    timeline = context.timeline
    for week in context.weeks:
        sunday = week.sunday
        if not week.has_internship or not context.is_minor(sunday):
            continue
        sunday_start = sunday * MINUTES_PER_DAY
        monday_start = sunday_start + MINUTES_PER_DAY
        if not timeline.is_busy(sunday_start, monday_start):
            saturday_busy = timeline.is_busy(sunday_start - MINUTES_PER_DAY, sunday_start)
            monday_busy = timeline.is_busy(monday_start, monday_start + MINUTES_PER_DAY)
            if saturday_busy and monday_busy:
                yield violation(Rule.WEEKLY_REST, sunday, WEEKLY_REST_SATURDAY_OR_MONDAY)
            continue
        rests = _rests_after_sunday(timeline, monday_start)
        if rests is None:
            continue
        if not rests:
            yield violation(
                Rule.WEEKLY_REST, sunday, WEEKLY_REST_NO_FREE_DAY_AFTER_SUNDAY, source="5.3"
            )
        elif max(rests) < SUNDAY_WORK_REST:
            yield violation(
                Rule.WEEKLY_REST,
                sunday,
                WEEKLY_REST_AFTER_SUNDAY_WORK,
                source="5.3",
                longest=format_duration(max(rests)),
            )


def _rests_after_sunday(timeline: Timeline, monday_start: int) -> list[int] | None:
    """The rests around each free day of the six days from ``monday_start``, or ``None``
    when one of them is unbounded (no work before or after it)."""
    rests: list[int] = []
    for day_start in range(
        monday_start, monday_start + SUNDAY_REST_DAYS * MINUTES_PER_DAY, MINUTES_PER_DAY
    ):
        day_end = day_start + MINUTES_PER_DAY
        if not timeline.is_busy(day_start, day_end):
            rest = timeline.rest_around(day_start, day_end)
            if rest is None:
                return None
            rests.append(rest)
    return rests
