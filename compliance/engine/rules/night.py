"""Night work (5.4): no work between 20:00 and 06:00, with two exceptions.

An adult with the night exemption may work at night. For a minor aged 16 or more in shift
work or work that by its nature may not be interrupted (the ``shift_work`` exemption, which
covers both), the ban is shortened: each night must keep either 22:00–06:00 or 23:00–07:00
free. 5.4 states that shortening on its own, next to the SO 74 derogation, so it does not
also need the ``night_work`` exemption. Every other minor keeps the 20:00–06:00 ban, with or
without that exemption: the engine does not know the conditions of the SO 74 annex, so it
opens no more than the shortened ban. The regime follows the age on the day the shift
starts; only internship days are looked at, but school on those days is work too.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from compliance.engine.i18n import MINUTES_PER_DAY, format_clock, gettext_noop
from compliance.engine.model import Rule, Violation
from compliance.engine.rules.context import Context, violation
from compliance.engine.timeline import Segment

# Windows in minutes from the start of the evening's day; past 1440 is the next morning.
# No window of any regime reaches into 07:00–20:00, which lets most work be skipped at once.
DAYTIME = (7 * 60, 20 * 60)
NIGHT = (20 * 60, MINUTES_PER_DAY + 6 * 60)
SHIFT_NIGHT_EARLY = (22 * 60, MINUTES_PER_DAY + 6 * 60)
SHIFT_NIGHT_LATE = (23 * 60, MINUTES_PER_DAY + 7 * 60)

NIGHT_WORK = gettext_noop(
    "Arbeid tussen 20:00 en 06:00 (%(start)s–%(end)s) zonder afwijking voor nachtarbeid."
)
NIGHT_WORK_MINOR = gettext_noop(
    "Arbeid tussen 20:00 en 06:00 (%(start)s–%(end)s): ook met een afwijking mag een "
    "minderjarige alleen vanaf 16 jaar en in ploegenarbeid of arbeid die niet onderbroken kan "
    "worden na 20:00 of vóór 06:00 werken."
)
NIGHT_WORK_SHIFT = gettext_noop(
    "Arbeid tussen 22:00 en 07:00 (%(times)s): ook in ploegenarbeid moet een minderjarige "
    "van 16 of 17 jaar elke nacht ofwel van 22:00 tot 06:00, ofwel van 23:00 tot 07:00 vrij "
    "zijn."
)


@dataclass(slots=True)
class _ShiftNight:
    """The work of minors in the shift regime between 22:00 and 07:00 of one night."""

    early: bool = False
    late: bool = False
    days: set[int] = field(default_factory=set)
    parts: list[tuple[int, int]] = field(default_factory=list)


def night_work(context: Context) -> Iterator[Violation]:
    """``night_work`` on each internship day whose work falls in a forbidden night window.

    In the shift regime a night breaks the rule when its work reaches into both 22:00–06:00
    and 23:00–07:00; it is reported on every day (the day a shift starts) that works in it.
    """
    exemptions = context.exemptions
    nights: dict[int, _ShiftNight] = {}
    for day in context.timeline.days:
        if not day.has_internship:
            continue
        daytime_from = day.ordinal * MINUTES_PER_DAY + DAYTIME[0]
        daytime_to = day.ordinal * MINUTES_PER_DAY + DAYTIME[1]
        if daytime_from <= day.first_start and day.last_end <= daytime_to:
            continue  # all of the day's work lies between 07:00 and 20:00
        minor = context.is_minor(day.ordinal)
        if exemptions.night_work and not minor:
            continue
        shift = minor and exemptions.shift_work and day.ordinal >= context.turns_16
        exempted = minor and (exemptions.night_work or exemptions.shift_work)
        for segment in day.segments:
            if daytime_from <= segment.start and segment.end <= daytime_to:
                continue
            if shift:
                _add_to_shift_nights(segment, nights)
            elif _nights_touched(segment, NIGHT):
                yield violation(
                    Rule.NIGHT_WORK,
                    day.ordinal,
                    NIGHT_WORK_MINOR if exempted else NIGHT_WORK,
                    start=format_clock(segment.start),
                    end=format_clock(segment.end),
                )
    for _evening, night in sorted(nights.items()):
        if night.early and night.late:
            for ordinal in sorted(night.days):
                yield violation(
                    Rule.NIGHT_WORK,
                    ordinal,
                    NIGHT_WORK_SHIFT,
                    times=", ".join(
                        f"{format_clock(start)}–{format_clock(end)}" for start, end in night.parts
                    ),
                )


def _nights_touched(segment: Segment, window: tuple[int, int]) -> list[int]:
    """The days whose night ``window`` shares at least one minute with the segment."""
    window_from, window_to = window
    first_day = segment.start // MINUTES_PER_DAY - 1
    last_day = (segment.end - 1) // MINUTES_PER_DAY
    return [
        day
        for day in range(first_day, last_day + 1)
        if segment.start < day * MINUTES_PER_DAY + window_to
        and segment.end > day * MINUTES_PER_DAY + window_from
    ]


def _add_to_shift_nights(segment: Segment, nights: dict[int, _ShiftNight]) -> None:
    early = _nights_touched(segment, SHIFT_NIGHT_EARLY)
    late = _nights_touched(segment, SHIFT_NIGHT_LATE)
    for evening in sorted({*early, *late}):
        night = nights.setdefault(evening, _ShiftNight())
        night.early = night.early or evening in early
        night.late = night.late or evening in late
        night.days.add(segment.day)
        base = evening * MINUTES_PER_DAY
        night.parts.append(
            (
                max(segment.start, base + SHIFT_NIGHT_EARLY[0]),
                min(segment.end, base + SHIFT_NIGHT_LATE[1]),
            )
        )
