"""What to change so a violation goes away: one concrete suggestion per rule code (5).

A suggestion is, like a violation's message, a Dutch ``%(name)s`` template (its own msgid,
marked with :func:`gettext_noop`) with formatted params, so the web layer translates it.
Suggestions are keyed by the rule's string code, not by :class:`Rule`, so a code the engine
adds later gets its suggestion as soon as violations carry it. The numbers come from the
violation's params (the engine writes durations as ``8 u 30 min`` and clock times as
``07:30``); when a param is missing or unreadable, the rule's general suggestion is given.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from compliance.engine.advice_texts import GENERAL, TEXTS, TITLES
from compliance.engine.breaks import break_needed, is_minor
from compliance.engine.calendar import birthday
from compliance.engine.i18n import MINUTES_PER_DAY, MINUTES_PER_HOUR, format_clock, format_duration
from compliance.engine.rules.duration import DAY_LIMIT, WEEK_LIMIT, YEAR_LIMIT
from compliance.engine.rules.organisation import MINIMUM_HALF_DAYS
from compliance.engine.rules.rest import (
    ADULT_DAILY_REST,
    DAILY_REST,
    MAX_UNINTERRUPTED,
    SHORT_BREAK,
    SUNDAY_WORK_REST,
)

# Leaving earlier on one day of the week (5.1) fits an excess of up to half a day.
EARLIER_ONE_DAY_UP_TO = 4 * MINUTES_PER_HOUR
NOTICE_DAYS = 3  # the inspector is told within three days of the overtime (5.1)
SUNDAY_REST_WITHIN_DAYS = 6  # Arbeidswet art. 16 (5.3)
HOLIDAY_REST_WITHIN_DAYS = 6 * 7  # law of 4 January 1974 on public holidays, art. 11 (5.3)
HALF_DAY_MINUTES = 4 * 50  # four lesson hours of 50 minutes (4.1.1)


@dataclass(frozen=True, slots=True)
class Advice:
    """A suggestion: ``template`` is the Dutch msgid, ``params`` its formatted values."""

    template: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The Dutch text."""
        return self.template % self.params


@dataclass(frozen=True, slots=True)
class Facts:
    """What a suggestion may depend on besides the rule: the violation's params, the dates it
    was found on (one or more, in order), the pupil's age and the placement's exemptions
    (:class:`~compliance.engine.model.Exemptions` field names)."""

    params: Mapping[str, str]
    dates: Sequence[dt.date]
    minor: bool
    birth_date: dt.date | None = None
    exemptions: frozenset[str] = frozenset()

    def duration(self, name: str) -> int | None:
        return parse_duration(self.params.get(name))

    def clock(self, name: str) -> int | None:
        return parse_clock(self.params.get(name))

    @property
    def single_date(self) -> dt.date | None:
        return self.dates[0] if len(self.dates) == 1 else None


def rule_code(rule: object) -> str:
    """The string code of a rule, whether a :class:`Rule` member or a plain string."""
    return str(getattr(rule, "value", rule))


def rule_title(code: str) -> str | None:
    """A short Dutch name of the rule (a msgid), or ``None`` for an unknown code."""
    return TITLES.get(code)


def suggestion(
    code: str,
    params: Mapping[str, str],
    *,
    dates: Sequence[dt.date],
    birth_date: dt.date | None = None,
    exemptions: frozenset[str] = frozenset(),
) -> Advice | None:
    """The fix to propose for violations of rule ``code`` with these params on ``dates``.

    Without a birth date the pupil is taken to be a minor, whose rules are the stricter.
    ``None`` only for a code this module does not know.
    """
    adviser = _ADVISERS.get(code)
    if adviser is None:
        return None
    minor = birth_date is None or not dates or is_minor(birth_date, dates[0])
    facts = Facts(params, dates, minor, birth_date, exemptions)
    return adviser(facts) or Advice(GENERAL[code])


def suggestion_for(
    violation,
    *,
    birth_date: dt.date | None = None,
    exemptions: frozenset[str] = frozenset(),
) -> Advice | None:
    """:func:`suggestion` for one violation (an engine ``Violation`` or any object with
    ``rule``, ``date`` and ``params``)."""
    return suggestion(
        rule_code(violation.rule),
        violation.params,
        dates=(violation.date,),
        birth_date=birth_date,
        exemptions=exemptions,
    )


