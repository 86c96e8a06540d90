"""Working time (5.1): 8 hours a day, 38 a week, 1200 internship hours a school year.

Overtime is allowed only in force majeure. The limits apply to the regular work, i.e. all
work except internship entries marked ``force_majeure``: a day whose regular work already
exceeds 8 hours breaks the rule whatever else happens that day, and only the force majeure
work on top of it turns into an ``overtime_notice`` warning. This also makes removing an
entry never create a ``daily_max`` or ``weekly_max`` error.
"""

from collections.abc import Iterator, Mapping

from compliance.engine.i18n import format_day, format_duration, gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, Week, violation
from compliance.engine.timeline import Day

DAY_LIMIT = 8 * 60
WEEK_LIMIT = 38 * 60
YEAR_LIMIT = 1200 * 60

DAILY_MAX = gettext_noop(
    "%(worked)s arbeid op één dag (stage en lessen samen, zonder pauzes); "
    "het maximum is 8 u per dag."
)
DAILY_MAX_DESPITE_FORCE_MAJEURE = gettext_noop(
    "Ook zonder het overwerk door overmacht telt deze dag %(worked)s arbeid; "
    "het maximum is 8 u per dag."
)
WEEKLY_MAX = gettext_noop(
    "%(worked)s arbeid in deze week (stage en lessen samen, zonder pauzes); "
    "het maximum is 38 u per week."
)
WEEKLY_MAX_DESPITE_FORCE_MAJEURE = gettext_noop(
    "Ook zonder het overwerk door overmacht telt deze week %(worked)s arbeid; "
    "het maximum is 38 u per week."
)
OVERTIME_DAY = gettext_noop(
    "Overwerk door overmacht: %(worked)s arbeid op deze dag, %(overtime)s boven 8 u. "
    "De stagegever moet dit binnen 3 dagen schriftelijk melden aan de inspecteur van "
    "Toezicht op de Sociale Wetten."
)
OVERTIME_WEEK = gettext_noop(
    "Overwerk door overmacht: %(worked)s arbeid in deze week, %(overtime)s boven 38 u. "
    "De stagegever moet dit binnen 3 dagen schriftelijk melden aan de inspecteur van "
    "Toezicht op de Sociale Wetten."
)
OVERTIME_DAY_AND_WEEK = gettext_noop(
    "Overwerk door overmacht: %(day_worked)s arbeid op deze dag (%(day_overtime)s boven 8 u) "
    "en %(week_worked)s in deze week (%(week_overtime)s boven 38 u). De stagegever moet dit "
    "binnen 3 dagen schriftelijk melden aan de inspecteur van Toezicht op de Sociale Wetten."
)
COMPENSATORY_REST = gettext_noop(
    "Overwerk door overmacht in deze week (%(overtime)s) vraagt evenveel inhaalrust na het "
    "overwerk en vóór het einde van de volgende week: van %(first)s tot en met %(last)s mag er "
    "hoogstens %(allowed)s arbeid zijn, maar het rooster telt er %(worked)s."
)
YEARLY_MAX = gettext_noop(
    "Vanaf deze dag overschrijdt de stage 1200 u in het schooljaar; "
    "in totaal is er %(total)s stage gepland."
)


def daily_max(context: Context) -> Iterator[Violation]:
    """``daily_max`` on each internship day whose regular work exceeds 8 hours."""
    for day in context.timeline.days:
        if day.has_internship and day.regular_work > DAY_LIMIT:
            template = DAILY_MAX_DESPITE_FORCE_MAJEURE if day.has_force_majeure else DAILY_MAX
            yield violation(
                Rule.DAILY_MAX, day.ordinal, template, worked=format_duration(day.regular_work)
            )


def weekly_max(context: Context) -> Iterator[Violation]:
    """``weekly_max`` on the Monday of each internship week whose regular work exceeds 38 h."""
    for week in context.weeks:
        if week.has_internship and week.regular_work > WEEK_LIMIT:
            template = WEEKLY_MAX_DESPITE_FORCE_MAJEURE if week.has_force_majeure else WEEKLY_MAX
            yield violation(
                Rule.WEEKLY_MAX, week.monday, template, worked=format_duration(week.regular_work)
            )


