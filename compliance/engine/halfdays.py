"""What counts as a half day of internship (sections 3 and 4.1.1).

The legal minimum of 18 half days a school year (3) counts mornings and afternoons, not
hours: a half day is a morning or an afternoon spent at the host. A morning or an afternoon
counts when it holds at least two lesson hours of internship, and a day with less than four
lesson hours (3 h 20 min) counts none: an alternating internship during school hours is at
least half a day (4.1.1). The afternoon starts at 13:00 by the clock of the day the work
belongs to; work after midnight belongs to that afternoon too.

Plain integers: minutes since midnight of the day, which may run past 1440.
"""

from collections.abc import Iterable

LESSON_HOUR = 50
# 4.1.1: four lesson hours a week are half a working day.
HALF_DAY_MINIMUM = 4 * LESSON_HOUR
PART_MINIMUM = 2 * LESSON_HOUR
AFTERNOON_FROM = 13 * 60


def half_days(intervals: Iterable[tuple[int, int]]) -> int:
    """The half days in one day's internship ``intervals`` (``[start, end)`` in minutes since
    that day's midnight, breaks left out): 0, 1 or 2.
    """
    morning = afternoon = 0
    for start, end in intervals:
        morning += max(0, min(end, AFTERNOON_FROM) - start)
        afternoon += max(0, end - max(start, AFTERNOON_FROM))
    return half_days_of(morning, afternoon)


def half_days_of(morning: int, afternoon: int) -> int:
    """The half days in one day with ``morning`` minutes of internship before 13:00 and
    ``afternoon`` minutes after it: 0, 1 or 2.
    """
    if morning + afternoon < HALF_DAY_MINIMUM:
        return 0
    return max(1, (morning >= PART_MINIMUM) + (afternoon >= PART_MINIMUM))


def is_below_half_day(minutes: int) -> bool:
    """Whether a day with ``minutes`` of internship is too short to be a half day (4.1.1)."""
    return 0 < minutes < HALF_DAY_MINIMUM
