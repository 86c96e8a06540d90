"""Writes of the visit windows (``VisitWindow``): the visits each placement's plan asks for.

The windows follow from the placement's planned days, its periods and its programme's visit
interval (annex 3, ``visits.selectors.plan.windows_of``). The planned days are the ones the
latest compliance check stored (``compliance.PlannedWeek``), so the windows are stored again
whenever a check stores them (``compliance.signals.planned_weeks_stored``) and when a
programme's interval changes; every list of visits to plan reads them instead of expanding
hundreds of schedules.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q, QuerySet

from compliance.models import PlannedWeek
from internships.models import Placement, Programme, SchoolYear, Student
from visits.models import VisitWindow
from visits.selectors.plan import interval_weeks, windows_of


@transaction.atomic
def visit_windows_store(placements: QuerySet[Placement]) -> int:
    """Stores the windows of ``placements`` again from their stored planned weeks; a placement
    without planned days (a cancelled one has none) keeps none. Returns how many were stored."""
    placements = list(
        placements.select_related(
            "school_class__programme", "student__school_class__programme"
        ).prefetch_related("periods")
    )
    ids = [placement.pk for placement in placements]
    days: dict[int, list] = defaultdict(list)
    for week in PlannedWeek.objects.filter(placement_id__in=ids):
        days[week.placement_id].extend(week.dates)
    VisitWindow.objects.filter(placement_id__in=ids).delete()
    windows = [
        VisitWindow(
            placement=placement,
            period=window.period,
            window_start=window.window_start,
            window_end=window.window_end,
            proposed_on=window.proposed_on,
        )
        for placement in placements
        for window in windows_of(
            placement.periods.all(), days[placement.pk], interval_weeks(placement)
        )
    ]
    VisitWindow.objects.bulk_create(windows)
    return len(windows)


_deferred: ContextVar[dict[tuple[int, int], None] | None] = ContextVar(
    "deferred_visit_windows", default=None
)


@contextmanager
def visit_windows_deferred() -> Iterator[None]:
    """Stores the windows of the pupil-years whose planned weeks were stored inside the block
    once, all together, when the block ends (bulk work such as the demo data: a check of
    hundreds of pupil-years, ``compliance_check_student_years``)."""
    if _deferred.get() is not None:
        yield
        return
    pending: dict[tuple[int, int], None] = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    visit_windows_store_student_years(list(pending))


def visit_windows_store_student_year(*, student: Student, school_year: SchoolYear) -> None:
    pending = _deferred.get()
    if pending is not None:
        pending[student.pk, school_year.pk] = None
        return
    visit_windows_store(Placement.objects.filter(student=student, school_year=school_year))


def visit_windows_store_student_years(pupil_years: list[tuple[int, int]]) -> None:
    """The windows of the placements of these pupil-years (pupil and school year keys)."""
    if not pupil_years:
        return
    wanted = set(pupil_years)
    candidates = Placement.objects.filter(
        student_id__in={student_id for student_id, _year in wanted},
        school_year_id__in={year_id for _student, year_id in wanted},
    ).values_list("pk", "student_id", "school_year_id")
    ids = [pk for pk, *key in candidates if tuple(key) in wanted]
    visit_windows_store(Placement.objects.filter(pk__in=ids).order_by("pk"))


def visit_windows_store_programme(programme: Programme) -> None:
    """A programme's visit interval changed: its placements' windows follow."""
    visit_windows_store(
        Placement.objects.filter(
            Q(school_class__programme=programme)
            | Q(school_class__isnull=True, student__school_class__programme=programme)
        )
    )