def overtime_notice(context: Context) -> Iterator[Violation]:
    """``overtime_notice`` warnings: a force majeure day over 8 h, a force majeure week over 38 h.

    The week's notice is dated its Monday; when that Monday is itself an overtime day, one
    notice names both.
    """
    for week in context.weeks:
        # Overtime is force majeure work; most weeks have none.
        if not week.has_force_majeure:
            continue
        week_overtime = _week_has_overtime(week)
        for day in week.days:
            if not _day_has_overtime(day):
                continue
            if week_overtime and day.ordinal == week.monday:
                yield violation(
                    Rule.OVERTIME_NOTICE,
                    day.ordinal,
                    OVERTIME_DAY_AND_WEEK,
                    day_worked=format_duration(day.work),
                    day_overtime=format_duration(day.work - DAY_LIMIT),
                    week_worked=format_duration(week.work),
                    week_overtime=format_duration(week.work - WEEK_LIMIT),
                )
                week_overtime = False
            else:
                yield violation(
                    Rule.OVERTIME_NOTICE,
                    day.ordinal,
                    OVERTIME_DAY,
                    worked=format_duration(day.work),
                    overtime=format_duration(day.work - DAY_LIMIT),
                )
        if week_overtime:
            yield violation(
                Rule.OVERTIME_NOTICE,
                week.monday,
                OVERTIME_WEEK,
                worked=format_duration(week.work),
                overtime=format_duration(week.work - WEEK_LIMIT),
            )


def compensatory_rest(context: Context) -> Iterator[Violation]:
    """``compensatory_rest`` on the Monday of a week W with force majeure overtime whose
    compensatory rest does not fit after the overtime and before the end of week W+1 (5.1).

    The rest equals the overtime and follows it: a lighter day before the overtime is no
    compensatory rest. Without the host's normal timetable the engine measures rest against
    the normal limits. From an overtime day ``d`` (a force majeure day over 8 h, or any force
    majeure day in a week over 38 h) to the Sunday of W+1 the work may not exceed

    ``min(C, 38 h − work of W before d) + 38 h``

    where ``C`` sums 8 h for each weekday Monday–Friday from ``d`` to W's Sunday and, for a
    worked Saturday or Sunday among them, that day's work up to 8 h: a free weekday is rest,
    a free weekend day is not, and W+1 offers its 38 h. Work beyond those limits is overtime
    still owed as rest, so the check is that no work is left beyond them. It holds from every
    overtime day of W, so each overtime's rest comes after it. The total overtime shown is
    the larger of W's work beyond 8 h a day and beyond 38 h.
    """
    day_by_ordinal = context.timeline.day_by_ordinal
    work_by_monday = {week.monday: week.work for week in context.weeks}
    for week in context.weeks:
        if not week.has_force_majeure:
            continue
        week_overtime = _week_has_overtime(week)
        if not week_overtime and not any(map(_day_has_overtime, week.days)):
            continue
        next_sunday = week.sunday + 7
        next_week = work_by_monday.get(week.monday + 7, 0)
        before = 0
        for day in week.days:
            if day.has_force_majeure and (week_overtime or day.work > DAY_LIMIT):
                worked = week.work - before + next_week
                room = _normal_capacity(day.ordinal, week.sunday, day_by_ordinal)
                allowed = min(room, WEEK_LIMIT - before) + WEEK_LIMIT
                if worked > allowed:
                    daily_overtime = sum(max(0, one.work - DAY_LIMIT) for one in week.days)
                    weekly_overtime = max(0, week.work - WEEK_LIMIT)
                    yield violation(
                        Rule.COMPENSATORY_REST,
                        week.monday,
                        COMPENSATORY_REST,
                        overtime=format_duration(max(daily_overtime, weekly_overtime)),
                        first=format_day(day.ordinal),
                        last=format_day(next_sunday),
                        allowed=format_duration(allowed),
                        worked=format_duration(worked),
                    )
                    break
            before += day.work


def _normal_capacity(first: int, sunday: int, day_by_ordinal: Mapping[int, Day]) -> int:
    """The work the day limit allows from day ``first`` to ``sunday``: 8 h on a weekday,
    on a Saturday or Sunday only the work done that day up to 8 h (see compensatory_rest).
    """
    saturday = sunday - 1
    capacity = DAY_LIMIT * max(0, saturday - first)
    for ordinal in range(max(first, saturday), sunday + 1):
        day = day_by_ordinal.get(ordinal)
        if day is not None:
            capacity += min(day.work, DAY_LIMIT)
    return capacity


def yearly_max(context: Context) -> Iterator[Violation]:
    """``yearly_max`` on the day the school year's internship total first exceeds 1200 h."""
    total = 0
    first_over: int | None = None
    for day in context.internship_days_in_school_year:
        total += day.internship
        if first_over is None and total > YEAR_LIMIT:
            first_over = day.ordinal
    if first_over is not None:
        yield violation(Rule.YEARLY_MAX, first_over, YEARLY_MAX, total=format_duration(total))


def _day_has_overtime(day: Day) -> bool:
    """Force majeure work that takes the day beyond 8 hours."""
    return day.has_force_majeure and day.work > DAY_LIMIT


def _week_has_overtime(week: Week) -> bool:
    """Force majeure work in a week beyond 38 hours."""
    return week.has_force_majeure and week.work > WEEK_LIMIT
