"""Working time (5.1): 8 hours a day, 38 a week, 1200 internship hours a school year.

Overtime is allowed only in force majeure. The limits apply to the regular work, i.e. all
work except internship entries marked ``force_majeure``: a day whose regular work already
exceeds 8 hours breaks the rule whatever else happens that day, and only the force majeure
work on top of it turns into an ``overtime_notice`` warning. This also makes removing an
entry never create a ``daily_max`` or ``weekly_max`` error.
"""

from collections.abc import Iterator

from compliance.engine.i18n import format_duration, gettext_noop
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
    "Overwerk door overmacht in deze week (%(overtime)s) vraagt evenveel inhaalrust vóór het "
    "einde van de volgende week: deze en de volgende week samen mogen hoogstens %(allowed)s "
    "arbeid tellen, maar het rooster telt er %(worked)s."
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
    compensatory rest does not fit before the end of week W+1 (5.1).

    The rest must equal the overtime and be taken before the end of the following week. The
    engine reads that as: W and W+1 together may hold at most the normal 2 × 38 h minus the
    overtime that 2 × 38 h does not already absorb. With ``O_day`` the sum over W's days of
    the work beyond 8 h and ``O_week`` the work of W beyond 38 h, the daily overtime not yet
    reflected in the week's total is ``max(0, O_day − O_week)``; the rule is broken when
    ``total(W) + total(W+1) + max(0, O_day − O_week) > 76 h``. The total overtime shown is
    ``max(O_day, O_week)``. A week has force majeure overtime when it has an overtime notice.
    """
    work_by_monday = {week.monday: week.work for week in context.weeks}
    for week in context.weeks:
        if not _week_has_overtime(week) and not any(map(_day_has_overtime, week.days)):
            continue
        daily_overtime = sum(max(0, day.work - DAY_LIMIT) for day in week.days)
        weekly_overtime = max(0, week.work - WEEK_LIMIT)
        allowed = 2 * WEEK_LIMIT - max(0, daily_overtime - weekly_overtime)
        worked = week.work + work_by_monday.get(week.monday + 7, 0)
        if worked > allowed:
            yield violation(
                Rule.COMPENSATORY_REST,
                week.monday,
                COMPENSATORY_REST,
                overtime=format_duration(max(daily_overtime, weekly_overtime)),
                allowed=format_duration(allowed),
                worked=format_duration(worked),
            )


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
