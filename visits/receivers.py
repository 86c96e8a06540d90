"""What the visits app does when another app reports a change."""

from visits.services.windows import (
    visit_windows_store_programme,
    visit_windows_store_student_year,
)


def store_windows(sender, *, student, school_year, **kwargs) -> None:
    """``compliance.signals.planned_weeks_stored``: the windows follow the planned days."""
    visit_windows_store_student_year(student=student, school_year=school_year)


def programme_saved(sender, *, instance, created, **kwargs) -> None:
    """A programme was changed (set-up screens, the admin), perhaps its visit interval: its
    placements' windows follow. Programmes change a few times a year, so no need to compare."""
    if not created:
        visit_windows_store_programme(instance)
