"""Sundays and the ten legal holidays (5.3).

Internship counts for a Sunday or holiday when its clock time falls on that day, whatever
the entry's date. School on those days raises nothing here.
"""

from collections.abc import Iterator

from compliance.engine.calendar import is_sunday
from compliance.engine.i18n import gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, violation

SUNDAY_WORK = gettext_noop("Stage op zondag zonder afwijking voor zondagsarbeid.")
SUNDAY_FREQUENCY = gettext_noop(
    "Ook de vorige zondag is er stage: een minderjarige mag ook met een afwijking hoogstens "
    "één zondag op twee werken, tenzij de inspecteur vooraf toestemming gaf."
)
PUBLIC_HOLIDAY = gettext_noop(
    "Stage op een wettelijke feestdag (%(holiday)s) zonder afwijking voor feestdagarbeid."
)


def sunday_work(context: Context) -> Iterator[Violation]:
    """``sunday_work`` on each Sunday with internship, unless the placement is exempted."""
    if context.exemptions.sunday_work:
        return
    for ordinal in context.internship_calendar_days:
        if is_sunday(ordinal):
            yield violation(Rule.SUNDAY_WORK, ordinal, SUNDAY_WORK)


def sunday_frequency(context: Context) -> Iterator[Violation]:
    """``sunday_frequency`` on a Sunday with internship right after another such Sunday, for a
    minor with the Sunday exemption but without the inspector's permission.
    """
    exemptions = context.exemptions
    if not exemptions.sunday_work or exemptions.inspector_sunday_permission:
        return
    sundays = {ordinal for ordinal in context.internship_calendar_days if is_sunday(ordinal)}
    for sunday in sorted(sundays):
        if sunday - 7 in sundays and context.is_minor(sunday):
            yield violation(Rule.SUNDAY_FREQUENCY, sunday, SUNDAY_FREQUENCY)


def public_holiday(context: Context) -> Iterator[Violation]:
    """``public_holiday`` on each legal holiday with internship, unless exempted."""
    if context.exemptions.holiday_work:
        return
    holidays = context.holidays
    for ordinal in context.internship_calendar_days:
        name = holidays.get(ordinal)
        if name is not None:
            yield violation(Rule.PUBLIC_HOLIDAY, ordinal, PUBLIC_HOLIDAY, holiday=name)