def parse_duration(text: str | None) -> int | None:
    """Minutes in a duration written as the engine writes it (``8 u 30 min``, ``45 min``)."""
    if not text:
        return None
    words = text.split()
    minutes = 0
    try:
        while words:
            number, unit, *words = words
            if unit not in ("u", "h", "min"):
                return None
            minutes += int(number) * (MINUTES_PER_HOUR if unit != "min" else 1)
    except ValueError:
        return None
    return minutes


def parse_clock(text: str | None) -> int | None:
    """Minutes after midnight of a clock time ``UU:MM``."""
    try:
        clock = dt.time.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return clock.hour * MINUTES_PER_HOUR + clock.minute


def format_date(day: dt.date) -> str:
    """A date the way the pages write it: ``9/02/2026``."""
    return f"{day.day}/{day.month:02d}/{day.year}"


def _text(code: str, variant: str, **params: str) -> Advice:
    return Advice(TEXTS[code, variant], params)


def _daily_max(facts: Facts) -> Advice | None:
    worked = facts.duration("worked")
    if worked is None or worked <= DAY_LIMIT:
        return None
    return _text("daily_max", "excess", excess=format_duration(worked - DAY_LIMIT))


def _weekly_max(facts: Facts) -> Advice | None:
    worked = facts.duration("worked")
    if worked is None or worked <= WEEK_LIMIT:
        return None
    excess = worked - WEEK_LIMIT
    variant = "one_day" if excess <= EARLIER_ONE_DAY_UP_TO else "more"
    return _text("weekly_max", variant, excess=format_duration(excess))


def _yearly_max(facts: Facts) -> Advice | None:
    total = facts.duration("total")
    if total is None or total <= YEAR_LIMIT:
        return None
    return _text("yearly_max", "excess", excess=format_duration(total - YEAR_LIMIT))


def _overtime_notice(facts: Facts) -> Advice | None:
    overtime = facts.duration("overtime") or max(
        facts.duration("day_overtime") or 0, facts.duration("week_overtime") or 0
    )
    worked = facts.duration("worked") or facts.duration("day_worked")
    day = facts.single_date
    # A notice for a week is dated its Monday, not the day of the overtime; a day holds at
    # most 24 hours of work, so a larger "worked" belongs to a week.
    is_day = "day_worked" in facts.params or (worked is not None and worked <= MINUTES_PER_DAY)
    if not overtime:
        return None
    if day is not None and is_day:
        deadline = format_date(day + dt.timedelta(days=NOTICE_DAYS))
        return _text(
            "overtime_notice", "deadline", deadline=deadline, overtime=format_duration(overtime)
        )
    return _text("overtime_notice", "overtime", overtime=format_duration(overtime))


def _compensatory_rest(facts: Facts) -> Advice | None:
    overtime, allowed, worked = (facts.duration(name) for name in ("overtime", "allowed", "worked"))
    if overtime is None or allowed is None or worked is None or worked <= allowed:
        return None
    return _text(
        "compensatory_rest",
        "excess",
        overtime=format_duration(overtime),
        excess=format_duration(worked - allowed),
    )


def _uninterrupted_work(facts: Facts) -> Advice | None:
    start = facts.clock("start")
    if start is None:
        return None
    return _text(
        "uninterrupted_work",
        "latest",
        start=format_clock(start),
        latest=format_clock(start + MAX_UNINTERRUPTED),
    )


def _break_too_short(facts: Facts) -> Advice | None:
    if "longest" in facts.params:
        longest = facts.duration("longest")
        return (
            None
            if longest is None
            else _text("break_too_short", "single", longest=format_duration(longest))
        )
    worked, breaks = facts.duration("worked"), facts.duration("breaks")
    if worked is None or breaks is None:
        return None
    needed = break_needed(worked, minor=facts.minor)
    if needed <= breaks:
        return None
    missing = format_duration(needed - breaks)
    if not facts.minor:
        return _text("break_too_short", "adult", breaks=format_duration(breaks))
    if needed == SHORT_BREAK:
        return _text("break_too_short", "half_hour", missing=missing)
    return _text("break_too_short", "hour", missing=missing)


def _daily_rest(facts: Facts) -> Advice | None:
    end, start, rest = facts.clock("end"), facts.clock("start"), facts.duration("rest")
    needed = DAILY_REST if facts.minor else ADULT_DAILY_REST
    if end is None or start is None or rest is None or rest >= needed:
        return None
    return _text(
        "daily_rest",
        "shift",
        missing=format_duration(needed - rest),
        earliest=format_clock(end + needed),
        latest=format_clock(start - needed),
        needed=format_duration(needed),
    )


