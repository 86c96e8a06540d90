"""The rules, one function per rule code, grouped by concept.

Each rule takes a :class:`~compliance.engine.rules.context.Context` and yields its
violations; :data:`ALL_RULES` is the order in which the checker runs them.
"""

from collections.abc import Callable, Iterable

from compliance.engine.model import Violation
from compliance.engine.rules import compensation, duration, night, organisation, rest, sundays
from compliance.engine.rules.context import Context

RuleCheck = Callable[[Context], Iterable[Violation]]

ALL_RULES: tuple[RuleCheck, ...] = (
    duration.daily_max,
    duration.weekly_max,
    duration.yearly_max,
    duration.overtime_notice,
    duration.compensatory_rest,
    rest.uninterrupted_work,
    rest.break_too_short,
    rest.daily_rest,
    rest.weekly_rest,
    sundays.sunday_work,
    sundays.sunday_frequency,
    sundays.public_holiday,
    compensation.sunday_compensatory_rest,
    compensation.holiday_compensatory_rest,
    night.night_work,
    organisation.min_age,
    organisation.outside_school_year,
    organisation.summer_holiday,
    organisation.minimum_volume,
    organisation.half_day_minimum,
)
