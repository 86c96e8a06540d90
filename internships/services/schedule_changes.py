"""Announcing that many pupils' planned days changed at once (``internships.signals``).

A change of the school calendar moves the lesson days of every pupil of the school year and
the days an alternating pattern skips (4), and the yearly volume counts the lesson weeks (3,
4.1.1): every pupil-year with a placement in that school year must be checked again. That can
be hundreds of pupils, so the holiday services queue ``internships.tasks.recheck_school_year``,
which calls :func:`school_year_schedules_changed`.
"""

from internships.models import Placement, SchoolHoliday, SchoolYear
from internships.signals import schedule_changed


def school_year_schedules_changed(*, school_id: int, school_year_pk: int) -> int:
    """Sends ``schedule_changed`` once for each pupil with a placement (not cancelled) of the
    school in the school year; returns how many pupils that was. The receivers check one
    pupil-year at a time in a transaction of its own, so no long transaction holds the school's
    rows while hundreds of pupils are checked."""
    school_year = SchoolYear.objects.get(pk=school_year_pk)
    placements = (
        Placement.objects.active()
        .filter(school_id=school_id, school_year=school_year)
        .select_related("student")
        .order_by("student_id")
    )
    students = {placement.student_id: placement.student for placement in placements}
    for student in students.values():
        schedule_changed.send(sender=SchoolHoliday, student=student, school_year=school_year)
    return len(students)