def _weekly_rest(facts: Facts) -> Advice | None:
    if "longest" not in facts.params:
        return _text("weekly_rest", "saturday_or_monday")
    longest = facts.duration("longest")
    if longest is None or longest >= SUNDAY_WORK_REST:
        return None
    return _text("weekly_rest", "after_sunday", longest=format_duration(longest))


def _by_age(code: str) -> Callable[[Facts], Advice]:
    """Suggestions whose ground differs for minors (SO 74) and adults (regular workers)."""

    def adviser(facts: Facts) -> Advice:
        return _text(code, "minor" if facts.minor else "adult")

    return adviser


def _sunday_frequency(facts: Facts) -> Advice:
    return _text("sunday_frequency", "move")


def _public_holiday(facts: Facts) -> Advice | None:
    holiday = facts.params.get("holiday")
    if not holiday:
        return None
    return _text("public_holiday", "minor" if facts.minor else "adult", holiday=holiday)


def _night_work(facts: Facts) -> Advice | None:
    if "times" in facts.params:
        return _text("night_work", "shift")
    start, end = facts.params.get("start"), facts.params.get("end")
    if not start or not end:
        return None
    if not facts.minor:
        variant = "adult"
    elif facts.exemptions & {"night_work", "shift_work"}:
        variant = "minor_exempted"
    else:
        variant = "minor"
    return _text("night_work", variant, start=start, end=end)


def _min_age(facts: Facts) -> Advice | None:
    if facts.birth_date is None:
        return None
    return _text("min_age", "birthday", birthday=format_date(birthday(facts.birth_date, 15)))


def _outside_school_year(facts: Facts) -> Advice | None:
    school_year = facts.params.get("school_year")
    return _text("outside_school_year", "move", school_year=school_year) if school_year else None


def _summer_holiday(facts: Facts) -> Advice | None:
    year, longest = facts.params.get("year"), facts.params.get("longest")
    if not year or not longest:
        return None
    return _text("summer_holiday", "free", year=year, longest=longest)


def _minimum_volume(facts: Facts) -> Advice | None:
    try:
        half_days = int(facts.params.get("half_days", ""))
    except ValueError:
        return None
    school_year = facts.params.get("school_year")
    if not school_year or half_days >= MINIMUM_HALF_DAYS:
        return None
    return _text(
        "minimum_volume",
        "missing",
        missing=str(MINIMUM_HALF_DAYS - half_days),
        school_year=school_year,
    )


def _sunday_compensatory_rest(facts: Facts) -> Advice | None:
    sunday = facts.single_date
    if sunday is None:
        return None
    return _text(
        "sunday_compensatory_rest",
        "window",
        first=format_date(sunday + dt.timedelta(days=1)),
        last=format_date(sunday + dt.timedelta(days=SUNDAY_REST_WITHIN_DAYS)),
    )


def _holiday_compensatory_rest(facts: Facts) -> Advice | None:
    holiday = facts.single_date
    if holiday is None:
        return None
    deadline = holiday + dt.timedelta(days=HOLIDAY_REST_WITHIN_DAYS)
    return _text("holiday_compensatory_rest", "deadline", deadline=format_date(deadline))


def _half_day_minimum(facts: Facts) -> Advice | None:
    worked = next(
        (
            minutes
            for name in ("worked", "internship", "duration")
            if (minutes := facts.duration(name)) is not None
        ),
        None,
    )
    if worked is None or worked >= HALF_DAY_MINUTES:
        return None
    return _text("half_day_minimum", "missing", missing=format_duration(HALF_DAY_MINUTES - worked))


_ADVISERS: Mapping[str, Callable[[Facts], Advice | None]] = {
    "daily_max": _daily_max,
    "weekly_max": _weekly_max,
    "yearly_max": _yearly_max,
    "overtime_notice": _overtime_notice,
    "compensatory_rest": _compensatory_rest,
    "uninterrupted_work": _uninterrupted_work,
    "break_too_short": _break_too_short,
    "daily_rest": _daily_rest,
    "weekly_rest": _weekly_rest,
    "sunday_work": _by_age("sunday_work"),
    "sunday_frequency": _sunday_frequency,
    "public_holiday": _public_holiday,
    "night_work": _night_work,
    "min_age": _min_age,
    "outside_school_year": _outside_school_year,
    "summer_holiday": _summer_holiday,
    "minimum_volume": _minimum_volume,
    "sunday_compensatory_rest": _sunday_compensatory_rest,
    "holiday_compensatory_rest": _holiday_compensatory_rest,
    "half_day_minimum": _half_day_minimum,
}
